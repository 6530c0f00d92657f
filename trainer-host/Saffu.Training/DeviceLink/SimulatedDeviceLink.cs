using System.Text;
using Saffu.Training.DeviceSimulation;

namespace Saffu.Training.DeviceLink;

/// <summary>
/// `--port sim:DIR`: the protocol with device-core's <see cref="SimulatedDevice"/> (the portable device application
/// with simulated pins, its flash as files in DIR). The device answers synchronously, so a read with nothing queued
/// is a timeout at once: nothing more will come.
/// </summary>
public sealed class SimulatedDeviceLink : IDeviceLink
{
    private readonly Queue<string> _received = new();
    private FileStream? _held;

    public SimulatedDeviceLink(SimulatedDevice device)
    {
        Device = device;
        foreach (string line in device.BootLines) _received.Enqueue(line);
    }

    /// <summary>The simulated device (its pins, flash counters and power-cut hook, for tests).</summary>
    public SimulatedDevice Device { get; }

    public string Description => Device.Directory is { } dir ? $"simulated device in {dir}" : "simulated device";

    /// <summary>The built-in blob's file in a simulated device's folder (the board's I:\lights.blob).</summary>
    public const string BuiltinBlobFile = "builtin.blob";

    /// <summary>True when this run created DIR and put the shipped default model in it as the built-in blob.</summary>
    public bool NewDevice { get; private init; }

    /// <summary>
    /// Boots the simulated device from DIR. A DIR that does not exist yet is a new board as tools/flash leaves it: the
    /// folder is created with the shipped default model (models/lights/lights.blob, built into saffu) as its built-in
    /// blob. An existing folder is used as it is (an empty one: a device with no model at all).
    /// </summary>
    public static SimulatedDeviceLink Open(string dir)
    {
        if (File.Exists(dir))
            throw new DeviceLinkException(DeviceLinkError.PortNotFound, $"sim:{dir}: {dir} is a file; expected a folder for the simulated device's flash (created when missing)");
        try
        {
            bool isNew = !Directory.Exists(dir);
            Directory.CreateDirectory(dir);
            FileStream held = Hold(dir);
            try
            {
                if (isNew) File.WriteAllBytes(Path.Combine(dir, BuiltinBlobFile), ShippedBlob());
                return new SimulatedDeviceLink(SimulatedDevice.Open(dir)) { NewDevice = isNew, _held = held };
            }
            catch
            {
                held.Dispose();
                throw;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeviceLinkException(DeviceLinkError.PortUnavailable, $"sim:{dir}: the simulated device's flash files cannot be used: {e.Message}", inner: e);
        }
    }

    /// <summary>
    /// Like a serial port, one program at a time: an exclusive lock on DIR/.lock for the link's life (two runs writing
    /// the same flash files at once would interleave their writes).
    /// </summary>
    private static FileStream Hold(string dir)
    {
        try
        {
            return new FileStream(Path.Combine(dir, ".lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new DeviceLinkException(DeviceLinkError.PortUnavailable,
                $"sim:{dir}: the simulated device is in use by another program (another saffu device run?): {e.Message}", inner: e);
        }
    }

    /// <summary>The shipped default model blob built into saffu.</summary>
    public static byte[] ShippedBlob()
    {
        const string resource = "Saffu.Training.DeviceLink.lights.blob";
        using Stream stream = typeof(SimulatedDeviceLink).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is not built into {typeof(SimulatedDeviceLink).Assembly.GetName().Name}.");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public void WriteLine(string line) => Write(Encoding.UTF8.GetBytes(line + "\n"));

    /// <summary>Raw bytes to the device's serial input (tests: garbage, half lines).</summary>
    public void Write(byte[] bytes)
    {
        if (Device.PoweredOff)
            throw new DeviceLinkException(DeviceLinkError.Disconnected, $"the connection to {Description} was lost: it has no power (a simulated power cut)");
        foreach (string answer in Device.WriteBytes(bytes)) _received.Enqueue(answer);
    }

    public string ReadLine(TimeSpan timeout)
    {
        if (_received.Count > 0) return _received.Dequeue();
        throw new DeviceLinkException(DeviceLinkError.Timeout,
            Device.PoweredOff ? $"no answer from {Description}: it has no power (a simulated power cut)" : $"no answer from {Description} within {timeout.TotalSeconds:0.0#} s");
    }

    public void DiscardInput() => _received.Clear();

    public void Dispose() => _held?.Dispose();
}
