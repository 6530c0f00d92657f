#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Device.Log;

namespace Saffu.Device.Tests
{
    /// <summary>The decision log (docs/decision-log.md): records match the decisions, survive power cycles, wrap, clear, and survive a cut at every byte of an append.</summary>
    [TestClass]
    public class LogTests
    {
        [TestMethod]
        public void RecordsMatchTheDecisions()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            string[] decisions = new string[Transcripts.Mixed.Length];
            for (int i = 0; i < decisions.Length; i++) decisions[i] = d.Send("say " + Transcripts.Mixed[i])[0];
            string[] records = LogDump.All(d);
            Assert.AreEqual(decisions.Length, records.Length);
            for (int i = 0; i < records.Length; i++)
            {
                Assert.AreEqual(i, (int)Fields.Int(records[i], "seq"));
                foreach (string key in new string[] { "text", "intent", "understood", "confidence", "confidence_q15", "slots", "top", "reason", "truncated" })
                    Assert.AreEqual(Fields.Raw(decisions[i], key), Fields.Raw(records[i], key), key + " of " + Transcripts.Mixed[i]);
                string? action = Fields.Raw(decisions[i], "action");
                if (action == "null") Assert.AreEqual("null", Fields.Raw(records[i], "action"));
                else
                {
                    Assert.AreEqual(Fields.Raw(action!, "kind"), Fields.Raw(records[i], "kind"));
                    Assert.AreEqual(Fields.Raw(action!, "pins"), Fields.Raw(records[i], "pins"));
                }
                Assert.AreEqual(1, (int)Fields.Int(records[i], "boot"));
                Assert.AreEqual("\"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\"", Fields.Raw(records[i], "model_hash"));
            }
        }

