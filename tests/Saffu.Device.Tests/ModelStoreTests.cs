#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Saffu.Device.Models;
using Saffu.Device.Storage;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Tests;

namespace Saffu.Device.Tests
{
    /// <summary>Model slots A/B (docs/decision-log.md, Model store; docs/serial-protocol.md, upload/activate).</summary>
    [TestClass]
    public class ModelStoreTests
    {
        [TestMethod]
        public void UploadGoesToTheInactiveSlotAndBootsAfterActivation()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            string activated = Uploads.UploadAndActivate(d, TestBlobs.Second());
            Assert.AreEqual("activated", Fields.Type(activated), activated);
            Assert.AreEqual("a", Fields.Str(activated, "slot"));
            Assert.AreEqual(TestBlobs.CrcHex(TestBlobs.Second()), Fields.Str(activated, "crc"));
            d.PowerCycle();
            Assert.AreEqual("a", d.App.Models.Source);
            Assert.AreEqual(TestBlobs.CrcHex(TestBlobs.Second()), Fields.Str(d.BootLines[0], "crc"));
            Assert.AreEqual("activated", Fields.Type(Uploads.UploadAndActivate(d, TestBlobs.First())));
            Assert.AreEqual("b", d.App.Models.Source);
            d.PowerCycle();
            Assert.AreEqual("b", d.App.Models.Source);
            Assert.AreEqual("null", Fields.Raw(d.BootLines[0], "fallback"));
        }

