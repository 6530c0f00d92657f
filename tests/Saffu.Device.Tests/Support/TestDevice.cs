using System.Collections;
using Saffu.Device.Platform;
using Saffu.Device.Storage;
using Saffu.Runtime.Text;
using Saffu.Runtime.Tests;

namespace Saffu.Device.Tests
{
    /// <summary>
    /// A device application on RAM flash with a power-cut hook, recorded pins, a hand-moved clock
    /// (1 ms per read, so answers are the same on every run) and the serial output split into lines.
    /// </summary>
    public sealed class TestDevice : IClock, ISystemControl, ISerialOutput, IBuiltinBlob
    {
        public const long StartTicks = 123456789;
        readonly byte[]? builtin;
        readonly ArrayList lines = new ArrayList();
        byte[] pending = new byte[4096];
        int pendingCount;
        long now;

        public TestDevice(byte[]? builtinBlob) : this(new RamRegionStore(), builtinBlob) { }

        public TestDevice(RamRegionStore ram, byte[]? builtinBlob)
        {
            Ram = ram;
            Flash = new PowerCutStore(ram);
            builtin = builtinBlob;
            BootLines = PowerCycle();
        }

        public RamRegionStore Ram { get; }
        public PowerCutStore Flash { get; }
        public RecordingPinWriter Pins { get; private set; } = new RecordingPinWriter();
        public DeviceApplication App { get; private set; } = null!;
        public string[] BootLines { get; private set; }
        public long SleptMs { get; private set; }

        /// <summary>Power off and on: pins cleared, a new application boots from the flash; its lines.</summary>
        public string[] PowerCycle()
        {
            Flash.Restore();
            now = StartTicks;
            Pins = new RecordingPinWriter();
            App = new DeviceApplication(new DevicePorts(Flash, Pins, this, this, this, builtin == null ? null : this));
            App.Boot();
            BootLines = Take();
            return BootLines;
        }

        /// <summary>One request line (\n added); the answer lines.</summary>
        public string[] Send(string line)
        {
            return SendBytes(Utf8Bytes(line + "\n"));
        }

        public string[] SendBytes(byte[] bytes)
        {
            App.Receive(bytes, 0, bytes.Length);
            return Take();
        }

        public static byte[] Utf8Bytes(string s)
        {
            byte[] b = new byte[s.Length * 3];
            int n = Utf8.Encode(s, b);
            byte[] r = new byte[n];
            System.Array.Copy(b, r, n);
            return r;
        }

        public long Ticks { get { now += 10000; return now; } }

        /// <summary>Moves the clock on by ms milliseconds.</summary>
        public void Advance(int ms) { now += ms * 10000L; }
        public void Reboot() { }
        public long FreeHeapBytes() { return 0; }
        public void Sleep(int ms) { SleptMs += ms; }
        public byte[]? Read() { return builtin; }

        public void Write(byte[] buffer, int index, int count)
        {
            for (int i = index; i < index + count; i++)
            {
                if (buffer[i] == (byte)'\n')
                {
                    lines.Add(Utf8.Decode(pending, 0, pendingCount));
                    pendingCount = 0;
                    continue;
                }
                if (pendingCount == pending.Length)
                {
                    byte[] bigger = new byte[pending.Length * 2];
                    System.Array.Copy(pending, bigger, pendingCount);
                    pending = bigger;
                }
                pending[pendingCount++] = buffer[i];
            }
        }

        string[] Take()
        {
            string[] r = new string[lines.Count];
            for (int i = 0; i < r.Length; i++) r[i] = (string)lines[i]!;
            lines.Clear();
            return r;
        }
    }
}
