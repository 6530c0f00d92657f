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
    /// The Anchors section (docs/model-blob.md §16) and the anchored decision (docs/saffu-model.md
    /// §3): a sentence without an anchor word is not understood and decides nothing early, whatever
    /// its scores; one bad section per BadAnchors check. The tagging model's words by id: &lt;sod&gt;,
    /// &lt;oov&gt;, &lt;num&gt;, turn, on, the, kitchen, light, to, percent, living, room, off.
    /// </summary>
    [TestClass]
    public class AnchorTests
    {
        const int On = 4, The = 5, Light = 7;
        static readonly string[] Lights = { "kitchen", "light", "living", "room" };

        static SaffuModel Load(TestModelSpec spec)
        {
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        static Session Anchored(string[] anchors)
        {
            TestModelSpec spec = TaggingModel.Create();
            spec.Anchors = TestAnchors.Section(spec.Words, anchors);
            return Load(spec).Session;
        }

        [TestMethod]
        public void TheModelReadsItsAnchorBits()
        {
            SaffuModel model = Anchored(Lights).Model;
            Assert.IsTrue(model.HasAnchors);
            for (int id = 0; id < TaggingModel.Words.Length; id++)
            {
                bool expected = id == 6 || id == 7 || id == 10 || id == 11;
                Assert.AreEqual(expected, model.IsAnchor(id), TaggingModel.Words[id]);
            }
            Assert.IsFalse(model.IsAnchor(-1));
            Assert.IsFalse(model.IsAnchor(TaggingModel.Words.Length));
            SaffuModel plain = Load(TaggingModel.Create());
            Assert.IsFalse(plain.HasAnchors);
            Assert.IsFalse(plain.IsAnchor(Light));
        }

        [TestMethod]
        public void WithoutAnAnchorWordNothingIsUnderstood()
        {
            Session plain = Load(TaggingModel.Create()).Session;
            plain.RunLine("turn on");
            Assert.IsTrue(plain.Decision.Understood);   // the same words without anchors: understood
            Assert.IsTrue(plain.Decision.Anchored);

            Session session = Anchored(Lights);
            Decision d = session.Decision;
            session.RunLine("turn on");
            Assert.AreEqual(TaggingModel.TurnOn, d.TopIntent);
            Assert.IsTrue(d.Confidence > 32000);
            Assert.AreEqual(0, session.AnchorWords);
            Assert.IsFalse(d.Anchored);
            Assert.IsFalse(d.Understood);
            Assert.IsNull(d.Intent);

            session.RunLine("turn on the kitchen light");
            Assert.AreEqual(2, session.AnchorWords);
            Assert.IsTrue(d.Anchored);
            Assert.IsTrue(d.Understood);
            Assert.AreEqual("HassTurnOn", d.Intent);

            session.Reset();
            Assert.AreEqual(0, session.AnchorWords);
            Assert.IsFalse(d.Anchored);
        }

        [TestMethod]
        public void AnchorsChangeNoScore()
        {
            Session plain = Load(TaggingModel.Create()).Session, anchored = Anchored(Lights);
            string[] lines = { "turn on", "turn on the kitchen light", "living room off", "the" };
            for (int k = 0; k < lines.Length; k++)
            {
                plain.RunLine(lines[k]);
                anchored.RunLine(lines[k]);
                Assert.AreEqual(plain.Decision.TopIntent, anchored.Decision.TopIntent, lines[k]);
                for (int i = 0; i < 3; i++) Assert.AreEqual(plain.Decision.Score(i), anchored.Decision.Score(i), lines[k]);
                for (int t = 1; t <= plain.Position; t++) Assert.AreEqual(plain.Decision.Tag(t), anchored.Decision.Tag(t), lines[k]);
            }
        }

        [TestMethod]
        public void NumAndOovCountOnlyWhenMarked()
        {
            Session lights = Anchored(Lights);
            lights.RunLine("turn on 50");
            Assert.IsFalse(lights.Decision.Anchored);
            lights.RunLine("turn on blah");
            Assert.IsFalse(lights.Decision.Anchored);

            Session number = Anchored(new string[] { "<num>" });
            number.RunLine("turn on 50");
            Assert.IsTrue(number.Decision.Anchored);
            Assert.IsTrue(number.Decision.Understood);
            number.RunLine("turn on blah");
            Assert.IsFalse(number.Decision.Anchored);

            Session oov = Anchored(new string[] { "<oov>" });
            oov.RunLine("turn on blah");
            Assert.IsTrue(oov.Decision.Anchored);
            Assert.AreEqual(1, oov.AnchorWords);
        }

        [TestMethod]
        public void TheEarlyDecisionWaitsForAnAnchor()
        {
            // Without anchors, "on the" decides early at position 3 (SessionTests).
            Session session = Anchored(new string[] { "light" });
            Decision d = session.Decision;
            session.Push(On, -1);
            session.Push(The, -1);
            Assert.AreEqual(-1, d.EarlyPosition);   // confident, 2 words, but no anchor yet
            session.Push(Light, -1);
            Assert.AreEqual(4, d.EarlyPosition);
            Assert.AreEqual(TaggingModel.TurnOn, d.EarlyIntent);

            session.Reset();
            session.Push(Light, -1);                // anchor first: <none> on its own, no early decision
            Assert.AreEqual(-1, d.EarlyPosition);
            session.Push(On, -1);
            Assert.AreEqual(3, d.EarlyPosition);
            Assert.AreEqual(TaggingModel.TurnOn, d.EarlyIntent);
        }

        [TestMethod]
        public void EverySectionLengthLoads()
        {
            // V = 3..19 covers every remainder of V mod 8 and both paddings; anchors: every third id from 1.
            for (int v = 3; v <= 19; v++)
            {
                TestShape shape = new TestShape();
                shape.Vocab = v;
                TestModelSpec spec = TestModels.Random(shape, (ulong)(900 + v));
                int count = (v + 1) / 3;
                int[] ids = new int[count];
                for (int i = 0; i < count; i++) ids[i] = 1 + 3 * i;
                spec.Anchors = TestAnchors.Section(v, ids);
                SaffuModel model = Load(spec);
                for (int id = 0; id < v; id++) Assert.AreEqual(id % 3 == 1, model.IsAnchor(id), "V " + v.ToString() + " id " + id.ToString());
            }
        }

        // ---- BadAnchors: the golden model (V 4, no <sod>) and the tagging model (V 13, <sod> 0).

        static void Expect(TestModelSpec spec, byte[] anchors, string found, string expected)
        {
            spec.Anchors = anchors;
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.BadAnchors, result.Error, result.Message);
            Assert.IsNull(result.Model);
            Assert.IsTrue(result.Message.IndexOf(found) >= 0, "message should name \"" + found + "\": " + result.Message);
            Assert.IsTrue(result.Message.IndexOf(expected) >= 0, "message should name \"" + expected + "\": " + result.Message);
        }

        /// <summary>The golden model's valid section, "on" marked: 04 00 00 00 02 00 00 00.</summary>
        static byte[] Golden() { return TestAnchors.Section(4, new int[] { 1 }); }

        [TestMethod]
        public void CountOtherThanTheVocabulary()
        {
            byte[] section = Golden();
            TestBlobWriter.Put16(section, 0, 5);
            Expect(GoldenBlobTests.Spec(), section, "count is 5", "vocabSize 4");
        }

        [TestMethod]
        public void ReservedNotZero()
        {
            byte[] section = Golden();
            TestBlobWriter.Put16(section, 2, 1);
            Expect(GoldenBlobTests.Spec(), section, "reserved field is 1", "expected 0");
        }

        [TestMethod]
        public void WrongLength()
        {
            byte[] longer = new byte[12];
            byte[] golden = Golden();
            for (int i = 0; i < golden.Length; i++) longer[i] = golden[i];
            Expect(GoldenBlobTests.Spec(), longer, "is 12 bytes", "expected 8");
            Expect(GoldenBlobTests.Spec(), new byte[] { 4, 0, 0, 0, 2 }, "is 5 bytes", "expected 8");
            Expect(GoldenBlobTests.Spec(), new byte[] { 4, 0 }, "needs 4 bytes", "has 2 left");
        }

        [TestMethod]
        public void BitPastTheVocabulary()
        {
            byte[] section = Golden();
            section[4] |= 0x10;   // id 4 of a 4-word vocabulary
            Expect(GoldenBlobTests.Spec(), section, "byte 0 is 0x12", "bits 4..7 to be 0");
            TestModelSpec tagging = TaggingModel.Create();
            byte[] wide = TestAnchors.Section(tagging.Words, Lights);
            wide[5] |= 0x80;      // id 15 of 13
            Expect(tagging, wide, "byte 1 is 0x8C", "bits 5..7 to be 0");
        }

        [TestMethod]
        public void PaddingByteNotZero()
        {
            byte[] section = Golden();
            section[7] = 0x40;
            Expect(GoldenBlobTests.Spec(), section, "padding byte at section offset 7 is 0x40", "expected 0");
        }

        [TestMethod]
        public void NoAnchorAtAll()
        {
            Expect(GoldenBlobTests.Spec(), TestAnchors.Section(4, new int[0]), "marks no word", "at least one anchor");
        }

        [TestMethod]
        public void SodMarked()
        {
            TestModelSpec tagging = TaggingModel.Create();
            Expect(tagging, TestAnchors.Section(tagging.Words, new string[] { "<sod>", "light" }), "marks the <sod> id 0", "<sod> unmarked");
        }

        [TestMethod]
        public void KindsFourteenAndSixteenAreKnownAndThirteenAndFifteenAreNot()
        {
            // The golden blob's Identity entry (7) relabelled: as kind 16 it is read as anchors whatever
            // its flag (its content hash 00 01 02 03 gives count 256); as 13 or 15 it is unknown.
            byte[] anchors = Relabel(16, 0);
            LoadResult result = ModelBlob.Load(anchors);
            Assert.AreEqual(BlobError.BadAnchors, result.Error, result.Message);
            Assert.IsTrue(result.Message.IndexOf("count is 256") >= 0, result.Message);
            // Kind 14 (FactoredTensors) is known since issue 14: read whatever its flag (the hash's first byte 00 is rank 0).
            result = ModelBlob.Load(Relabel(14, 0));
            Assert.AreEqual(BlobError.BadFactoredTensors, result.Error, result.Message);
            for (int kind = 13; kind <= 15; kind += 2)
            {
                result = ModelBlob.Load(Relabel(kind, 1));
                Assert.AreEqual(BlobError.UnknownRequiredSection, result.Error, result.Message);
                Assert.IsTrue(result.Message.IndexOf("kind " + kind.ToString() + " is required") >= 0, result.Message);
                Assert.IsTrue(result.Message.IndexOf("reads kinds 1..12, 14, 16 and 17") >= 0, result.Message);
                Assert.AreEqual(BlobError.None, ModelBlob.Load(Relabel(kind, 0)).Error);
            }
        }

        static byte[] Relabel(int kind, int flags)
        {
            byte[] blob = GoldenBlobTests.GoldenBytes();
            int entry = BlobFormat.HeaderSize + 7 * BlobFormat.SectionEntrySize;
            TestBlobWriter.Put16(blob, entry, kind);
            TestBlobWriter.Put16(blob, entry + 2, flags);
            TestBlobWriter.FixCrc(blob);
            return blob;
        }
    }
}