        [TestMethod]
        public void GoldenRecord()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            d.Send("say set the ceiling light to 40 percent");
            string[] lines = d.Send("8 log dump 0");
            Assert.AreEqual(2, lines.Length);
            Assert.AreEqual("{\"id\":8,\"type\":\"record\",\"log_id\":\"" + ModelsHex(d.App.Counters.LogId) + "\",\"seq\":0,\"boot\":1,\"uptime_ms\":"
                + Fields.Int(lines[0], "uptime_ms") + ",\"model_hash\":\"000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f\","
                + "\"text\":\"set the ceiling light to 40 percent\",\"intent\":\"HassLightSet\",\"understood\":true,\"confidence\":1.0000,\"confidence_q15\":32768,"
                + "\"slots\":{\"name\":\"ceiling light\",\"brightness\":40},\"action\":{\"kind\":\"pins\",\"action\":\"set\",\"reason\":null,\"pins\":[{\"pin\":25,\"mode\":\"pwm\",\"level\":400}]},"
                + "\"top\":\"HassLightSet\",\"reason\":null,\"truncated\":false,\"text_cut\":false,\"corrected\":false}", lines[0]);
            Assert.AreEqual("{\"id\":8,\"type\":\"log\",\"count\":1,\"first_seq\":0,\"next_seq\":1,\"more\":false}", lines[1]);
        }

        [TestMethod]
        public void SayReportsACorrectionAndItsRecordIsMarked()
        {
            // "no wait, turn on the desk lamp" (docs/action-map.md step 0): decided on "turn on the desk lamp".
            TestDevice d = new TestDevice(TestBlobs.Corrections());
            string answer = d.Send("say weather weather turn on the desk lamp")[0];
            Assert.AreEqual("\"turn on the desk lamp\"", Fields.Raw(answer, "correction"));
            Assert.AreEqual("\"HassTurnOn\"", Fields.Raw(answer, "intent"));
            Assert.AreEqual(1000, d.Pins.Pins[13]);
            Assert.AreEqual("null", Fields.Raw(d.Send("say turn off the desk lamp")[0], "correction"));
            Assert.AreEqual("null", Fields.Raw(d.Send("say")[0], "correction"));   // no words: nothing planned, the last plan's correction not reported
            string[] records = d.Send("log dump 0");
            Assert.AreEqual(4, records.Length);
            Assert.AreEqual("true", Fields.Raw(records[0], "corrected"));
            Assert.AreEqual("\"weather weather turn on the desk lamp\"", Fields.Raw(records[0], "text"));
            Assert.AreEqual("false", Fields.Raw(records[1], "corrected"));
            Assert.AreEqual("false", Fields.Raw(records[2], "corrected"));
        }

        [TestMethod]
        public void LogSurvivesPowerCyclesAndSeqContinues()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            d.Send("say turn on the desk lamp");
            d.Send("say hello");
            string[] before = LogDump.All(d);
            d.PowerCycle();
            string[] after = LogDump.All(d);
            Assert.AreEqual(2, after.Length);
            Assert.AreEqual(before[0], after[0]);
            Assert.AreEqual(before[1], after[1]);
            string next = d.Send("say turn off the desk lamp")[0];
            Assert.AreEqual(2, (int)Fields.Int(next, "seq"));
            Assert.AreEqual(2, (int)Fields.Int(LogDump.All(d)[2], "boot"));
        }

        [TestMethod]
        public void FullLogOverwritesTheOldestAndSaysSo()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            int n = 0;
            while (Fields.Raw(Status(d), "full") != "true") d.Send("say " + Transcripts.Mixed[n++ % Transcripts.Mixed.Length]);
            for (int i = 0; i < 200; i++) d.Send("say " + Transcripts.Mixed[n++ % Transcripts.Mixed.Length]);
            string status = Status(d);
            long first = Fields.Int(status, "first_seq"), next = Fields.Int(status, "next_seq"), records = Fields.Int(status, "records");
            Assert.AreEqual(n, (int)next);
            Assert.AreEqual(next - first, records, "the records held are every seq from the first to the last");
            Assert.AreEqual(first, Fields.Int(status, "overwritten"));
            Assert.IsTrue(Fields.Int(status, "used_bytes") <= DecisionLog.RegionBytes);
            string[] all = LogDump.All(d);
            Assert.AreEqual((int)records, all.Length);
            for (int i = 0; i < all.Length; i++) Assert.AreEqual(first + i, Fields.Int(all[i], "seq"));
            d.PowerCycle();
            string again = Status(d);
            Assert.AreEqual(Fields.Raw(status, "log"), Fields.Raw(again, "log"), "a power cycle finds the same ring");
            Assert.AreEqual(all[all.Length - 1], LogDump.All(d)[all.Length - 1]);
        }

        [TestMethod]
        public void ClearKeepsSequenceNumbers()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            for (int i = 0; i < 5; i++) d.Send("say turn on the desk lamp");
            Assert.AreEqual("{\"id\":null,\"type\":\"log_cleared\",\"next_seq\":5}", d.Send("log clear")[0]);
            Assert.AreEqual(0, LogDump.All(d).Length);
            d.PowerCycle();
            Assert.AreEqual(0, LogDump.All(d).Length);
            Assert.AreEqual(5, (int)Fields.Int(d.Send("say hello")[0], "seq"));
            Assert.AreEqual(0, (int)Fields.Int(Status(d), "overwritten"));
        }

        [TestMethod]
        public void DumpFromAndMax()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            for (int i = 0; i < 10; i++) d.Send("say turn on the desk lamp");
            string[] lines = d.Send("log dump 3 4");
            Assert.AreEqual(5, lines.Length);
            Assert.AreEqual(3, (int)Fields.Int(lines[0], "seq"));
            Assert.AreEqual(6, (int)Fields.Int(lines[3], "seq"));
            Assert.AreEqual("{\"id\":null,\"type\":\"log\",\"count\":4,\"first_seq\":0,\"next_seq\":10,\"more\":true}", lines[4]);
            Assert.AreEqual("{\"id\":null,\"type\":\"log\",\"count\":0,\"first_seq\":0,\"next_seq\":10,\"more\":false}", d.Send("log dump 10")[0]);
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("log dump x")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("log dump 1 0")[0], "code"));
            Assert.AreEqual("bad_argument", Fields.Str(d.Send("log")[0], "code"));
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAnAppendLosesNoCompleteRecord()
        {
            TestDevice start = new TestDevice(TestBlobs.First());
            for (int i = 0; i < 7; i++) start.Send("say " + Transcripts.Mixed[i]);
            AssertCutsLoseNothing(start.Ram, "turn on the desk lamp");
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAnAppendThatOverwritesLosesNoCompleteRecord()
        {
            TestDevice start = new TestDevice(TestBlobs.First());
            int n = 0;
            while (Fields.Raw(Status(start), "full") != "true") start.Send("say " + Transcripts.Mixed[n++ % Transcripts.Mixed.Length]);
            // Appends until the next one wraps to offset 0, so the cut hits the wrap as well.
            for (int i = 0; i < 40; i++) start.Send("say " + Transcripts.Mixed[n++ % Transcripts.Mixed.Length]);
            AssertCutsLoseNothing(start.Ram, "set the ceiling light to 40 percent");
        }

        /// <summary>
        /// From the flash state ram: a reference append without a cut, then for every byte offset k of
        /// what that `say` writes, the same append cut after k bytes, a power cycle, and a full dump.
        /// Every record of the reference dump other than the new one must be there, unchanged; the new
        /// one is there whole or not at all.
        /// </summary>
        static void AssertCutsLoseNothing(Saffu.Device.Storage.RamRegionStore ram, string transcript)
        {
            TestDevice reference = new TestDevice(ram.Copy(), TestBlobs.First());
            long before = reference.Flash.BytesWritten;
            string decided = reference.Send("say " + transcript)[0];
            long written = reference.Flash.BytesWritten - before;
            long newSeq = Fields.Int(decided, "seq");
            string[] expected = LogDump.All(reference);
            Assert.IsTrue(written > LogRecord.MinBytes);
            int lost = 0, badBoots = 0, keptNew = 0;
            for (long k = 0; k < written; k++)
            {
                TestDevice d = new TestDevice(ram.Copy(), TestBlobs.First());
                d.Flash.CutAfter(k);
                d.Send("say " + transcript);
                d.PowerCycle();
                if (d.App.Models.Model == null) badBoots++;
                string[] actual = LogDump.All(d);
                for (int i = 0; i < expected.Length; i++)
                {
                    if (Fields.Int(expected[i], "seq") == newSeq) continue;
                    if (LogDump.IndexOf(actual, expected[i]) < 0) lost++;
                }
                for (int i = 0; i < actual.Length; i++)
                {
                    if (Fields.Int(actual[i], "seq") != newSeq) continue;
                    Assert.AreEqual(expected[expected.Length - 1], actual[i], "the new record, when kept, is whole (cut at " + k + ")");
                    keptNew++;
                }
            }
            Assert.AreEqual(0, lost, "complete records lost over " + written + " cut offsets");
            Assert.AreEqual(0, badBoots, "boots without a model");
            // The record is written in one piece, before the light states: it survives exactly the
            // cuts after its last byte.
            Assert.IsTrue(keptNew > 0 && keptNew < written, "kept the new record after " + keptNew + " of " + written + " cuts");
        }

        static string Status(TestDevice d) { return d.Send("status")[0]; }

        static string ModelsHex(uint v) { return Models.ModelStore.Hex(v); }
    }
}
