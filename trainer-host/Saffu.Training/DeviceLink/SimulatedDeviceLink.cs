namespace Saffu.Training.DeviceLink;

/// <summary>Placeholder until device-core's SimulatedDevice is merged.</summary>
public sealed class SimulatedDeviceLink
{
    public static IDeviceLink Open(string dir) => throw new DeviceLinkException(DeviceLinkError.PortNotFound, $"sim:{dir}: the simulated device is not built in yet");
}
