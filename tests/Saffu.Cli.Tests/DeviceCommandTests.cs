using System.Diagnostics;
using Saffu.Training.Tests.DeviceLink;

namespace Saffu.Cli.Tests;

/// <summary>`saffu device` on ports that are not there or do not answer, and its usage errors (docs/cli.md).</summary>
[TestClass]
public sealed class DeviceCommandTests
{
    [TestMethod]
    public void A_port_that_does_not_exist_is_exit_1_naming_it()
    {
        var (code, output, error) = SaffuCli.Run("device", "--port", "/dev/ttyUSB-saffu-none", "status");
        Assert.AreEqual(1, code, error);
        Assert.AreEqual("", output);
        StringAssert.StartsWith(error, "saffu device status: serial port '/dev/ttyUSB-saffu-none' does not exist");
    }

    [TestMethod]
    public void A_board_that_does_not_answer_is_exit_1_within_the_timeout()
    {
        using var pty = PseudoTerminal.TryOpen() ?? throw new AssertInconclusiveException("pseudo-terminals need Linux");
        var clock = Stopwatch.StartNew();
        var (code, _, error) = SaffuCli.Run("device", "--port", pty.SlavePath, "--timeout", "0.3", "send", "turn on the kitchen light");
        clock.Stop();
        Assert.AreEqual(1, code, error);
        StringAssert.Contains(error, "'ping': no answer from serial " + pty.SlavePath);
        Assert.IsTrue(clock.ElapsedMilliseconds < 2000, $"took {clock.ElapsedMilliseconds} ms with --timeout 0.3");
    }

    [TestMethod]
    [DataRow(new[] { "device", "status" }, "--port")]
    [DataRow(new[] { "device", "--port", "sim:x", "frobnicate" }, "frobnicate")]
    [DataRow(new[] { "device", "--port", "sim:x", "--timeout", "0", "status" }, "--timeout")]
    [DataRow(new[] { "device", "--port", "sim:x", "set", "kitchen light", "150" }, "LEVEL 150")]
    [DataRow(new[] { "device", "--port", "sim:x", "set", "kitchen light", "50", "255", "0" }, "RED GREEN BLUE")]
    [DataRow(new[] { "device", "--port", "sim:x", "bench", "--runs", "0" }, "--runs")]
    [DataRow(new[] { "device", "--port", "COM3", "--baud", "12", "status" }, "--baud 12")]
    [DataRow(new[] { "device", "--port", "sim:x", "upload" }, "upload")]
    public void Usage_errors_are_exit_2(string[] args, string mentioned)
    {
        var (code, _, error) = SaffuCli.Run(args);
        Assert.AreEqual(2, code, error);
        StringAssert.Contains(error, mentioned);
    }

    [TestMethod]
    public void Flash_dry_run_prints_the_S3_commands_with_its_deploy_address()
    {
        var (code, output) = Flash("--dry-run", "--port", "/dev/ttyACM0", "--target", "ESP32_S3_QUAD");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "nanoff flash target ESP32_S3_QUAD serialport /dev/ttyACM0");
        StringAssert.Contains(output, "address 0x1B0000");
        StringAssert.Contains(output, "\"DestinationFilePath\": \"I:\\\\lights.blob\"");
    }

    [TestMethod]
    public void Flash_dry_run_classic_ESP32_in_nanoff_2_syntax()
    {
        var (code, output) = Flash("--dry-run", "--port", "COM3", "--target", "ESP32_REV0", "--syntax", "classic");
        Assert.AreEqual(0, code, output);
        StringAssert.Contains(output, "--update --target ESP32_REV0 --serialport COM3");
        StringAssert.Contains(output, "--deploy --image");
        StringAssert.Contains(output, "--address 0x1E0000");
        StringAssert.Contains(output, "--filedeployment");
    }

    [TestMethod]
    public void Flash_with_a_missing_port_says_so()
    {
        var (code, output) = Flash("--port", "/dev/ttyUSB-saffu-none", "--skip-app", "--skip-blob");
        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "serial port /dev/ttyUSB-saffu-none does not exist");
    }

    [TestMethod]
    public void Flash_without_a_port_and_no_board_says_no_serial_device_found()
    {
        if (Directory.GetFiles("/dev").Any(f => f.StartsWith("/dev/ttyUSB", StringComparison.Ordinal) || f.StartsWith("/dev/ttyACM", StringComparison.Ordinal)))
            throw new AssertInconclusiveException("a USB serial device is plugged in here");
        var (code, output) = Flash("--skip-app", "--skip-blob");
        Assert.AreEqual(1, code, output);
        StringAssert.Contains(output, "no serial device found");
    }

    private static (int Code, string Output) Flash(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(ExportCommandTests.RepoRoot(), "tools", "flash"));
        foreach (string a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }
}
