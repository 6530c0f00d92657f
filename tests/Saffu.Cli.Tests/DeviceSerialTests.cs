using System.Text;
using System.Text.Json;
using Saffu.Training.DeviceSimulation;
using Saffu.Training.Tests.DeviceLink;

namespace Saffu.Cli.Tests;

/// <summary>
/// `saffu device` over a real serial port path: a pseudo-terminal whose other end feeds the simulated device's serial
/// input byte for byte, so System.IO.Ports, the line framing, CAN resynchronisation and the client run as with a board.
/// </summary>
[TestClass]
public sealed class DeviceSerialTests
{
    [TestMethod]
    public void Send_status_and_pull_log_over_a_serial_port()
    {
        using var pty = PseudoTerminal.TryOpen() ?? throw new AssertInconclusiveException("pseudo-terminals need Linux");
        using var folder = new TestFolder();
        string dir = Path.Combine(folder.Path, "device");
        Directory.CreateDirectory(dir);
        File.Copy(Path.Combine(ExportCommandTests.RepoRoot(), "models", "lights", "lights.blob"), Path.Combine(dir, "builtin.blob"));
        var device = SimulatedDevice.Open(dir);
        using var stop = new CancellationTokenSource();
        var bridge = new Thread(() => Serve(pty, device, stop.Token)) { IsBackground = true };
        bridge.Start();
        try
        {
            Exchanges(pty, folder, device);
        }
        finally
        {
            stop.Cancel();
        }
    }

    private static void Exchanges(PseudoTerminal pty, TestFolder folder, SimulatedDevice device)
    {
        device.WriteBytes(Encoding.UTF8.GetBytes("7 say turn on the"));   // a half request left by an earlier connection

        var (code, output, error) = SaffuCli.Run("device", "--port", pty.SlavePath, "--timeout", "2", "send", "turn on the kitchen light", "--json");
        Assert.AreEqual(0, code, error);
        using (var d = JsonDocument.Parse(output))
        {
            Assert.AreEqual("HassTurnOn", d.RootElement.GetProperty("intent").GetString());
            Assert.AreEqual(0, d.RootElement.GetProperty("seq").GetInt64(), "the half line before the connection was dropped, not run and logged");
        }
        int pin = KitchenPin(pty.SlavePath);
        Assert.IsTrue(device.Pins.Level(pin) > 0, $"GPIO {pin} of the device behind the serial port");

        var (statusCode, status, statusError) = SaffuCli.Run("device", "--port", pty.SlavePath, "status");
        Assert.AreEqual(0, statusCode, statusError);
        StringAssert.Contains(status, "serial " + pty.SlavePath + " at 115200 baud");

        string log = Path.Combine(folder.Path, "log.jsonl");
        var (pullCode, _, pullError) = SaffuCli.Run("device", "--port", pty.SlavePath, "pull-log", log);
        Assert.AreEqual(0, pullCode, pullError);
        Assert.AreEqual(1, File.ReadAllLines(log).Length);
    }

    [TestMethod]
    public void A_device_whose_answers_miss_keys_is_exit_1_not_a_crash()
    {
        using var pty = PseudoTerminal.TryOpen() ?? throw new AssertInconclusiveException("pseudo-terminals need Linux");
        var device = new Thread(() =>
        {
            try
            {
                while (true)
                {
                    string line = pty.ReceiveLine().TrimStart('\u0018');
                    string id = line.Split(' ')[0];
                    pty.Send(line.EndsWith(" ping") ? $"{{\"id\":{id},\"type\":\"pong\",\"protocol\":1}}\n" : $"{{\"id\":{id},\"type\":\"status\",\"boot\":1.5}}\n");
                }
            }
            catch (IOException) { }
        }) { IsBackground = true };
        device.Start();
        var (code, output, error) = SaffuCli.Run("device", "--port", pty.SlavePath, "--timeout", "1", "status");
        Assert.AreEqual(1, code, error);
        Assert.AreEqual("", output);
        StringAssert.StartsWith(error, "saffu device status: ");
        Assert.IsFalse(error.Contains("   at "), "no stack trace: " + error);
    }

    private static int KitchenPin(string port)
    {
        var (_, output, _) = SaffuCli.Run("device", "--port", port, "lights", "--json");
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty("lights").EnumerateArray().Single(l => l.GetProperty("name").GetString() == "kitchen light").GetProperty("pins")[0].GetInt32();
    }

    /// <summary>
    /// The device's UART: bytes from the host go to the device, its answer lines go back. Between two `saffu` runs no
    /// one holds the port open and the pseudo-terminal reads fail (EIO): the bridge waits and reads again.
    /// </summary>
    private static void Serve(PseudoTerminal pty, SimulatedDevice device, CancellationToken stop)
    {
        var buffer = new byte[4096];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                int n = pty.Receive(buffer);
                if (n <= 0) { Thread.Sleep(10); continue; }
                foreach (string line in device.WriteBytes(buffer[..n])) pty.Send(Encoding.UTF8.GetBytes(line + "\n"));
            }
            catch (IOException) { Thread.Sleep(10); }
            catch (ObjectDisposedException) { return; }
        }
    }
}
