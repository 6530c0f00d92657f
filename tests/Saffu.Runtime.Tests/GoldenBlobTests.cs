#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// A tiny model pinned byte for byte (docs/model-blob.md), annotated field by field from the
    /// spec, and its intents pinned from an independent re-implementation of docs/saffu-model.md §4
    /// (a few lines of Python, integer only, run once; the numbers are copied here).
    /// </summary>
    [TestClass]
    public class GoldenBlobTests
    {
        // Vocabulary by id: <oov>, on, off, <num>; b = 3 → codes {0}, {1}, {2}, {0,1}.
        static readonly string[] Before =
        {
            // Header (32 bytes)
            "53 41 46 55",            // magic "SAFU"
            "01 00",                  // version 1
            "20 00",                  // headerSize 32
            "C4 09 00 00",            // totalLength 2500
            "92 C2 DE 31",            // crc32 0x31DEC292
            "08 00",                  // sectionCount 8
            "00 00",                  // flags
            "20 00 00 00",            // sectionTableOffset 32
            "00 00 00 00 00 00 00 00",
            // Section table: kind, flags (1 = required), offset, length, alignment 4, reserved
            "01 00 01 00 A0 00 00 00 18 00 00 00 04 00 00 00",   // Config at 160, 24 bytes
            "02 00 01 00 B8 00 00 00 33 00 00 00 04 00 00 00",   // Vocabulary at 184, 51
            "03 00 01 00 EC 00 00 00 1C 00 00 00 04 00 00 00",   // Intents at 236, 28
            "04 00 01 00 08 01 00 00 10 08 00 00 04 00 00 00",   // MathTables at 264, 2064
            "07 00 01 00 18 09 00 00 14 00 00 00 04 00 00 00",   // DocumentContext at 2328, 20
            "08 00 01 00 2C 09 00 00 14 00 00 00 04 00 00 00",   // IntentHead at 2348, 20
            "0A 00 01 00 40 09 00 00 0C 00 00 00 04 00 00 00",   // Decision at 2368, 12
            "0B 00 00 00 4C 09 00 00 78 00 00 00 04 00 00 00",   // Identity (optional) at 2380, 120
            // Config: V 4, b 3, maxPopcount 2, flags document, oov 0, sod none, num 3,
            // b' 2, I 2, B 0, r 0, maxWords 8, reserved
            "04 00 03 00 02 08 00 00 FF FF 03 00 02 00 02 00 00 00 00 00 08 00 00 00",
            // Vocabulary: count 4, reserved, stringBytes 15, offsets 0 5 7 10 15,
            // sorted ids 3 (<num>) 0 (<oov>) 2 (off) 1 (on), strings, section padding
            "04 00 00 00 0F 00 00 00",
            "00 00 00 00 05 00 00 00 07 00 00 00 0A 00 00 00 0F 00 00 00",
            "03 00 00 00 02 00 01 00",
            "3C 6F 6F 76 3E 6F 6E 6F 66 66 3C 6E 75 6D 3E", "00",
            // Intents: count 2, reserved, "HassTurnOn", "HassTurnOff", pad
            "02 00 00 00",
            "0A 48 61 73 73 54 75 72 6E 4F 6E",
            "0B 48 61 73 73 54 75 72 6E 4F 66 66", "00",
        };

        static readonly string[] After =
        {
            // DocumentContext: U_D 3×2, int8, one scale m 32768 e 22; q = [0 0; 64 −64; −64 64]; pad
            "03 00 02 00 08 00 00 00", "00 80 16 00", "00 00 40 C0 C0 40", "00 00",
            // IntentHead: O 2×2, int8, per column (m 40000 e 20), (m 50000 e 21); q = [100 −20; −30 90]
            "02 00 02 00 08 01 00 00", "40 9C 14 00", "50 C3 15 00", "64 EC E2 5A",
            // Decision: none 0xFFFF, reject 19661, early 0xFFFF (off), earlyMinWords 1, temperature 1.0
            "FF FF CD 4C FF FF 01 00 00 00 01 00",
            // Identity: contentHash 00..1F, parentHash zeros, dataHash FF..E0, created 0, "saffu-test 0", pad
            "00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F 10 11 12 13 14 15 16 17 18 19 1A 1B 1C 1D 1E 1F",
            "00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00",
            "FF FE FD FC FB FA F9 F8 F7 F6 F5 F4 F3 F2 F1 F0 EF EE ED EC EB EA E9 E8 E7 E6 E5 E4 E3 E2 E1 E0",
            "00 00 00 00 00 00 00 00",
            "0C 73 61 66 66 75 2D 74 65 73 74 20 30", "00 00 00",
        };

        /// <summary>The golden bytes: Before, the MathTables section (the pinned literal tables), After.</summary>
        public static byte[] GoldenBytes()
        {
            ByteSink sink = new ByteSink();
            Hex(sink, Before);
            sink.Bytes(TestTables.SectionBytes());
            Hex(sink, After);
            return sink.ToArray();
        }

        static void Hex(ByteSink sink, string[] lines)
        {
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                for (int k = 0; k + 1 < line.Length; k += 3) sink.U8(Nibble(line[k]) * 16 + Nibble(line[k + 1]));
            }
        }

        static int Nibble(char c)
        {
            return c <= '9' ? c - '0' : c - 'A' + 10;
        }

        /// <summary>The same model as a TestModelSpec: the writer must give the golden bytes.</summary>
        public static TestModelSpec Spec()
        {
            TestModelSpec m = new TestModelSpec();
            m.Words = new string[] { "<oov>", "on", "off", "<num>" };
            m.Bits = 3;
            m.OovId = 0;
            m.NumId = 3;
            m.Document = true;
            m.LabelDim = 2;
            m.Intents = new string[] { "HassTurnOn", "HassTurnOff" };
            m.MaxWords = 8;
            TestTensor u = new TestTensor(3, 2, 8, false);
            u.Q = new int[] { 0, 0, 64, -64, -64, 64 };
            u.M[0] = 32768;
            u.E[0] = 22;
            m.DocumentU = u;
            TestTensor o = new TestTensor(2, 2, 8, true);
            o.Q = new int[] { 100, -20, -30, 90 };
            o.M = new int[] { 40000, 50000 };
            o.E = new int[] { 20, 21 };
            m.O = o;
            m.RejectThreshold = 19661;
            return m;
        }

        [TestMethod]
        public void WriterProducesTheGoldenBytes()
        {
            byte[] golden = GoldenBytes(), written = TestBlobWriter.Write(Spec());
            Assert.AreEqual(2500, golden.Length);
            Assert.AreEqual(golden.Length, written.Length);
            for (int i = 0; i < golden.Length; i++)
            {
                if (golden[i] != written[i]) Assert.AreEqual((int)golden[i], (int)written[i], "byte " + i.ToString());
            }
        }

        [TestMethod]
        public void GoldenCrcIsTheCrcOfTheBytes()
        {
            byte[] golden = GoldenBytes();
            Assert.AreEqual(0x31DEC292u, Crc32.OfBlob(golden, golden.Length));
        }

        [TestMethod]
        [DataRow("on", 0, 29650, 3118)]
        [DataRow("off", 1, 7291, 25477)]
        [DataRow("on off off", 1, 7291, 25477)]
        [DataRow("5", 0, 26436, 6332)]
        [DataRow("blah", 0, 20402, 12366)]
        [DataRow("on 5 blah", 0, 31073, 1695)]
        public void GoldenIntents(string line, int top, int y0, int y1)
        {
            LoadResult result = ModelBlob.Load(GoldenBytes());
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            Session session = result.Model!.Session;
            session.RunLine(line);
            Assert.AreEqual(top, session.Decision.TopIntent);
            Assert.AreEqual(y0, session.Decision.Score(0));
            Assert.AreEqual(y1, session.Decision.Score(1));
            Assert.AreEqual(y0 >= 19661 || y1 >= 19661, session.Decision.Understood);
        }

        [TestMethod]
        public void GoldenRamBytes()
        {
            SaffuModel model = ModelBlob.Load(GoldenBytes()).Model!;
            // RunState: ints W 1 + g_D 2 + 4·W + G 2 + H 2 + 2·I 4 + 2·M 16 = 31 → 124 bytes; bits 1×2
            // shorts → 4; tags 8 bytes; tokens 8 × 40 + 32 = 352. Labels: 2 intent starts → 8.
            Assert.AreEqual(124L + 4 + 8 + 352, model.Session.State.RamBytes);
            Assert.AreEqual(124L + 4 + 8 + 352 + 8, model.RamBytes);
        }
    }
}
