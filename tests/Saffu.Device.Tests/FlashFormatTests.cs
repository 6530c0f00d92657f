#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Device.Log;
using Saffu.Device.Storage;
using Saffu.Runtime.Blob;

namespace Saffu.Device.Tests
{
    /// <summary>Golden bytes of docs/decision-log.md: a durable-pair copy and a log record, field by field.</summary>
    [TestClass]
    public class FlashFormatTests
    {
        [TestMethod]
        public void DurablePairCopyBytes()
        {
            RamRegionStore ram = new RamRegionStore();
            IRegion region = ram.Open("active", 128);
            DurablePair pair = new DurablePair(region, DurablePair.KindActive);
            byte[] payload = { 1, 0, 0, 0, 0x10, 0x20, 0, 0, 0x78, 0x56, 0x34, 0x12 };
            pair.Write(payload, payload.Length);
            byte[] b = new byte[128];
            region.Read(0, b, 0, 128);
            // magic "SDR1", generation 1, kind 1, length 12, payload, CRC of the 24 bytes before it.
            byte[] head = { 0x53, 0x44, 0x52, 0x31, 1, 0, 0, 0, 1, 0, 12, 0 };
            for (int i = 0; i < head.Length; i++) Assert.AreEqual((int)head[i], (int)b[i], "byte " + i);
            for (int i = 0; i < payload.Length; i++) Assert.AreEqual((int)payload[i], (int)b[12 + i]);
            Assert.AreEqual(Crc32.Compute(b, 0, 24), Bytes.Get32(b, 24));
            Assert.AreEqual(0xFF, (int)b[28], "nothing written past the CRC");
            Assert.AreEqual(0xFF, (int)b[64], "the second copy is untouched by the first write");
            // The second write goes to the other copy with generation 2; a reader takes it.
            payload[0] = 0;
            pair.Write(payload, payload.Length);
            region.Read(0, b, 0, 128);
            Assert.AreEqual(1, (int)b[12], "the first copy keeps the previous value");
            Assert.AreEqual(2, (int)Bytes.Get32(b, 68));
            byte[] read = new byte[16];
            Assert.AreEqual(12, new DurablePair(region, DurablePair.KindActive).Read(read));
            Assert.AreEqual(0, (int)read[0]);
            // A torn third write (into copy 0) leaves generation 2 readable.
            b[5] = 0x7F;
            region.Write(0, b, 0, 8);
            Assert.AreEqual(12, new DurablePair(region, DurablePair.KindActive).Read(read));
            Assert.AreEqual(0, (int)read[0]);
        }

        [TestMethod]
        public void LogRecordBytes()
        {
            LogRecord r = new LogRecord();
            byte[] hash = new byte[32];
            for (int i = 0; i < 32; i++) hash[i] = (byte)(0xA0 + i);
            r.Begin(7, 3, 1500, hash, 0, 32768, true, false, -1, 40);
            byte[] text = TestDevice.Utf8Bytes("dim it");
            string?[] strings = { "HassLightSet", null, "pins", "set", null, "desk lamp", null, null };
            r.Text(text, 0, text.Length, LogRecord.Reserve(strings, 0));
            for (int i = 0; i < strings.Length; i++) r.String(strings[i]);
            r.Finish();
            byte[] b = r.Bytes;
            Assert.AreEqual(0x44, (int)b[0]);
            Assert.AreEqual(0x4C, (int)b[1]);
            Assert.AreEqual(7, (int)Bytes.Get32(b, 4));
            Assert.AreEqual(3, (int)Bytes.Get32(b, 8));
            Assert.AreEqual(1500, (int)Bytes.Get32(b, 12));
            Assert.AreEqual(0xA0, (int)b[16]);
            Assert.AreEqual(0xBF, (int)b[47]);
            Assert.AreEqual(32768, Bytes.Get16(b, 48));
            Assert.AreEqual(1, (int)b[50], "flags: understood");
            Assert.AreEqual(0xFF, (int)b[51], "step −1");
            Assert.AreEqual(40, Bytes.Get16(b, 52));
            Assert.AreEqual(0, (int)b[54], "no pins (the Pins call was left out)");
            Assert.AreEqual(6, Bytes.Get16(b, 56));
            Assert.AreEqual((byte)'d', (int)b[58]);
            Assert.AreEqual(12, (int)b[64], "top's length after the 6 text bytes");
            // 56 + 2 + 6 + (1+12) + 1 + (1+4) + (1+3) + 1 + (1+9) + 1 + 1 = 99 → pad to 100, + CRC = 104.
            Assert.AreEqual(104, r.Length);
            Assert.AreEqual(104, Bytes.Get16(b, 2));
            Assert.AreEqual(Crc32.Compute(b, 0, 100), Bytes.Get32(b, 100));
            Assert.AreEqual("desk lamp", Saffu.Runtime.Text.Utf8.Decode(b, r.StringAt(5) + 1, b[r.StringAt(5)]));
        }

        [TestMethod]
        public void LongTranscriptIsCutAtACharacterBoundary()
        {
            LogRecord r = new LogRecord();
            string s = "";
            for (int i = 0; i < 600; i++) s += "\u00e9";   // 1200 bytes
            byte[] text = TestDevice.Utf8Bytes(s);
            r.Begin(0, 1, 0, null, 0, 0, false, false, 0, -1);
            r.Text(text, 0, text.Length, 0);
            Assert.AreEqual(LogRecord.FlagTextCut, r.Flags & LogRecord.FlagTextCut);
            Assert.AreEqual(1024, r.TextLength, "1024 bytes = 512 whole characters");
        }
    }
}
