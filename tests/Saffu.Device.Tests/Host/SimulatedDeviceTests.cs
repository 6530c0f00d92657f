using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Saffu.Runtime.Blob;
using Saffu.Training.DeviceSimulation;

namespace Saffu.Device.Tests.Host
{
    /// <summary>
    /// The host simulator with the shipped lights blob, state in a folder: the end to end
    /// (send transcripts, the pins change, dump the log, it matches what was decided), state across
    /// runs, the power-cut hook, garbage, reboot, and the RAM budget.
    /// </summary>
    [TestClass]
    public class SimulatedDeviceTests
    {
        static byte[] ShippedBlob() => File.ReadAllBytes(RepoPath("models/lights/lights.blob"));

        static string RepoPath(string relative)
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "SaffuEmbedded.sln"))) dir = Path.GetDirectoryName(dir);
            return Path.Combine(dir ?? throw new InvalidOperationException("repository root not found"), relative);
        }

        static string NewFolder()
        {
            string dir = Path.Combine(Path.GetTempPath(), "saffu-sim-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(dir);
            return dir;
        }

        [TestMethod]
        public void SayTurnsOnTheKitchenLightAndTheLogMatches()
        {
            string dir = NewFolder();
            try
            {
                SimulatedDevice device = SimulatedDevice.Open(dir, ShippedBlob());
                Assert.AreEqual("builtin", Fields.Str(Fields.Raw(device.BootLines[0], "model")!, "source"));
                Assert.AreEqual(0, device.Pins.Level(4), string.Join(" ", device.Pins.Writes));
                string[] answer = device.Exchange("1 say turn on the kitchen light");
                Assert.AreEqual(1, answer.Length);
                Assert.AreEqual("HassTurnOn", Fields.Str(answer[0], "intent"), answer[0]);
                Assert.AreEqual("{\"name\":\"kitchen light\"}", Fields.Raw(answer[0], "slots"));
                Assert.AreEqual(1000, device.Pins.Level(4), "the kitchen light's PWM pin");
                Assert.AreEqual(SimulatedPinMode.Pwm, device.Pins.Mode(4));

                string[] transcripts = { "turn off the kitchen light", "what is the weather like tomorrow", "set the desk lamp to 30 percent",
                    "turn on the counter lights", "make the bedside lamp red", "dim the bedroom light" };
                string[] decisions = new string[transcripts.Length + 1];
                decisions[0] = answer[0];
                for (int i = 0; i < transcripts.Length; i++) decisions[i + 1] = device.Exchange("say " + transcripts[i])[0];
                Assert.AreEqual(0, device.Pins.Level(4), string.Join(" ", device.Pins.Writes));
                Assert.AreEqual(300, device.Pins.Level(13), "desk lamp 30%");
                Assert.AreEqual(1, device.Pins.Level(14), "counter lights, digital");
                Assert.AreEqual("false", Fields.Raw(decisions[2], "understood"));

                string[] log = device.Exchange("log dump 0");
                Assert.AreEqual(decisions.Length + 1, log.Length);
                for (int i = 0; i < decisions.Length; i++)
                {
                    Assert.AreEqual("record", Fields.Type(log[i]));
                    Assert.AreEqual(i, (int)Fields.Int(log[i], "seq"));
                    foreach (string key in new[] { "text", "intent", "understood", "confidence_q15", "slots", "top", "reason" })
                        Assert.AreEqual(Fields.Raw(decisions[i], key), Fields.Raw(log[i], key), key + ": " + decisions[i]);
                    string action = Fields.Raw(decisions[i], "action")!;
                    Assert.AreEqual(action == "null" ? "null" : Fields.Raw(action, "pins"), action == "null" ? Fields.Raw(log[i], "action") : Fields.Raw(log[i], "pins"));
                }
                Assert.AreEqual(64, Fields.Str(log[0], "model_hash")!.Length);
            }
            finally { Directory.Delete(dir, true); }
        }

        [TestMethod]
        public void StateStaysInTheFolderBetweenRuns()
        {
            string dir = NewFolder();
            try
            {
                SimulatedDevice first = SimulatedDevice.Open(dir, ShippedBlob());
                first.Exchange("say turn on the kitchen light");
                first.Exchange("setting self_test off");
                SimulatedDevice second = SimulatedDevice.Open(dir, ShippedBlob());
                Assert.AreEqual(2, (int)Fields.Int(second.BootLines[0], "boot"));
                Assert.AreEqual(1000, second.Pins.Level(4), "the light state came back");
                Assert.AreEqual(0, second.SleptMs, "self-test off was kept");
                Assert.AreEqual(1, (int)Fields.Int(second.Exchange("say turn off the kitchen light")[0], "seq"));
                Assert.IsTrue(File.Exists(Path.Combine(dir, "log.bin")));
                // The built-in blob may also be a file in the folder.
                File.WriteAllBytes(Path.Combine(dir, "builtin.blob"), ShippedBlob());
                Assert.AreEqual("builtin", Fields.Str(Fields.Raw(SimulatedDevice.Open(dir).BootLines[0], "model")!, "source"));
            }
            finally { Directory.Delete(dir, true); }
        }

        [TestMethod]
        public void PowerCutHookGarbageAndReboot()
        {
            string dir = NewFolder();
            try
            {
                SimulatedDevice device = SimulatedDevice.Open(dir, ShippedBlob());
                device.Exchange("say turn on the kitchen light");
                device.CutPowerAfter(10);
                device.Exchange("say turn on the desk lamp");
                Assert.IsTrue(device.PoweredOff);
                Assert.ThrowsExactly<InvalidOperationException>(() => device.Exchange("ping"));
                string[] boot = device.PowerCycle();
                Assert.AreEqual("boot", Fields.Type(boot[0]));
                Assert.AreEqual(1, (int)Fields.Int(device.Exchange("status")[0], "records"), "the cut record is gone, the first one is not");

                string[] errors = device.WriteBytes(new byte[] { 0xFF, 0xFE, (byte)'\n', (byte)'x', (byte)'\n' });
                Assert.AreEqual(2, errors.Length);
                Assert.AreEqual("bad_utf8", Fields.Str(errors[0], "code"));
                Assert.AreEqual("unknown_command", Fields.Str(errors[1], "code"));

                string[] reboot = device.Exchange("7 reboot");
                Assert.AreEqual(2, reboot.Length);
                Assert.AreEqual("{\"id\":7,\"type\":\"rebooting\"}", reboot[0]);
                Assert.AreEqual("boot", Fields.Type(reboot[1]));
                Assert.AreEqual(3, (int)Fields.Int(reboot[1], "boot"));
            }
            finally { Directory.Delete(dir, true); }
        }

        /// <summary>
        /// The budget of issue 10: application + model + run state ≤ 64 KB of managed heap (firmware/README.md).
        /// Counted: the blob's bytes (read into one array), the runtime's allocations (RamBytes: run
        /// state, label maps, action map offsets, planner), the application's buffers and the peak a
        /// single request adds.
        /// </summary>
        [TestMethod]
        public void ApplicationModelAndRunStateFitIn64KB()
        {
            SimulatedDevice device = SimulatedDevice.Open(new Saffu.Device.Storage.RamRegionStore(), ShippedBlob());
            DeviceApplication app = device.Application;
            long blob = app.Models.Model!.Blob.Length, runtime = app.Models.Model.RamBytes, buffers = app.RamBytes;
            long total = blob + runtime + buffers + DeviceApplication.TransientPeakBytes;
            Console.WriteLine($"blob {blob} + runtime {runtime} + application buffers {buffers} + request peak {DeviceApplication.TransientPeakBytes} = {total} bytes");
            Assert.AreEqual(ShippedBlob().Length, (int)blob);
            Assert.AreEqual(6972, buffers, "application buffers (firmware/README.md, RAM budget)");
            Assert.IsTrue(total <= 64 * 1024, $"{total} bytes > 64 KB");
        }
    }
}
