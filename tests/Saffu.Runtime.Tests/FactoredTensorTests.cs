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
    /// The FactoredTensors section (docs/model-blob.md §14) on the golden model (GoldenBlobTests: V 4, b 3, b′ 2, U_D =
    /// [0 0; 0.5 −0.5; −0.5 0.5]), factored at rank 1 as A = [0; 0.5; −0.5] times B = [1 −1]: golden bytes, the golden
    /// intents unchanged (the product is exact), the two steps computed by hand, and one bad section per check.
    /// </summary>
    [TestClass]
    public class FactoredTensorTests
    {
        // 16-bit factors. The trainer's FactoredTensorSectionTests pins the same bytes from its writer.
        public static readonly string[] Golden16 =
        {
            "01", "01", "00 00",                                      // rank 1, parts 1, reserved
            "03 00 01 00 10 00 00 00", "00 80 1E 00",                // A: 3×1, 16 bits, one scale: m 32768, e 30 (2^−15)
            "00 00 00 40 00 C0", "00 00",                            // A: 0, 16384, −16384 (0, 0.5, −0.5); pad
            "01 00 02 00 10 00 00 00", "00 80 1D 00",                // B: 1×2, 16 bits, one scale: m 32768, e 29 (2^−14)
            "00 40 00 C0",                                           // B: 16384, −16384 (1, −1)
        };

        // 8-bit factors: A 0, 64, −64 at 2^−7; B 64, −64 at 2^−6.
        static readonly string[] Golden8 =
        {
            "01", "01", "00 00",
            "03 00 01 00 08 00 00 00", "00 80 16 00", "00 40 C0", "00",
            "01 00 02 00 08 00 00 00", "00 80 15 00", "40 C0", "00 00",
        };

        // Golden16 with B's two scales per column (scaleMode 1): a well-formed record the section does not allow.
        static readonly string[] PerColumnB =
        {
            "01", "01", "00 00",
            "03 00 01 00 10 00 00 00", "00 80 1E 00", "00 00 00 40 00 C0", "00 00",
            "01 00 02 00 10 01 00 00", "00 80 1D 00", "00 80 1D 00", "00 40 00 C0",
        };

        static byte[] Bytes(string[] lines)
        {
            ByteSink sink = new ByteSink();
            for (int i = 0; i < lines.Length; i++)
            {
                string line = lines[i];
                for (int k = 0; k + 1 < line.Length; k += 3) sink.U8(Nibble(line[k]) * 16 + Nibble(line[k + 1]));
            }
            return sink.ToArray();
        }

        static int Nibble(char c) { return c <= '9' ? c - '0' : c - 'A' + 10; }

        static byte[] Blob(byte[] section)
        {
            TestModelSpec spec = GoldenBlobTests.Spec();
            spec.FactoredTensors = section;
            return TestBlobWriter.Write(spec);
        }

        static SaffuModel Model(string[] golden)
        {
            LoadResult result = ModelBlob.Load(Blob(Bytes(golden)));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        [TestMethod]
        public void TheGoldenSectionLoads()
        {
            Assert.AreEqual(40, Bytes(Golden16).Length);
            Assert.AreEqual(36, Bytes(Golden8).Length);
            SaffuModel model = Model(Golden16);
            Assert.AreEqual(1, model.Config.FactorRank);
            Assert.IsNull(model.Weights.DocumentU);
            Assert.IsNotNull(model.Weights.DocumentF);
            Assert.AreEqual(1, model.Weights.DocumentF!.Rank);
            Assert.AreEqual(16384, model.Weights.DocumentF.A.Q(1, 0));
            Assert.AreEqual(-16384, model.Weights.DocumentF.B.Q(0, 1));
            Assert.AreEqual(0, ModelBlob.Load(TestBlobWriter.Write(GoldenBlobTests.Spec())).Model!.Config.FactorRank);
        }

        [TestMethod]
        public void TheBlobIsSmallerByTheUAndLargerByTheFactors()
        {
            // U_D's record (8 + 4 + 6 bytes, padded to 20) leaves DocumentContext; the section (40 bytes) and its table entry (16) come in.
            Assert.AreEqual(GoldenBlobTests.GoldenBytes().Length - 20 + 40 + 16, Blob(Bytes(Golden16)).Length);
        }

        [TestMethod]
        [DataRow("on", 0, 29650, 3118)]
        [DataRow("off", 1, 7291, 25477)]
        [DataRow("on off off", 1, 7291, 25477)]
        [DataRow("5", 0, 26436, 6332)]
        [DataRow("blah", 0, 20402, 12366)]
        [DataRow("on 5 blah", 0, 31073, 1695)]
        public void TheGoldenIntentsAreUnchanged(string line, int top, int y0, int y1)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                Session session = Model(pass == 0 ? Golden16 : Golden8).Session;
                session.RunLine(line);
                Assert.AreEqual(top, session.Decision.TopIntent);
                Assert.AreEqual(y0, session.Decision.Score(0));
                Assert.AreEqual(y1, session.Decision.Score(1));
            }
        }

        [TestMethod]
        public void TheTwoStepsGiveTheDenseProjection()
        {
            // "on" is code {1}: step 1 T = RoundShift(16384 · 32768·32768, 30 + 29 − 16 − 15) = 65536 (0.5 · 2^−14 in Q31);
            // step 2 P = RoundShift(65536 · ±16384, 15) = ±32768, the dense U's row 1 in Q16.
            for (int pass = 0; pass < 2; pass++)
            {
                Session session = Model(pass == 0 ? Golden16 : Golden8).Session;
                session.Reset();
                session.Push(1, -1);
                Assert.AreEqual(65536, session.State.Factor[0]);
                Assert.AreEqual(32768, session.State.DocumentG[0]);
                Assert.AreEqual(-32768, session.State.DocumentG[1]);
                // R 1 scale + R·b′ 2; softmax s_D 4; O 2·2 + 2; intent softmax 4.
                Assert.AreEqual(17L, session.LastMacCount);
            }
        }

        [TestMethod]
        public void RamGrowsByTheRank()
        {
            long dense = ModelBlob.Load(TestBlobWriter.Write(GoldenBlobTests.Spec())).Model!.Session.State.RamBytes;
            Assert.AreEqual(dense + 4, Model(Golden16).Session.State.RamBytes);
        }

        // ---- BadFactoredTensors (and BadTensor for the records): one bad section per check of §14.

        static void ExpectBad(byte[] section, BlobError error, string why)
        {
            LoadResult result = ModelBlob.Load(Blob(section));
            Assert.AreEqual(error, result.Error, why + ": " + result.Message);
        }

        static byte[] Golden() { return Bytes(Golden16); }

        /// <summary>The 16-bit golden section (a base blob of MutationTests).</summary>
        public static byte[] GoldenSection() { return Golden(); }

        [TestMethod]
        public void ShortHeaderIsBad()
        {
            ExpectBad(new byte[2], BlobError.BadFactoredTensors, "2 bytes");
        }

        [TestMethod]
        public void HeaderFieldsAreChecked()
        {
            byte[] s = Golden(); s[0] = 0; ExpectBad(s, BlobError.BadFactoredTensors, "rank 0");
            s = Golden(); s[0] = 2; ExpectBad(s, BlobError.BadFactoredTensors, "rank 2 = b′");
            s = Golden(); s[1] = 2; ExpectBad(s, BlobError.BadFactoredTensors, "parts 2 for one context");
            s = Golden(); s[2] = 1; ExpectBad(s, BlobError.BadFactoredTensors, "reserved 1");
        }

        [TestMethod]
        public void FactorsAreChecked()
        {
            byte[] s = Golden(); s[4] = 4; ExpectBad(s, BlobError.BadTensor, "A with 4 rows for b = 3");
            s = Golden(); s[26] = 3; ExpectBad(s, BlobError.BadTensor, "B with 3 columns for b′ = 2");
            ExpectBad(Bytes(PerColumnB), BlobError.BadFactoredTensors, "B per column");
            s = Golden(); s[14] = 1; ExpectBad(s, BlobError.BadFactoredTensors, "e_A 1: shift 1 + 29 − 31 < 0");
            s = Golden(); s[34] = 62; s[14] = 62; ExpectBad(s, BlobError.BadFactoredTensors, "shift 62 + 62 − 31 > 62");
        }

        [TestMethod]
        public void LengthMustMatchTheContents()
        {
            byte[] golden = Golden(), longer = new byte[golden.Length + 4];
            for (int i = 0; i < golden.Length; i++) longer[i] = golden[i];
            ExpectBad(longer, BlobError.BadFactoredTensors, "4 bytes after the last B");
        }

        [TestMethod]
        public void ContextSectionsMustLeaveUOut()
        {
            // A factored blob whose DocumentContext still holds U_D: the section is longer than its (empty) contents.
            TestModelSpec spec = GoldenBlobTests.Spec();
            spec.FactoredTensors = Golden();
            spec.KeepDenseU = true;
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.BadTensor, result.Error, result.Message);
        }

        [TestMethod]
        public void WordVectorsBesideAFactoredUAreRefused()
        {
            TestModelSpec spec = GoldenBlobTests.Spec();
            spec.FactoredTensors = Golden();
            spec.WordVectors = WordVectorsSection();
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.BadFactoredTensors, result.Error, result.Message);
        }

        static byte[] WordVectorsSection()
        {
            return Bytes(WordVectorTests.Golden16);
        }
    }
}
