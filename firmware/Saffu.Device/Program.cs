using System;
using System.Threading;
using Saffu.Device.Hardware;
using Saffu.Device.Platform;
using Saffu.Device.State;
using Saffu.Device.Storage;

namespace Saffu.Device
{
    /// <summary>Wires the ESP32 adapters to the portable application and runs the serial loop.</summary>
    public static class Program
    {
        public static void Main()
        {
            IRegionStore storage = OpenFlash();
            DeviceSettings settings = DeviceSettings.Load(storage);
            EspSerial serial = new EspSerial(settings);
            EspBoard board = new EspBoard();
            DeviceApplication app = new DeviceApplication(new DevicePorts(storage, new EspPins(), board, board, serial, board));
            app.Boot();
            while (true)
            {
                if (!serial.Poll(app)) Thread.Sleep(5);
            }
        }

        /// <summary>The flash regions on I:\, or RAM when the file system cannot be used (nothing then survives a reboot).</summary>
        static IRegionStore OpenFlash()
        {
            try
            {
                return new FlashRegionStore();
            }
            catch (Exception)
            {
                return new RamRegionStore();
            }
        }
    }
}
