namespace Saffu.Training.DeviceLink;

/// <summary>Why talking to a device failed; each maps to one clear message and to exit code 1 in `saffu device`.</summary>
public enum DeviceLinkError
{
    /// <summary>The port name names no serial port on this machine (or the sim: folder cannot be used).</summary>
    PortNotFound,
    /// <summary>The port exists but could not be opened: in use by another program, or no permission.</summary>
    PortUnavailable,
    /// <summary>The device did not answer within the timeout.</summary>
    Timeout,
    /// <summary>The connection went away while in use (cable pulled, device reset).</summary>
    Disconnected,
    /// <summary>The device sent something the protocol does not allow (an over-long line, invalid UTF-8, a malformed response).</summary>
    Protocol,
    /// <summary>The device answered with a typed protocol error (its code is in <see cref="DeviceLinkException.DeviceCode"/>).</summary>
    Device,
    /// <summary>The host refused the request before sending it (e.g. a blob version the firmware does not read).</summary>
    Refused,
}
