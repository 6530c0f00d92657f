using Saffu.Device.Storage;
using Saffu.Runtime.Text;

namespace Saffu.Device.State
{
    /// <summary>
    /// The device's settings (docs/serial-protocol.md, settings), kept as `key=value` lines in a
    /// durable pair. Unknown keys are ignored, missing ones take the defaults.
    /// </summary>
    public sealed class DeviceSettings
    {
        public const string RegionName = "settings";
        public const int RegionBytes = 512;
        public const string DefaultPort = "COM2";
        public const int DefaultTx = 17, DefaultRx = 16, DefaultBaud = 115200;
        public const int MinBaud = 1200, MaxBaud = 921600;

        readonly DurablePair pair;
        readonly byte[] payload;

        DeviceSettings(DurablePair pair)
        {
            this.pair = pair;
            payload = new byte[pair.MaxPayload];
            SerialPort = DefaultPort;
            SerialTx = DefaultTx;
            SerialRx = DefaultRx;
            Baud = DefaultBaud;
            SelfTest = true;
            PersistLights = true;
        }

        public int RamBytes { get { return pair.RamBytes + payload.Length; } }

        public string SerialPort { get; private set; }
        public int SerialTx { get; private set; }
        public int SerialRx { get; private set; }
        public int Baud { get; private set; }
        /// <summary>Blink every light once at boot.</summary>
        public bool SelfTest { get; private set; }
        /// <summary>Keep light states in flash and restore them at boot.</summary>
        public bool PersistLights { get; private set; }

        /// <summary>Reads the settings region (defaults when it holds none).</summary>
        public static DeviceSettings Load(IRegionStore store)
        {
            DeviceSettings s = new DeviceSettings(new DurablePair(store.Open(RegionName, RegionBytes), DurablePair.KindSettings));
            int n = s.pair.Read(s.payload);
            if (n > 0) s.ApplyText(Utf8.Decode(s.payload, 0, n));   // the CRC vouches for the bytes; Decode never throws
            return s;
        }

        /// <summary>Sets one key; null when done, else the message for bad_argument. Saves on success.</summary>
        public string? Set(string key, string value)
        {
            string? problem = Apply(key, value);
            if (problem != null) return problem;
            Save();
            return null;
        }

        /// <summary>The settings as stored: key=value lines.</summary>
        public string ToText()
        {
            return "serial_port=" + SerialPort + "\nserial_tx=" + SerialTx + "\nserial_rx=" + SerialRx + "\nbaud=" + Baud
                + "\nself_test=" + OnOff(SelfTest) + "\npersist_lights=" + OnOff(PersistLights) + "\n";
        }

        void Save()
        {
            int n = Utf8.Encode(ToText(), payload);
            pair.Write(payload, n);
        }

        void ApplyText(string text)
        {
            int at = 0;
            while (at < text.Length)
            {
                int end = text.IndexOf('\n', at);
                if (end < 0) end = text.Length;
                int eq = text.IndexOf('=', at);
                if (eq > at && eq < end) Apply(text.Substring(at, eq - at), text.Substring(eq + 1, end - eq - 1));
                at = end + 1;
            }
        }

        string? Apply(string key, string value)
        {
            switch (key)
            {
                case "serial_port":
                    if (value != "COM1" && value != "COM2" && value != "COM3") return "serial_port \"" + value + "\": expected COM1, COM2 or COM3";
                    SerialPort = value;
                    return null;
                case "serial_tx": return SetPin(value, true);
                case "serial_rx": return SetPin(value, false);
                case "baud":
                    int baud;
                    if (!int.TryParse(value, out baud) || baud < MinBaud || baud > MaxBaud) return "baud \"" + value + "\": expected " + MinBaud + ".." + MaxBaud;
                    Baud = baud;
                    return null;
                case "self_test": return SetFlag(value, true);
                case "persist_lights": return SetFlag(value, false);
                default: return "unknown setting \"" + key + "\": expected serial_port, serial_tx, serial_rx, baud, self_test or persist_lights";
            }
        }

        string? SetPin(string value, bool tx)
        {
            int pin;
            if (!int.TryParse(value, out pin) || !SerialPins.IsUsable(pin))
                return (tx ? "serial_tx" : "serial_rx") + " \"" + value + "\": expected a GPIO that can carry a UART (" + SerialPins.Describe() + ")";
            if (tx) SerialTx = pin; else SerialRx = pin;
            return null;
        }

        string? SetFlag(string value, bool selfTest)
        {
            if (value != "on" && value != "off") return (selfTest ? "self_test" : "persist_lights") + " \"" + value + "\": expected on or off";
            if (selfTest) SelfTest = value == "on"; else PersistLights = value == "on";
            return null;
        }

        static string OnOff(bool v) { return v ? "on" : "off"; }
    }
}
