namespace Saffu.Training.DeviceLink;

/// <summary>
/// One line-oriented connection to a device (docs/serial-protocol.md): the host writes one request line and reads
/// response lines. Implementations never block longer than the timeout they are given.
/// </summary>
public interface IDeviceLink : IDisposable
{
    /// <summary>What the link talks to, for messages: "serial /dev/ttyUSB0 at 115200 baud", "simulated device in DIR".</summary>
    string Description { get; }

    /// <summary>Sends one line; the link adds the line end. Throws <see cref="DeviceLinkException"/> when the link is gone.</summary>
    void WriteLine(string line);

    /// <summary>
    /// The next complete line the device sent (without its line end), waiting at most <paramref name="timeout"/>;
    /// throws <see cref="DeviceLinkException"/> with <see cref="DeviceLinkError.Timeout"/> when none arrives in time.
    /// </summary>
    string ReadLine(TimeSpan timeout);

    /// <summary>Drops everything received and not yet read (used to resynchronise after garbage or a timeout).</summary>
    void DiscardInput();
}
