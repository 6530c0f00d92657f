using System.Diagnostics;
using System.Text;
using Saffu.Device;
using Saffu.Device.Platform;
using Saffu.Device.Storage;

namespace Saffu.Training.DeviceSimulation;

/// <summary>
/// A simulated ESP32 running the portable device application (`firmware/Saffu.Device`, the same
/// code the board runs) with simulated pins, flash and serial (docs/serial-protocol.md).
/// <para>API, for `saffu device --port sim:DIR` and tests:</para>
/// <list type="bullet">
/// <item><c>SimulatedDevice.Open(dir, builtinBlob)</c> — flash kept as files in <c>dir</c>
/// (<see cref="FileRegionStore"/>: <c>log.bin</c>, <c>slot-a.bin</c>, …); the built-in blob is
/// <c>builtinBlob</c>, else <c>dir/builtin.blob</c> when that file exists, else none. Boots at once;
/// <see cref="BootLines"/> holds the boot event line.</item>
/// <item><c>SimulatedDevice.Open(IRegionStore flash, builtinBlob)</c> — the same over any flash
/// (tests use <see cref="RamRegionStore"/> for speed).</item>
/// <item><see cref="Exchange"/>(line) — sends one request line (the \n is added) and returns every
/// line the device wrote in answer (after a <c>reboot</c> also the new boot event).</item>
/// <item><see cref="WriteBytes"/>(bytes) — raw serial bytes (garbage, half lines, floods); returns the
/// lines completed.</item>
/// <item><see cref="Pins"/> — each GPIO's level (digital 0/1, PWM permille) and mode, and the writes.</item>
/// <item><see cref="CutPowerAfter"/>(n) — the power fails after n more bytes reach flash (counted over
/// all regions, <see cref="FlashBytesWritten"/>); nothing is written after that, <see cref="PoweredOff"/>
/// turns true, and <see cref="Exchange"/>/<see cref="WriteBytes"/> refuse until <see cref="PowerCycle"/>,
/// which boots a new application from the same flash (pins cleared) and returns its boot lines.</item>
/// </list>
/// Not thread-safe: one caller at a time, like the one serial line.
/// </summary>
public sealed class SimulatedDevice
{
    private readonly PowerCutStore _flash;
    private readonly IBuiltinBlob? _builtin;
    private readonly LineCollector _output = new();
    private readonly SimulatedSystem _system = new();
    private readonly StopwatchClock _clock = new();

    private SimulatedDevice(IRegionStore flash, byte[]? builtinBlob, string? directory)
    {
        _flash = new PowerCutStore(flash);
        _builtin = builtinBlob is null ? null : new BuiltinBytes(builtinBlob);
        Directory = directory;
        BootLines = Start();
    }

    /// <summary>The flash folder (null over another store).</summary>
    public string? Directory { get; }
    /// <summary>The lines written by the last boot (the boot event).</summary>
    public IReadOnlyList<string> BootLines { get; private set; }
    /// <summary>The running application (status and tests).</summary>
    public DeviceApplication Application { get; private set; } = null!;
    public SimulatedPins Pins { get; } = new();
    /// <summary>Boots since this object was made (power cycles and reboots).</summary>
    public int Boots { get; private set; }
    /// <summary>Bytes written to flash since this object was made.</summary>
    public long FlashBytesWritten => _flash.BytesWritten;
    /// <summary>True after a simulated power cut, until <see cref="PowerCycle"/>.</summary>
    public bool PoweredOff => _flash.Cut;
    /// <summary>Milliseconds the application asked to wait (the self-test blink), in total.</summary>
    public long SleptMs => _system.SleptMs;

    public static SimulatedDevice Open(string directory, byte[]? builtinBlob = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        string file = Path.Combine(directory, "builtin.blob");
        byte[]? builtin = builtinBlob ?? (File.Exists(file) ? File.ReadAllBytes(file) : null);
        return new SimulatedDevice(new FileRegionStore(directory), builtin, directory);
    }

    public static SimulatedDevice Open(IRegionStore flash, byte[]? builtinBlob = null) => new(flash, builtinBlob, null);

    /// <summary>Sends one request line (without its \n) and returns the lines written in answer.</summary>
    public string[] Exchange(string requestLine) => WriteBytes(Encoding.UTF8.GetBytes(requestLine + "\n"));

    /// <summary>Sends raw bytes; returns the lines the device completed meanwhile.</summary>
    public string[] WriteBytes(byte[] bytes)
    {
        if (PoweredOff) throw new InvalidOperationException("the simulated device has no power (a power cut was simulated): call PowerCycle first");
        Application.Receive(bytes, 0, bytes.Length);
        var lines = new List<string>(_output.Take());
        if (Application.RebootRequested && !PoweredOff) lines.AddRange(Start());
        return lines.ToArray();
    }

    /// <summary>Cuts the power once n more bytes have been written to flash (0: at the next write).</summary>
    public void CutPowerAfter(long n) => _flash.CutAfter(n);

    /// <summary>Power off and on: a new application boots from the flash as it is; returns its boot lines.</summary>
    public string[] PowerCycle()
    {
        _flash.Restore();
        _output.Take();
        return Start();
    }

    private string[] Start()
    {
        Pins.Clear();
        _clock.Restart();
        Application = new DeviceApplication(new DevicePorts(_flash, Pins, _clock, _system, _output, _builtin));
        Application.Boot();
        Boots++;
        string[] lines = _output.Take();
        BootLines = lines;
        return lines;
    }

    private sealed class BuiltinBytes(byte[] blob) : IBuiltinBlob
    {
        public byte[]? Read() => (byte[])blob.Clone();
    }

    private sealed class SimulatedSystem : ISystemControl
    {
        public long SleptMs { get; private set; }
        public void Reboot() { }
        public long FreeHeapBytes() => 0;
        public void Sleep(int ms) => SleptMs += ms;
    }

    private sealed class StopwatchClock : IClock
    {
        private readonly Stopwatch _watch = new();
        public void Restart() => _watch.Restart();
        public long Ticks => _watch.Elapsed.Ticks;
    }

    /// <summary>The serial output: bytes in, complete lines out.</summary>
    private sealed class LineCollector : ISerialOutput
    {
        private readonly List<byte> _pending = [];
        private readonly List<string> _lines = [];

        public void Write(byte[] buffer, int index, int count)
        {
            for (int i = index; i < index + count; i++)
            {
                if (buffer[i] != (byte)'\n') { _pending.Add(buffer[i]); continue; }
                _lines.Add(Encoding.UTF8.GetString(_pending.ToArray()));
                _pending.Clear();
            }
        }

        public string[] Take()
        {
            string[] lines = _lines.ToArray();
            _lines.Clear();
            return lines;
        }
    }
}
