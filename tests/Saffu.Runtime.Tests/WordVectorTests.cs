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
    /// The WordVectors section (docs/model-blob.md §17) on the golden model (GoldenBlobTests: V 4, b 3, U_D =
    /// [0 0; 0.5 −0.5; −0.5 0.5]): golden bytes, the projections and comparisons computed by hand from the spec's
    /// formulas, and one bad section per BadWordVectors check. Vectors: &lt;oov&gt; = {0: 1}, on = {1: 0.75, 2: 0.25},
    /// off = {2: 1}, &lt;num&gt; = {0: 0.5, 1: 0.5}.
    /// </summary>
    [TestClass]
    public class WordVectorTests
    {
        const int Oov = 0, On = 1, Off = 2, Num = 3;

        // 16-bit weights (Q15). The trainer's WordVectorSectionTests pins the same bytes from its writer.
        public static readonly string[] Golden16 =
        {
            "04 00", "10", "00", "02 00", "00 00",                               // count 4, weightBits 16, reserved, maxEntries 2, reserved
            "00 00 00 00 01 00 00 00 03 00 00 00 04 00 00 00 06 00 00 00",       // offsets 0 1 3 4 6
            "00 00 01 00 02 00 02 00 00 00 01 00",                               // bits 0 | 1 2 | 2 | 0 1
            "00 80 00 60 00 20 00 80 00 40 00 40",                               // weights 1 | 0.75 0.25 | 1 | 0.5 0.5 (Q15)
        };

        // The same vectors with 8-bit weights (Q7), 46 bytes padded to 48.
        static readonly string[] Golden8 =
        {
            "04 00", "08", "00", "02 00", "00 00",
            "00 00 00 00 01 00 00 00 03 00 00 00 04 00 00 00 06 00 00 00",
            "00 00 01 00 02 00 02 00 00 00 01 00",
            "80 60 20 80 40 40", "00 00",
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

        static LoadResult LoadWith(byte[] section)
        {
            TestModelSpec spec = GoldenBlobTests.Spec();
            spec.WordVectors = section;
            return ModelBlob.Load(TestBlobWriter.Write(spec));
        }

        static SaffuModel Model(string[] golden)
        {
            LoadResult result = LoadWith(Bytes(golden));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        [TestMethod]
        public void TheGoldenSectionLoads()
        {
            Assert.AreEqual(52, Bytes(Golden16).Length);
            SaffuModel model = Model(Golden16);
            Assert.IsNotNull(model.Vectors);
            Assert.AreEqual(2, model.Vectors!.MaxEntries);
            Assert.AreEqual(15, model.Vectors.WeightShift);
            Assert.AreEqual(1, model.Vectors.First(On));
            Assert.AreEqual(3, model.Vectors.End(On));
            Assert.AreEqual(2, model.Vectors.Bit(2));
            Assert.AreEqual(8192, model.Vectors.Weight(2));
            Assert.AreEqual(7, Model(Golden8).Vectors!.WeightShift);
            Assert.IsNull(ModelBlob.Load(TestBlobWriter.Write(GoldenBlobTests.Spec())).Model!.Vectors);
        }

        [TestMethod]
        public void ProjectionsReadTheStoredVectors()
        {
            // P_UD[on] = 0.75·[0.5 −0.5] + 0.25·[−0.5 0.5] = [0.25 −0.25] (Q16 ±16384; the cipher code {1} would give ±32768);
            // then <num>: + 0.5·[0 0] + 0.5·[0.5 −0.5] = [0.5 −0.5] in all.
            for (int pass = 0; pass < 2; pass++)
            {
                Session session = Model(pass == 0 ? Golden16 : Golden8).Session;
                session.Push(On, -1);
                Assert.AreEqual(16384, session.State.DocumentG[0]);
                Assert.AreEqual(-16384, session.State.DocumentG[1]);
                // 2 entries × 2 columns + 2 scales; softmax s_D 4; O 2·2 + 2; intent softmax 4.
                Assert.AreEqual(20L, session.LastMacCount);
                session.Push(Num, -1);
                Assert.AreEqual(32768, session.State.DocumentG[0]);
                Assert.AreEqual(-32768, session.State.DocumentG[1]);
                Assert.AreEqual(HassTurnOn, session.Decision.TopIntent);
            }
        }

        const int HassTurnOn = 0;

        [TestMethod]
        public void ComparisonsAreDotProductsOfTheVectors()
        {
            for (int pass = 0; pass < 2; pass++)
            {
                WordVectors x = Model(pass == 0 ? Golden16 : Golden8).Vectors!;
                int shared;
                Assert.AreEqual(12288, x.Compare(On, Num, out shared));    // 0.75 · 0.5 = 0.375
                Assert.AreEqual(1, shared);
                Assert.AreEqual(20480, x.Compare(On, On, out shared));     // 0.75² + 0.25² = 0.625
                Assert.AreEqual(2, shared);
                Assert.AreEqual(8192, x.Compare(On, Off, out shared));     // 0.25
                Assert.AreEqual(0, x.Compare(Off, Num, out shared));
                Assert.AreEqual(0, shared);
                Assert.AreEqual(32768, x.Compare(Oov, Oov, out shared));   // 1.0
            }
        }

        // ---- BadWordVectors: one bad section per check, in the order of docs/model-blob.md §17.

        static void ExpectBad(byte[] section, string why)
        {
            LoadResult result = LoadWith(section);
            Assert.AreEqual(BlobError.BadWordVectors, result.Error, why + ": " + result.Message);
        }

        static byte[] Golden() { return Bytes(Golden16); }

        [TestMethod]
        public void ShortHeaderIsBad()
        {
            ExpectBad(new byte[4], "4 bytes");
        }

        [TestMethod]
        public void HeaderFieldsAreChecked()
        {
            byte[] s = Golden(); s[0] = 5; ExpectBad(s, "count 5");
            s = Golden(); s[2] = 12; ExpectBad(s, "weightBits 12");
            s = Golden(); s[3] = 1; ExpectBad(s, "reserved byte 3");
            s = Golden(); s[6] = 1; ExpectBad(s, "reserved u16 at 6");
            s = Golden(); s[4] = 0; ExpectBad(s, "maxEntries 0");
            s = Golden(); s[4] = 0x01; s[5] = 0x04; ExpectBad(s, "maxEntries 1025");
        }

        [TestMethod]
        public void LengthMustMatchTheContents()
        {
            byte[] golden = Golden(), longer = new byte[golden.Length + 4];
            for (int i = 0; i < golden.Length; i++) longer[i] = golden[i];
            ExpectBad(longer, "4 extra bytes");
            byte[] s = Golden(); s[24] = 7; ExpectBad(s, "offsets[V] 7 for 6 entries");
        }

        [TestMethod]
        public void OffsetsAreChecked()
        {
            byte[] s = Golden(); s[8] = 1; ExpectBad(s, "offsets[0] 1");
            s = Golden(); s[12] = 0; ExpectBad(s, "word 0 with no entries");
            s = Golden(); s[4] = 1; ExpectBad(s, "maxEntries 1 below a word of 2");
            s = Golden(); s[4] = 3; ExpectBad(s, "maxEntries 3 above the largest word");
        }

        [TestMethod]
        public void EntriesAreChecked()
        {
            byte[] s = Golden(); s[28] = 3; ExpectBad(s, "bit 3 with b = 3");
            s = Golden(); s[30] = 2; s[32] = 1; ExpectBad(s, "bits 2 1 not ascending");
            s = Golden(); s[48] = 0; s[49] = 0x80; s[50] = 0; s[51] = 0; ExpectBad(s, "weight 0");
            s = Golden(); s[40] = 0xFF; s[41] = 0x7F; ExpectBad(s, "weights summing to 32767");
        }

        [TestMethod]
        public void PaddingMustBeZero()
        {
            byte[] s = Bytes(Golden8);
            Assert.AreEqual(48, s.Length);
            s[47] = 1;
            ExpectBad(s, "padding byte");
        }
    }
}
