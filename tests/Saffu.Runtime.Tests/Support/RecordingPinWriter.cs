using Saffu.Runtime.Actions;

namespace Saffu.Runtime.Tests
{
    /// <summary>An IPinWriter that records each call as text ("D13=1", "P26=500") and keeps each pin's last value.</summary>
    public sealed class RecordingPinWriter : IPinWriter
    {
        public string Log = "";
        /// <summary>Last value written to GPIO 0..39: 0/1 digital, permille PWM; −1 never written.</summary>
        public readonly int[] Pins = new int[40];

        public RecordingPinWriter()
        {
            for (int i = 0; i < Pins.Length; i++) Pins[i] = -1;
        }

        public void WriteDigital(int pin, bool high)
        {
            Append("D" + pin.ToString() + "=" + (high ? "1" : "0"));
            Pins[pin] = high ? 1 : 0;
        }

        public void WritePwm(int pin, int dutyPermille)
        {
            Append("P" + pin.ToString() + "=" + dutyPermille.ToString());
            Pins[pin] = dutyPermille;
        }

        void Append(string entry)
        {
            Log += Log.Length == 0 ? entry : " " + entry;
        }
    }
}
