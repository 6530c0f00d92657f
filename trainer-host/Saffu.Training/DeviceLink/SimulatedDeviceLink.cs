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

    public SimulatedDeviceLink(SimulatedDevice device)
    {
        Device = device;
        foreach (string line in device.BootLines) _received.Enqueue(line);
    }

    /// <summary>The simulated device (its pins, flash counters and power-cut hook, for tests).</summary>
    public SimulatedDevice Device { get; }

    public string Description => Device.Directory is { } dir ? $"simulated device in {dir}" : "simulated device";

    /// <summary>
    /// Added to a `no_verified_upload` error on sim:DIR: every `saffu device` run powers the simulated device up
    /// afresh, and a boot forgets an upload that was not activated (docs/serial-protocol.md, activate).
    /// </summary>
    public const string ActivateHint = "each 'saffu device --port sim:DIR' run powers the simulated device up afresh, which forgets an upload that was not activated: upload and activate in one run with 'upload BLOB --activate'";

    /// <summary>Boots the simulated device from DIR (created when missing).</summary>
    public static SimulatedDeviceLink Open(string dir)
    {
        if (File.Exists(dir))
            throw new DeviceLinkException(DeviceLinkError.PortNotFound, $"sim:{dir}: {dir} is a file; expected a folder for the simulated device's flash (created when missing)");
        try
        {
            return new SimulatedDeviceLink(SimulatedDevice.Open(dir));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DeviceLinkException(DeviceLinkError.PortUnavailable, $"sim:{dir}: the simulated device's flash files cannot be used: {e.Message}", inner: e);
        }
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

    public void Dispose() { }
}
