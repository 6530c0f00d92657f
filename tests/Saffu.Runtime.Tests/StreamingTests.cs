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
    /// Streaming (push one word onto the cached state) is bit-identical to re-running every prefix
    /// from scratch (Reset + push the prefix), on random models with block, radial, document and a
    /// tag head, for utterances longer than the block.
    /// </summary>
    [TestClass]
    public class StreamingTests
    {
        [TestMethod]
        [DataRow(1, 4, 3, 1, true)]
        [DataRow(2, 3, 5, 2, false)]
        [DataRow(3, 5, 2, 3, true)]
        [DataRow(4, 1, 1, 4, false)]
        [DataRow(5, 7, 7, 2, true)]
        public void StreamingEqualsEveryPrefixFromScratch(int seed, int blockSize, int radialSize, int tagOffsets, bool sod)
        {
            TestShape shape = new TestShape();
            shape.BlockSize = blockSize;
            shape.RadialSize = radialSize;
            shape.TagOffsets = tagOffsets;
            shape.Sod = sod;
            shape.MaxWords = 3 * blockSize + 4;
            shape.Bits = 12 + seed;
            shape.Tags = 3 + seed;
            shape.TensorBits = seed % 2 == 0 ? 8 : 16;
            shape.PerColumn = seed != 3;
            SaffuModel model = ModelBlob.Load(TestBlobWriter.Write(TestModels.Random(shape, (ulong)seed))).Model!;
            TestRandom random = new TestRandom((ulong)(1000 + seed));
            for (int utterance = 0; utterance < 6; utterance++)
            {
                int length = 1 + random.Next(shape.MaxWords - (sod ? 1 : 0));
                int[] ids = new int[length], numbers = new int[length];
                for (int i = 0; i < length; i++)
                {
                    ids[i] = random.Next(shape.Vocab);
                    numbers[i] = ids[i] == 2 ? random.Next(200) : -1;
                }
                Compare(model, ids, numbers);
            }
        }

        /// <summary>
        /// After each streamed word: a fresh session that pushes the same prefix agrees on
        /// everything, and so does the cache-free PrefixReference (intent scores and the tag).
        /// </summary>
        static void Compare(SaffuModel model, int[] ids, int[] numbers)
        {
            Session stream = model.Session, scratch = model.NewSession();
            PrefixReference reference = new PrefixReference(model);
            int[] y = new int[model.Config.IntentCount];
            stream.Reset();
            for (int n = 1; n <= ids.Length; n++)
            {
                Assert.AreEqual(PushResult.Ok, stream.Push(ids[n - 1], numbers[n - 1]));
                scratch.Reset();
                for (int i = 0; i < n; i++) scratch.Push(ids[i], numbers[i]);
                AssertSame(stream, scratch, n);
                int t = stream.Position, tag = reference.Forward(stream.State.WordIds, t, y);
                SameInts(stream.State.Intent, y, "reference y at position " + t.ToString());
                Assert.AreEqual(tag, stream.Decision.Tag(t), "reference tag at position " + t.ToString());
            }
        }

        static void AssertSame(Session a, Session b, int n)
        {
            string at = "prefix " + n.ToString();
            Assert.AreEqual(a.Position, b.Position, at);
            Assert.AreEqual(a.MacCount, b.MacCount, at);
            Assert.AreEqual(a.LastMacCount, b.LastMacCount, at);
            SameInts(a.State.Intent, b.State.Intent, at + " y");
            SameInts(a.State.Logits, b.State.Logits, at + " logits");
            SameInts(a.State.H, b.State.H, at + " h");
            SameInts(a.State.TagScores, b.State.TagScores, at + " tag scores");
            Decision da = a.Decision, db = b.Decision;
            Assert.AreEqual(da.TopIntent, db.TopIntent, at);
            Assert.AreEqual(da.Understood, db.Understood, at);
            Assert.AreEqual(da.EarlyPosition, db.EarlyPosition, at);
            Assert.AreEqual(da.EarlyIntent, db.EarlyIntent, at);
            for (int t = 1; t <= a.Position; t++) Assert.AreEqual(da.Tag(t), db.Tag(t), at);
            for (int s = 0; s < da.SlotCount; s++)
            {
                Assert.AreEqual(da.SlotStart(s), db.SlotStart(s), at);
                Assert.AreEqual(da.SlotEnd(s), db.SlotEnd(s), at);
                Assert.AreEqual(da.SlotNumber(s), db.SlotNumber(s), at);
            }
        }

        static void SameInts(int[] x, int[] y, string what)
        {
            Assert.AreEqual(x.Length, y.Length, what);
            for (int i = 0; i < x.Length; i++)
            {
                if (x[i] != y[i]) Assert.AreEqual(x[i], y[i], what + " [" + i.ToString() + "]");
            }
        }

        [TestMethod]
        public void ResetForgetsTheLastUtterance()
        {
            TestShape shape = new TestShape();
            SaffuModel model = ModelBlob.Load(TestBlobWriter.Write(TestModels.Random(shape, 9))).Model!;
            Session session = model.Session, fresh = model.NewSession();
            session.Reset();
            for (int i = 0; i < shape.MaxWords; i++) session.Push((i * 13) % shape.Vocab, -1);
            session.Reset();
            fresh.Reset();
            int[] ids = { 5, 9, 2, 30 };
            for (int i = 0; i < ids.Length; i++)
            {
                session.Push(ids[i], 4);
                fresh.Push(ids[i], 4);
            }
            AssertSame(session, fresh, ids.Length);
        }
    }
}