        [TestMethod]
        public void UploadAnswers()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            string[] lines = Uploads.Lines(TestBlobs.Second());
            Assert.AreEqual("{\"id\":null,\"type\":\"upload\",\"slot\":\"a\",\"size\":" + TestBlobs.Second().Length + ",\"received\":0,\"verified\":false}", d.Send(lines[0])[0]);
            Assert.AreEqual(512, (int)Fields.Int(d.Send(lines[1])[0], "received"));
            for (int i = 2; i < lines.Length - 1; i++) d.Send(lines[i]);
            Assert.AreEqual("{\"id\":null,\"type\":\"upload\",\"slot\":\"a\",\"size\":" + TestBlobs.Second().Length + ",\"received\":" + TestBlobs.Second().Length + ",\"verified\":true}", d.Send("upload end")[0]);
            Assert.AreEqual("true", Fields.Raw(Fields.Raw(d.Send("status")[0], "upload")!, "verified"));
            d.Send("upload abort");
            Assert.AreEqual("null", Fields.Raw(d.Send("status")[0], "upload"));
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")));
        }

        [TestMethod]
        public void UploadErrors()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            byte[] blob = TestBlobs.Second();
            string[] lines = Uploads.Lines(blob);
            Assert.AreEqual("upload_not_started", Code(d.Send(lines[1])));
            Assert.AreEqual("upload_not_started", Code(d.Send("upload end")));
            Assert.AreEqual("upload_too_large", Code(d.Send("upload begin " + (ModelStore.SlotBytes + 1) + " 00000000")));
            Assert.AreEqual("upload_too_large", Code(d.Send("upload begin 10 00000000")));
            Assert.AreEqual("bad_argument", Code(d.Send("upload begin 100 xyz")));
            d.Send(lines[0]);
            Assert.AreEqual("upload_offset", Code(d.Send(lines[2])));
            string badCrc = lines[1].Substring(0, 18) + (lines[1][18] == '0' ? '1' : '0') + lines[1].Substring(19);
            Assert.AreEqual("chunk_crc", Code(d.Send(badCrc)));
            Assert.AreEqual("bad_argument", Code(d.Send("upload chunk 0 00000000 @@@@")));
            Assert.AreEqual(512, (int)Fields.Int(d.Send(lines[1])[0], "received"), "the upload stays open after chunk errors");
            Assert.AreEqual("bad_argument", Code(d.Send("upload end")), "not all bytes yet");
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")));
            Assert.AreEqual("bad_argument", Code(d.Send("upload")));
            // A begin CRC that does not match the bytes sent.
            d.Send("upload begin " + blob.Length + " 12345678");
            for (int i = 1; i < lines.Length - 1; i++) d.Send(lines[i]);
            Assert.AreEqual("blob_crc", Code(d.Send("upload end")));
        }

        [TestMethod]
        public void BlobOfAnotherVersionIsRefusedAtUploadEnd()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            byte[] blob = (byte[])TestBlobs.Second().Clone();
            blob[4] = 2;
            TestBlobWriter.FixCrc(blob);
            string[] lines = Uploads.Lines(blob);
            for (int i = 0; i < lines.Length - 1; i++) d.Send(lines[i]);
            string[] a = d.Send("upload end");
            Assert.AreEqual("blob_invalid", Code(a));
            Assert.AreEqual("UnsupportedVersion: blob is version 2 but this runtime reads up to 1", Fields.Str(a[0], "message"));
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")));
        }

        [TestMethod]
        public void ActivationThatFailsToLoadKeepsTheRunningModel()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            byte[] blob = (byte[])TestBlobs.Second().Clone();
            // A word of the vocabulary that is not valid UTF-8: header, table and dimensions are fine,
            // the full loader refuses it (BadString) at activation.
            int strings = StringArea(blob);
            blob[strings] = 0xFF;
            TestBlobWriter.FixCrc(blob);
            string answer = Uploads.UploadAndActivate(d, blob);
            Assert.AreEqual("error", Fields.Type(answer), answer);
            Assert.AreEqual("blob_invalid", Fields.Str(answer, "code"));
            Assert.IsTrue(Fields.Str(answer, "message")!.StartsWith("BadString"), answer);
            Assert.AreEqual("builtin", d.App.Models.Source);
            Assert.AreEqual("HassTurnOn", Fields.Str(d.Send("say turn on the desk lamp")[0], "intent"));
            d.PowerCycle();
            Assert.AreEqual("builtin", d.App.Models.Source, "nothing was activated");
        }

        [TestMethod]
        public void ActivatedSlotThatNoLongerLoadsFallsBackToTheOther()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            Uploads.UploadAndActivate(d, TestBlobs.First());   // slot a
            Uploads.UploadAndActivate(d, TestBlobs.Second());  // slot b, activated
            Assert.AreEqual("b", d.App.Models.Source);
            Corrupt(d.Ram, "slot-b", 100);
            string[] boot = d.PowerCycle();
            Assert.AreEqual("a", d.App.Models.Source);
            Assert.AreEqual("\"b\"", Fields.Raw(Fields.Raw(boot[0], "fallback")!, "slot"));
            Assert.AreEqual("SlotCrc", Fields.Str(Fields.Raw(boot[0], "fallback")!, "error"));
            Assert.AreEqual(Fields.Raw(boot[0], "fallback"), Fields.Raw(d.Send("status")[0], "fallback"));
            Assert.AreEqual("HassTurnOn", Fields.Str(d.Send("say turn on the desk lamp")[0], "intent"));
            // Both slots bad: the built-in blob.
            Corrupt(d.Ram, "slot-a", 200);
            d.PowerCycle();
            Assert.AreEqual("builtin", d.App.Models.Source);
            Assert.AreEqual("b", d.App.Models.FallbackSlot);
            // A new activation clears the fallback.
            Assert.AreEqual("activated", Fields.Type(Uploads.UploadAndActivate(d, TestBlobs.Second())));
            Assert.AreEqual("null", Fields.Raw(d.Send("status")[0], "fallback"));
        }

        [TestMethod]
        public void NoModelAnywhereAnswersNoModel()
        {
            TestDevice d = new TestDevice(null);
            Assert.AreEqual("{\"id\":null,\"type\":\"boot\",\"protocol\":1,\"firmware\":\"0.1.0\",\"boot\":1,\"model\":{\"source\":\"none\"},\"fallback\":null}", d.BootLines[0]);
            string[] a = d.Send("1 say turn on the desk lamp");
            Assert.AreEqual("no_model", Code(a));
            Assert.AreEqual(1, (int)Fields.Int(a[0], "id"));
            Assert.AreEqual("no_model", Code(d.Send("bench")));
            Assert.AreEqual("no_model", Code(d.Send("light 0 10")));
            Assert.AreEqual("[]", Fields.Raw(d.Send("lights")[0], "lights"));
            Assert.AreEqual("[]", Fields.Raw(d.Send("info")[0], "intent_names"));
            Assert.AreEqual(0, d.App.Log.Records);
            // A model can still be uploaded, and then it is used.
            Assert.AreEqual("activated", Fields.Type(Uploads.UploadAndActivate(d, TestBlobs.First())));
            Assert.AreEqual("HassTurnOn", Fields.Str(d.Send("say turn on the desk lamp")[0], "intent"));
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfTheFirstUploadAndActivationBootsAGoodModel()
        {
            TestDevice start = new TestDevice(TestBlobs.First());
            AssertEveryCutBootsAGoodModel(start.Ram, TestBlobs.First(), TestBlobs.Second());
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfAnUploadOverAnActivatedSlotBootsAGoodModel()
        {
            TestDevice start = new TestDevice(TestBlobs.First());
            Uploads.UploadAndActivate(start, TestBlobs.Second());   // slot a active
            Uploads.UploadAndActivate(start, TestBlobs.First());    // slot b active; the next upload overwrites a
            AssertEveryCutBootsAGoodModel(start.Ram, TestBlobs.First(), TestBlobs.Second());
        }

        /// <summary>
        /// For every byte offset k of what an upload + activation of next writes, starting from the
        /// flash state ram (running old): cut after k bytes, power cycle. The device must boot a
        /// model every time: old while the activation record is incomplete, next once it is written.
        /// </summary>
        static void AssertEveryCutBootsAGoodModel(RamRegionStore ram, byte[] old, byte[] next)
        {
            TestDevice reference = new TestDevice(ram.Copy(), old);
            string[] lines = Uploads.Lines(next);
            long begin = reference.Flash.BytesWritten;
            for (int i = 0; i < lines.Length; i++) reference.Send(lines[i]);
            long uploaded = reference.Flash.BytesWritten - begin;
            Assert.AreEqual("activated", Fields.Type(reference.Send("activate")[0]));
            long written = reference.Flash.BytesWritten - begin;
            long activationRecord = 12 + 12 + 4;   // durable pair copy: header, payload, CRC
            Assert.IsTrue(uploaded >= next.Length && written >= uploaded + activationRecord);
            string oldCrc = TestBlobs.CrcHex(old), nextCrc = TestBlobs.CrcHex(next);
            int withoutModel = 0, wrongModel = 0;
            for (long k = 0; k < written; k++)
            {
                TestDevice d = new TestDevice(ram.Copy(), old);
                d.Flash.CutAfter(k);
                for (int i = 0; i < lines.Length && !d.Flash.Cut; i++) d.Send(lines[i]);
                if (!d.Flash.Cut) d.Send("activate");
                d.PowerCycle();
                if (d.App.Models.Model == null) { withoutModel++; continue; }
                string expected = k < uploaded + activationRecord ? oldCrc : nextCrc;
                if (ModelStore.Hex(d.App.Models.Crc) != expected) wrongModel++;
                if (d.App.Models.FallbackSlot != null) wrongModel++;
            }
            Assert.AreEqual(0, withoutModel, "boots without a good model over " + written + " cut offsets");
            Assert.AreEqual(0, wrongModel, "boots of another model than the one activated");
        }

        [TestMethod]
        public void VerifiedUploadSurvivesARebootAndActivatesAfterIt()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            string[] lines = Uploads.Lines(TestBlobs.Second());
            for (int i = 0; i < lines.Length; i++) d.Send(lines[i]);
            // The upload record (docs/decision-log.md, durable pair kind 5): slot a, length, whole-blob CRC.
            byte[] copy = new byte[64];
            d.Ram.Open(ModelStore.UploadRegion, ModelStore.UploadBytes).Read(0, copy, 0, 64);
            byte[] head = { 0x53, 0x44, 0x52, 0x31, 1, 0, 0, 0, 5, 0, 12, 0, 0, 0, 0, 0 };
            for (int i = 0; i < head.Length; i++) Assert.AreEqual((int)head[i], (int)copy[i], "byte " + i);
            Assert.AreEqual((uint)TestBlobs.Second().Length, Bytes.Get32(copy, 16));
            Assert.AreEqual(TestBlobs.CrcHex(TestBlobs.Second()), ModelStore.Hex(Bytes.Get32(copy, 20)));
            Assert.AreEqual(Crc32.Compute(copy, 0, 24), Bytes.Get32(copy, 24));
            d.PowerCycle();
            Assert.AreEqual("builtin", d.App.Models.Source, "nothing activated yet");
            Assert.AreEqual("{\"slot\":\"a\",\"size\":" + TestBlobs.Second().Length + ",\"received\":" + TestBlobs.Second().Length + ",\"verified\":true}",
                Fields.Raw(d.Send("status")[0], "upload"));
            string activated = d.Send("activate")[0];
            Assert.AreEqual("activated", Fields.Type(activated), activated);
            Assert.AreEqual(TestBlobs.CrcHex(TestBlobs.Second()), Fields.Str(activated, "crc"));
            Assert.AreEqual("null", Fields.Raw(d.Send("status")[0], "upload"));
            d.PowerCycle();
            Assert.AreEqual("a", d.App.Models.Source);
            Assert.AreEqual("null", Fields.Raw(d.Send("status")[0], "upload"), "an activated upload is not offered again");
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")));
        }

        [TestMethod]
        public void AbortedOrIncompleteUploadIsNotActivatedAfterAReboot()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            string[] lines = Uploads.Lines(TestBlobs.Second());
            for (int i = 0; i < lines.Length; i++) d.Send(lines[i]);
            d.Send("upload abort");
            d.PowerCycle();
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")));
            // A verified upload, then a new upload that stops half way: the record was forgotten at begin.
            for (int i = 0; i < lines.Length; i++) d.Send(lines[i]);
            d.Send(lines[0]);
            d.Send(lines[1]);
            d.PowerCycle();
            Assert.AreEqual("null", Fields.Raw(d.Send("status")[0], "upload"));
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")));
            Assert.AreEqual("builtin", d.App.Models.Source);
        }

        [TestMethod]
        public void RecordedUploadWhoseSlotChangedIsRefusedAndTheRunningModelStays()
        {
            TestDevice d = new TestDevice(TestBlobs.First());
            string[] lines = Uploads.Lines(TestBlobs.Second());
            for (int i = 0; i < lines.Length; i++) d.Send(lines[i]);
            Corrupt(d.Ram, "slot-a", 300);
            d.PowerCycle();
            string[] a = d.Send("activate");
            Assert.AreEqual("blob_crc", Code(a));
            string message = Fields.Str(a[0], "message")!;
            Assert.IsTrue(message.StartsWith("slot a no longer holds the verified upload (bytes have CRC "), message);
            Assert.AreEqual("builtin", d.App.Models.Source);
            Assert.AreEqual("HassTurnOn", Fields.Str(d.Send("say turn on the desk lamp")[0], "intent"));
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")), "the refused upload is forgotten");
            d.PowerCycle();
            Assert.AreEqual("no_verified_upload", Code(d.Send("activate")));
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfUploadRebootActivateBootsAGoodModel()
        {
            TestDevice start = new TestDevice(TestBlobs.First());
            AssertEveryCutAcrossARebootBootsAGoodModel(start.Ram, TestBlobs.First(), TestBlobs.Second());
        }

        [TestMethod]
        public void PowerCutAtEveryByteOfUploadRebootActivateOverAnActivatedSlotBootsAGoodModel()
        {
            TestDevice start = new TestDevice(TestBlobs.First());
            Uploads.UploadAndActivate(start, TestBlobs.Second());   // slot a active
            Uploads.UploadAndActivate(start, TestBlobs.First());    // slot b active; the next upload overwrites a
            AssertEveryCutAcrossARebootBootsAGoodModel(start.Ram, TestBlobs.First(), TestBlobs.Second());
        }

        /// <summary>
        /// Upload next, power cycle, activate, starting from the flash state ram (running old). For every
        /// byte k of what the upload and the activation write: cut after k bytes, power cycle. A model must
        /// boot every time (old until the activation record is complete, then next); and when it is old,
        /// activate then succeeds exactly when the upload had completed (its record written), else it is
        /// refused and old keeps running.
        /// </summary>
        static void AssertEveryCutAcrossARebootBootsAGoodModel(RamRegionStore ram, byte[] old, byte[] next)
        {
            TestDevice reference = new TestDevice(ram.Copy(), old);
            string[] lines = Uploads.Lines(next);
            long begin = reference.Flash.BytesWritten;
            for (int i = 0; i < lines.Length; i++) reference.Send(lines[i]);
            long uploaded = reference.Flash.BytesWritten - begin;
            reference.PowerCycle();
            long rebooted = reference.Flash.BytesWritten;
            Assert.AreEqual("activated", Fields.Type(reference.Send("activate")[0]));
            long activation = reference.Flash.BytesWritten - rebooted;
            long activationRecord = 12 + 12 + 4;
            long verifiedRecord = 12 + 12 + 4;
            Assert.IsTrue(uploaded >= next.Length + verifiedRecord && activation >= activationRecord);
            string oldCrc = TestBlobs.CrcHex(old), nextCrc = TestBlobs.CrcHex(next);
            int withoutModel = 0, wrongModel = 0, wrongActivate = 0;
            for (long k = 0; k < uploaded + activation; k++)
            {
                TestDevice d = new TestDevice(ram.Copy(), old);
                if (k < uploaded)
                {
                    d.Flash.CutAfter(k);
                    for (int i = 0; i < lines.Length && !d.Flash.Cut; i++) d.Send(lines[i]);
                }
                else
                {
                    for (int i = 0; i < lines.Length; i++) d.Send(lines[i]);
                    d.PowerCycle();
                    d.Flash.CutAfter(k - uploaded);
                    d.Send("activate");
                }
                d.PowerCycle();
                if (d.App.Models.Model == null) { withoutModel++; continue; }
                bool activated = k >= uploaded + activationRecord;
                if (ModelStore.Hex(d.App.Models.Crc) != (activated ? nextCrc : oldCrc)) wrongModel++;
                if (d.App.Models.FallbackSlot != null) wrongModel++;
                if (activated) continue;
                string answer = d.Send("activate")[0];
                bool completeUpload = k >= uploaded;
                if ((Fields.Type(answer) == "activated") != completeUpload) wrongActivate++;
                else if (ModelStore.Hex(d.App.Models.Crc) != (completeUpload ? nextCrc : oldCrc)) wrongActivate++;
            }
            Assert.AreEqual(0, withoutModel, "boots without a good model over " + (uploaded + activation) + " cut offsets");
            Assert.AreEqual(0, wrongModel, "boots of another model than the one activated");
            Assert.AreEqual(0, wrongActivate, "activate after the cut: accepted an incomplete upload or refused a complete one");
        }

        static void Corrupt(RamRegionStore ram, string region, int offset)
        {
            IRegion r = ram.Open(region, ModelStore.SlotBytes);
            byte[] b = new byte[1];
            r.Read(offset, b, 0, 1);
            b[0] ^= 0x5A;
            r.Write(offset, b, 0, 1);
        }

        /// <summary>Offset of the vocabulary's string area (docs/model-blob.md §2).</summary>
        static int StringArea(byte[] blob)
        {
            int at = TestBlobWriter.SectionOffset(blob, 2);
            int count = blob[at] | (blob[at + 1] << 8);
            return at + 8 + 4 * (count + 1) + TestBlobWriter.Align4(2 * count);
        }

        static string? Code(string[] answer)
        {
            Assert.AreEqual(1, answer.Length);
            Assert.AreEqual("error", Fields.Type(answer[0]), answer[0]);
            return Fields.Str(answer[0], "code");
        }
    }
}
