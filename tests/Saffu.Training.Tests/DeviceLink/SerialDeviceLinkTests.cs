using System.Diagnostics;
using Saffu.Training.DeviceLink;

namespace Saffu.Training.Tests.DeviceLink;

/// <summary>The serial link over a real tty (a pseudo-terminal standing in for the board's USB-serial port).</summary>
[TestClass]
public sealed class SerialDeviceLinkTests
{
    private static PseudoTerminal Pty() => PseudoTerminal.TryOpen() ?? throw new AssertInconclusiveException("pseudo-terminals need Linux");

    [TestMethod]
    public void A_port_that_does_not_exist_is_PortNotFound_naming_it()
    {
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => SerialDeviceLink.Open("/dev/ttyUSB-saffu-none", 115200, 4096));
        Assert.AreEqual(DeviceLinkError.PortNotFound, e.Error);
        StringAssert.Contains(e.Message, "/dev/ttyUSB-saffu-none");
        StringAssert.Contains(e.Message, "ports present");
    }

    [TestMethod]
    public void A_windows_port_name_that_is_not_there_is_PortNotFound()
    {
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => SerialDeviceLink.Open("COM97", 115200, 4096));
        Assert.AreEqual(DeviceLinkError.PortNotFound, e.Error);
        StringAssert.Contains(e.Message, "COM97");
    }

    [TestMethod]
    public void A_silent_device_times_out_within_the_timeout()
    {
        using var pty = Pty();
        using var link = SerialDeviceLink.Open(pty.SlavePath, 115200, 4096);
        var clock = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => link.ReadLine(TimeSpan.FromMilliseconds(300)));
        clock.Stop();
        Assert.AreEqual(DeviceLinkError.Timeout, e.Error);
        StringAssert.Contains(e.Message, pty.SlavePath);
        Assert.IsTrue(clock.ElapsedMilliseconds is >= 250 and < 1500, $"timed out after {clock.ElapsedMilliseconds} ms, expected about 300");
    }

    [TestMethod]
    public void A_line_sent_and_a_line_answered()
    {
        using var pty = Pty();
        using var link = SerialDeviceLink.Open(pty.SlavePath, 115200, 4096);
        link.WriteLine("status");
        Assert.AreEqual("status", pty.ReceiveLine());
        pty.Send("ok ready\r\n");
        Assert.AreEqual("ok ready", link.ReadLine(TimeSpan.FromSeconds(2)));
    }

    [TestMethod]
    public void A_half_line_then_silence_is_a_timeout_and_the_rest_completes_the_line()
    {
        using var pty = Pty();
        using var link = SerialDeviceLink.Open(pty.SlavePath, 115200, 4096);
        pty.Send("half ");
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => link.ReadLine(TimeSpan.FromMilliseconds(200)));
        StringAssert.Contains(e.Message, "partial line");
        pty.Send("line\n");
        Assert.AreEqual("half line", link.ReadLine(TimeSpan.FromSeconds(2)));
    }

    [TestMethod]
    public void Garbage_is_a_protocol_error_and_the_next_line_reads_cleanly()
    {
        using var pty = Pty();
        using var link = SerialDeviceLink.Open(pty.SlavePath, 115200, 64);
        pty.Send([0xFF, 0xFE, 0x80, (byte)'\n']);
        Assert.AreEqual(DeviceLinkError.Protocol, Assert.ThrowsExactly<DeviceLinkException>(() => link.ReadLine(TimeSpan.FromSeconds(2))).Error);
        pty.Send(new string('x', 200) + "\nnext\n");
        var tooLong = Assert.ThrowsExactly<DeviceLinkException>(() => link.ReadLine(TimeSpan.FromSeconds(2)));
        StringAssert.Contains(tooLong.Message, "longer than 64 bytes");
        Assert.AreEqual("next", link.ReadLine(TimeSpan.FromSeconds(2)));
    }

    [TestMethod]
    public void A_pulled_cable_is_an_error_within_the_timeout_never_a_hang()
    {
        var pty = Pty();
        using var link = SerialDeviceLink.Open(pty.SlavePath, 115200, 4096);
        pty.Dispose();
        var clock = Stopwatch.StartNew();
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => link.ReadLine(TimeSpan.FromMilliseconds(300)));
        Assert.IsTrue(e.Error is DeviceLinkError.Disconnected or DeviceLinkError.Timeout, e.Message);
        Assert.IsTrue(clock.ElapsedMilliseconds < 1500, $"took {clock.ElapsedMilliseconds} ms");
    }

    [TestMethod]
    public void Discarded_input_is_not_read()
    {
        using var pty = Pty();
        using var link = SerialDeviceLink.Open(pty.SlavePath, 115200, 4096);
        pty.Send("stale answer\npartial");
        Thread.Sleep(100);
        link.DiscardInput();
        pty.Send("fresh\n");
        Assert.AreEqual("fresh", link.ReadLine(TimeSpan.FromSeconds(2)));
    }
}
