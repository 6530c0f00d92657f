namespace Saffu.Training.DeviceLink;

/// <summary>A failure talking to a device: what went wrong (<see cref="Error"/>) and a message naming the port and what was expected.</summary>
public sealed class DeviceLinkException : Exception
{
    public DeviceLinkError Error { get; }

    /// <summary>For <see cref="DeviceLinkError.Device"/>: the protocol's error code the device answered (docs/serial-protocol.md), else null.</summary>
    public string? DeviceCode { get; }

    public DeviceLinkException(DeviceLinkError error, string message, string? deviceCode = null, Exception? inner = null)
        : base(message, inner)
    {
        Error = error;
        DeviceCode = deviceCode;
    }
}
