using System.IO.Ports;
using nanoFramework.Hardware.Esp32;
using Saffu.Device.Platform;
using Saffu.Device.State;

namespace Saffu.Device.Hardware
{
    /// <summary>
    /// The protocol's UART (settings: port, TX/RX pins, baud; default COM2 on GPIO 17/16 at 115200
    /// 8N1): bytes out for the application, bytes in through Poll.
    /// </summary>
    public sealed class EspSerial : ISerialOutput
    {
        public const int ReadBufferBytes = 2048;
        readonly SerialPort port;
        readonly byte[] input = new byte[256];

        public EspSerial(DeviceSettings settings)
        {
            if (settings.SerialPort == "COM2")
            {
                Configuration.SetPinFunction(settings.SerialTx, DeviceFunction.COM2_TX);
                Configuration.SetPinFunction(settings.SerialRx, DeviceFunction.COM2_RX);
            }
            else if (settings.SerialPort == "COM3")
            {
                Configuration.SetPinFunction(settings.SerialTx, DeviceFunction.COM3_TX);
                Configuration.SetPinFunction(settings.SerialRx, DeviceFunction.COM3_RX);
            }
            port = new SerialPort(settings.SerialPort, settings.Baud, Parity.None, 8, StopBits.One);
            port.ReadBufferSize = ReadBufferBytes;
            port.Open();
        }

        public void Write(byte[] buffer, int index, int count)
        {
            port.Write(buffer, index, count);
        }

        /// <summary>Feeds the bytes waiting in the UART to the application; false when there were none.</summary>
        public bool Poll(DeviceApplication app)
        {
            int n = port.BytesToRead;
            if (n <= 0) return false;
            if (n > input.Length) n = input.Length;
            int read = port.Read(input, 0, n);
            if (read > 0) app.Receive(input, 0, read);
            return read > 0;
        }
    }
}
