using System.IO.Ports;
using System.Text;

namespace Saffu.Training.DeviceLink;

/// <summary>
/// The protocol over a serial port (System.IO.Ports): port names as the OS gives them (COM3, /dev/ttyUSB0), 8N1, no
/// flow control, DTR and RTS left low (on many ESP32 boards they drive EN and IO0: raising them resets the board).
/// Every read is bounded by its timeout; a dropped connection is a typed error, never a hang.
/// </summary>
public sealed class SerialDeviceLink : IDeviceLink
{
    /// <summary>The protocol's default speed (docs/serial-protocol.md).</summary>
    public const int DefaultBaud = 115200;

    private readonly SerialPort _port;
    private readonly LineAssembler _lines;
    private readonly byte[] _received = new byte[4096];
    private int _next, _filled;   // _received[_next.._filled) arrived and is not yet cut into lines

    private SerialDeviceLink(SerialPort port, int maxLineBytes)
    {
        _port = port;
        _lines = new LineAssembler(maxLineBytes);
    }

    public string Description => $"serial {_port.PortName} at {_port.BaudRate} baud";

    /// <summary>Opens <paramref name="portName"/>; a port that does not exist or cannot be opened is a <see cref="DeviceLinkException"/> naming the ports there are.</summary>
    public static SerialDeviceLink Open(string portName, int baud, int maxLineBytes)
    {
        if (baud < 300 || baud > 5_000_000)
            throw new DeviceLinkException(DeviceLinkError.PortNotFound, $"baud rate {baud} is not one a serial port supports (300..5,000,000; the device's default is {DefaultBaud})");
        if (!Exists(portName))
            throw new DeviceLinkException(DeviceLinkError.PortNotFound,
                $"serial port '{portName}' does not exist on this machine (ports present: {PresentPorts()}). Is the board plugged in? Port names look like COM3 or /dev/ttyUSB0; 'sim:DIR' is the simulated device.");
        var port = new SerialPort(portName, baud, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            DtrEnable = false,
            RtsEnable = false,
            Encoding = new UTF8Encoding(false),
            WriteTimeout = 2000,
        };
        try
        {
            port.Open();
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            throw new DeviceLinkException(DeviceLinkError.PortUnavailable,
                $"serial port '{portName}' could not be opened: {e.Message} (is another program using it — a serial monitor, nanoff, another saffu? On Linux, are you in the 'dialout' group?)", inner: e);
        }
        return new SerialDeviceLink(port, maxLineBytes);
    }

    public void WriteLine(string line)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(line + "\n");
        try
        {
            _port.Write(bytes, 0, bytes.Length);
        }
        catch (TimeoutException e)
        {
            throw new DeviceLinkException(DeviceLinkError.Timeout, $"{Description}: could not send within {_port.WriteTimeout} ms", inner: e);
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            throw Dropped(e);
        }
    }

    public string ReadLine(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            while (_next < _filled)
                if (_lines.Add(_received[_next++]) is { } line) return line;
            int remaining = (int)Math.Ceiling((deadline - DateTime.UtcNow).TotalMilliseconds);
            if (remaining <= 0) throw TimedOut(timeout);
            try
            {
                if (_port.ReadTimeout != remaining) _port.ReadTimeout = remaining;
                _filled = _port.Read(_received, 0, _received.Length);   // blocks for the first byte, returns what has arrived
                _next = 0;
            }
            catch (TimeoutException)
            {
                throw TimedOut(timeout);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                throw Dropped(e);
            }
            if (_filled <= 0) throw Dropped(null);
        }
    }

    public void DiscardInput()
    {
        _lines.Clear();
        _next = _filled = 0;
        try
        {
            _port.DiscardInBuffer();
        }
        catch (Exception e) when (e is IOException or InvalidOperationException)
        {
            throw Dropped(e);
        }
    }

    public void Dispose() => _port.Dispose();

    private DeviceLinkException TimedOut(TimeSpan timeout) => new(DeviceLinkError.Timeout,
        $"no answer from {Description} within {timeout.TotalSeconds:0.0#} s{(_lines.HasPartialLine ? " (a partial line arrived)" : "")}: "
        + "is the SaffuEmbedded application running on it, at this baud rate, with the adapter's TX and RX crossed to the device's protocol UART (firmware/README.md)?");

    private DeviceLinkException Dropped(Exception? e) => new(DeviceLinkError.Disconnected,
        $"the connection to {Description} was lost{(e is null ? "" : ": " + e.Message)} (cable pulled or board reset?)", inner: e);

    private static bool Exists(string portName)
    {
        if (portName.StartsWith('/')) return File.Exists(portName);
        return SerialPort.GetPortNames().Any(p => string.Equals(p, portName, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The ports there are, USB adapters first (Linux lists 32 built-in /dev/ttyS* that are rarely a board), at most 8.</summary>
    private static string PresentPorts()
    {
        const int Shown = 8;
        string[] names = SerialPort.GetPortNames()
            .OrderBy(n => n.Contains("USB", StringComparison.OrdinalIgnoreCase) || n.Contains("ACM", StringComparison.Ordinal) || n.Contains("usb", StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToArray();
        if (names.Length == 0) return "none";
        return string.Join(", ", names.Take(Shown)) + (names.Length > Shown ? $" and {names.Length - Shown} more" : "");
    }
}
