using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace Saffu.Training.Tests.DeviceLink;

/// <summary>
/// A Linux pseudo-terminal pair: <see cref="SlavePath"/> is a real tty that System.IO.Ports opens like /dev/ttyUSB0,
/// and the test plays the device on the master side. Lets the serial link's timeout, framing and disconnect paths
/// run without hardware.
/// </summary>
internal sealed class PseudoTerminal : IDisposable
{
    private const int ReadWrite = 2, NoControllingTty = 0x100;
    private readonly SafeFileHandle _master;
    private readonly FileStream _stream;

    public string SlavePath { get; }

    private PseudoTerminal(int fd, string slavePath)
    {
        _master = new SafeFileHandle(fd, ownsHandle: true);
        _stream = new FileStream(_master, FileAccess.ReadWrite, bufferSize: 1);
        SlavePath = slavePath;
    }

    /// <summary>A new pair, or null where pseudo-terminals are not available (not Linux).</summary>
    public static PseudoTerminal? TryOpen()
    {
        if (!OperatingSystem.IsLinux()) return null;
        int fd = posix_openpt(ReadWrite | NoControllingTty);
        if (fd < 0) return null;
        var name = new byte[256];
        if (grantpt(fd) != 0 || unlockpt(fd) != 0 || ptsname_r(fd, name, (nuint)name.Length) != 0)
        {
            close(fd);
            return null;
        }
        return new PseudoTerminal(fd, Encoding.ASCII.GetString(name, 0, Array.IndexOf(name, (byte)0)));
    }

    /// <summary>Bytes as the device would send them.</summary>
    public void Send(byte[] bytes)
    {
        _stream.Write(bytes);
        _stream.Flush();
    }

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    /// <summary>Reads what the host sent up to and including the next '\n' (blocks until it arrives).</summary>
    public string ReceiveLine()
    {
        var bytes = new List<byte>();
        while (true)
        {
            int b = _stream.ReadByte();
            if (b < 0 || b == '\n') return Encoding.UTF8.GetString(bytes.ToArray());
            bytes.Add((byte)b);
        }
    }

    /// <summary>Reads what the host sent, blocking until some bytes arrive; 0 or an IOException once the host side is closed.</summary>
    public int Receive(byte[] buffer) => _stream.Read(buffer, 0, buffer.Length);

    public void Dispose() => _stream.Dispose();

    [DllImport("libc", SetLastError = true)] private static extern int posix_openpt(int flags);
    [DllImport("libc", SetLastError = true)] private static extern int grantpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int unlockpt(int fd);
    [DllImport("libc", SetLastError = true)] private static extern int ptsname_r(int fd, [Out] byte[] buffer, nuint length);
    [DllImport("libc", SetLastError = true)] private static extern int close(int fd);
}
