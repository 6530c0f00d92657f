#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Tests
{
    /// <summary>Write → load round trips: the loader reads back what the writer put in.</summary>
    [TestClass]
    public class BlobLoadTests
    {
        static SaffuModel Load(byte[] blob)
        {
            LoadResult result = ModelBlob.Load(blob);
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            Assert.AreEqual("", result.Message);
            return result.Model!;
        }

        [TestMethod]
        public void ConfigAndLabelsRoundTrip()
        {
            TestShape shape = new TestShape();
            TestModelSpec spec = TestModels.Random(shape, 11);
            SaffuModel model = Load(TestBlobWriter.Write(spec));
            ModelConfig c = model.Config;
            Assert.AreEqual(shape.Vocab, c.VocabSize);
            Assert.AreEqual(shape.Bits, c.Bits);
            Assert.AreEqual(BitCipher.MaxPopcount(shape.Vocab, shape.Bits), c.MaxPopcount);
            Assert.IsTrue(c.PrependSod && c.HasBlock && c.HasRadial && c.HasDocument && c.HasTagHead);
            Assert.AreEqual(3, c.Parts);
            Assert.AreEqual(shape.Intents, c.IntentCount);
            Assert.AreEqual(shape.BlockSize, c.BlockSize);
            Assert.AreEqual(shape.RadialSize, c.RadialSize);
            Assert.AreEqual(shape.MaxWords, c.MaxWords);
            Assert.AreEqual(shape.Tags, c.TagCount);
            Assert.AreEqual(shape.TagOffsets, c.TagOffsets);
            Assert.AreEqual(spec.NoneIntent, c.NoneIntent);
            Assert.AreEqual(spec.RejectThreshold, c.RejectThreshold);
            Assert.AreEqual("Intent0", model.Intents.Name(0));
            Assert.AreEqual("<none>", model.Intents.Name(shape.Intents - 1));
            Assert.AreEqual(shape.Intents - 1, model.Intents.Find("<none>"));
            Assert.AreEqual("B-area", model.TagLabels.Name(1));
            Assert.AreEqual(2, model.Slots.Count);
            Assert.AreEqual("area", model.Slots.Name(0));
            Assert.AreEqual(1, model.Slots.Find("name"));
        }

        [TestMethod]
        public void TensorsReadBackInPlace()
        {
            TestShape shape = new TestShape();
            shape.TensorBits = 8;
            TestModelSpec spec = TestModels.Random(shape, 12);
            SaffuModel model = Load(TestBlobWriter.Write(spec));
            Tensor o = model.Weights.O!;
            Assert.AreEqual(spec.O!.Rows, o.Rows);
            Assert.AreEqual(spec.O.Cols, o.Cols);
            Assert.AreEqual(8, o.Bits);
            for (int i = 0; i < o.Rows; i++)
                for (int j = 0; j < o.Cols; j++) Assert.AreEqual(spec.O.Q[i * o.Cols + j], o.Q(i, j));
            for (int j = 0; j < o.Cols; j++)
            {
                Assert.AreEqual(spec.O.Mantissa(j), o.Mantissa(j));
                Assert.AreEqual(spec.O.Exponent(j), o.Exponent(j));
            }
            Assert.AreEqual(spec.TagU[1].Q[7], model.Weights.TagU![1].Q(1, 2));
        }

        [TestMethod]
        public void VocabularyFindsEveryWordByItsBytes()
        {
            TestModelSpec spec = TestModels.Random(new TestShape(), 13);
            SaffuModel model = Load(TestBlobWriter.Write(spec));
            for (int id = 0; id < spec.Words.Length; id++)
            {
                Assert.AreEqual(id, model.Vocabulary.Find(spec.Words[id]));
                Assert.AreEqual(spec.Words[id], model.Vocabulary.Word(id));
            }
            Assert.AreEqual(-1, model.Vocabulary.Find("zzzzzz"));
            Assert.AreEqual(-1, model.Vocabulary.Find("b"));
            Assert.AreEqual(-1, model.Vocabulary.Find("baa"));
            TokenBuffer tokens = new TokenBuffer(4);
            Tokenizer.Tokenize("qqq 7 " + spec.Words[5], tokens);
            Assert.AreEqual(1, model.Vocabulary.Find(tokens, 0, 1));
            Assert.AreEqual(2, model.Vocabulary.Find(tokens, 1, 1));
            Assert.AreEqual(5, model.Vocabulary.Find(tokens, 2, 1));
        }

        [TestMethod]
        public void RamBytesIsCountedBeforeAndAfterAllocation()
        {
            TestShape shape = new TestShape();
            SaffuModel model = Load(TestBlobWriter.Write(TestModels.Random(shape, 14)));
            long before = RunState.RamBytesFor(model.Config, model.Slots.Count);
            Assert.AreEqual(before, model.Session.State.RamBytes);
            Assert.AreEqual(before + model.Intents.RamBytes + model.TagLabels.RamBytes + model.Slots.RamBytes, model.RamBytes);
            shape.TagHead = false;
            shape.Radial = false;
            SaffuModel small = Load(TestBlobWriter.Write(TestModels.Random(shape, 15)));
            Assert.AreEqual(RunState.RamBytesFor(small.Config, 0), small.Session.State.RamBytes);
        }

        [TestMethod]
        public void EveryPartCombinationLoads()
        {
            for (int mask = 1; mask < 16; mask++)
            {
                TestShape shape = new TestShape();
                shape.Block = (mask & 1) != 0;
                shape.Radial = (mask & 2) != 0;
                shape.Document = (mask & 4) != 0;
                shape.TagHead = (mask & 8) != 0;
                if (!shape.Block && !shape.Radial && !shape.Document) continue;
                shape.Sod = mask % 3 == 0;
                shape.TagIncludesIntentParts = mask % 2 == 0;
                SaffuModel model = Load(TestBlobWriter.Write(TestModels.Random(shape, (ulong)(100 + mask))));
                Assert.AreEqual(shape.TagHead, model.Config.HasTagHead);
            }
        }
    }
}
