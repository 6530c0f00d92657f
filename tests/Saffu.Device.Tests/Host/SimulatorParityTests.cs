using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Saffu.Runtime.Blob;
using Saffu.Training.DeviceSimulation;
using Saffu.Training.Simulation;

namespace Saffu.Device.Tests.Host
{
    /// <summary>
    /// The device's `say` and `saffu run` (TranscriptRunner) decide alike on the shipped blob: the
    /// same intent, understood, Q15 confidence, reason code, slots, action kind and reason, and pin
    /// commands, transcript by transcript, with the lights' state carried along on both sides; and a
    /// transcript that is not understood writes no pin.
    /// </summary>
    [TestClass]
    public class SimulatorParityTests
    {
        [TestMethod]
        [DataRow("tests/data/lights/heldout.jsonl")]
        [DataRow("tests/data/lights/heldout-none.jsonl")]
        [DataRow("tests/data/lights/nearmiss-blind.jsonl")]
        public void DeviceAndSaffuRunAgree(string set)
        {
            string root = Root();
            byte[] blob = File.ReadAllBytes(Path.Combine(root, "models/lights/lights.blob"));
            var runner = new TranscriptRunner(SimulatedModel.Load(blob, "lights.blob"));
            SimulatedDevice device = SimulatedDevice.Open(new Saffu.Device.Storage.RamRegionStore(), blob);
            int n = 0;
            foreach (string line in File.ReadLines(Path.Combine(root, set)))
            {
                if (line.Trim().Length == 0) continue;
                string text = JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
                TranscriptResult host = runner.Run(text);
                int writesBefore = device.Pins.Writes.Count;
                string answer = device.Exchange("say " + text)[0];
                using JsonDocument doc = JsonDocument.Parse(answer);
                JsonElement d = doc.RootElement;
                string where = set + ": \"" + text + "\"";
                Assert.AreEqual(host.Intent, d.GetProperty("intent").GetString(), where);
                Assert.AreEqual(host.Understood, d.GetProperty("understood").GetBoolean(), where);
                Assert.AreEqual((int)Math.Round(host.Confidence * 32768), d.GetProperty("confidence_q15").GetInt32(), where);
                Assert.AreEqual(host.Reason, d.GetProperty("reason").GetString(), where);
                Assert.AreEqual(host.Top, d.GetProperty("top").GetString(), where);
                var hostSlots = host.Slots.ToDictionary(s => s.Name, s => s.Text);
                var deviceSlots = d.GetProperty("slots").EnumerateObject().ToDictionary(p => p.Name,
                    p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetInt32().ToString() : p.Value.GetString()!);
                CollectionAssert.AreEquivalent(hostSlots.ToList(), deviceSlots.ToList(), where);
                JsonElement action = d.GetProperty("action");
                if (host.Action is null)
                {
                    Assert.AreEqual(JsonValueKind.Null, action.ValueKind, where);
                    Assert.AreEqual(writesBefore, device.Pins.Writes.Count, "not understood, yet a pin was written: " + where);
                }
                else
                {
                    Assert.AreEqual(host.Action.Kind, action.GetProperty("kind").GetString(), where);
                    Assert.AreEqual(host.Action.Action, action.GetProperty("action").GetString(), where);
                    Assert.AreEqual(host.Action.Reason, action.GetProperty("reason").GetString(), where);
                    Assert.AreEqual(host.Action.Message, action.GetProperty("message").GetString(), where);
                    string hostPins = string.Join(" ", host.Action.Pins.Select(p => $"{p.Pin}:{p.Mode}:{p.Level}"));
                    string devicePins = string.Join(" ", action.GetProperty("pins").EnumerateArray()
                        .Select(p => $"{p.GetProperty("pin").GetInt32()}:{p.GetProperty("mode").GetString()}:{p.GetProperty("level").GetInt32()}"));
                    Assert.AreEqual(hostPins, devicePins, where);
                }
                n++;
            }
            Assert.IsTrue(n > 50, set + " has " + n + " transcripts");
        }

        static string Root()
        {
            string? dir = AppContext.BaseDirectory;
            while (dir != null && !File.Exists(Path.Combine(dir, "SaffuEmbedded.sln"))) dir = Path.GetDirectoryName(dir);
            return dir ?? throw new InvalidOperationException("repository root not found");
        }
    }
}
