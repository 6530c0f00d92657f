#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Arithmetic;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests
{
    /// <summary>The streaming session and the decision (docs/saffu-model.md §2–§5).</summary>
    [TestClass]
    public class SessionTests
    {
        static SaffuModel Load(TestModelSpec spec)
        {
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        static Session Tagging()
        {
            return Load(TaggingModel.Create()).Session;
        }

        [TestMethod]
        public void ResetPushesSod()
        {
            Session session = Tagging();
            Assert.AreEqual(1, session.Position);
            Assert.AreEqual(0, session.Words);
            Assert.AreEqual(TaggingModel.None, session.Decision.TopIntent);
            Assert.IsFalse(session.Decision.Understood);
            Assert.IsNull(session.Decision.Intent);
        }

        [TestMethod]
        public void BadIdsAndTooManyWordsChangeNothing()
        {
            Session session = Tagging();
            Assert.AreEqual(PushResult.BadWordId, session.Push(-1, -1));
            Assert.AreEqual(PushResult.BadWordId, session.Push(TaggingModel.Words.Length, -1));
            Assert.AreEqual(1, session.Position);
            for (int i = 1; i < 10; i++) Assert.AreEqual(PushResult.Ok, session.Push(4, -1));
            Assert.AreEqual(10, session.Position);
            long macs = session.MacCount;
            int score = session.Decision.Score(0);
            Assert.AreEqual(PushResult.TooManyWords, session.Push(4, -1));
            Assert.AreEqual(10, session.Position);
            Assert.AreEqual(macs, session.MacCount);
            Assert.AreEqual(score, session.Decision.Score(0));
        }

        [TestMethod]
        public void DecidesAndRefuses()
        {
            Session session = Tagging();
            Assert.AreEqual(PushResult.Ok, session.RunLine("Turn ON the kitchen light"));
            Decision d = session.Decision;
            Assert.AreEqual(TaggingModel.TurnOn, d.TopIntent);
            Assert.IsTrue(d.Understood);
            Assert.AreEqual("HassTurnOn", d.Intent);
            Assert.IsTrue(d.Confidence > 32000);
            Assert.AreEqual(PushResult.Ok, session.RunLine("lights off please"));
            Assert.AreEqual("HassTurnOff", d.Intent);
            Assert.AreEqual(PushResult.Ok, session.RunLine("the kitchen"));
            Assert.AreEqual(TaggingModel.None, d.TopIntent);
            Assert.IsFalse(d.Understood);
            Assert.IsNull(d.Intent);
        }

        [TestMethod]
        public void RejectThresholdRefusesLowConfidence()
        {
            // A weak intent head (logit gap of 1.0): "turn on" is HassTurnOn with about 0.58.
            TestModelSpec spec = TaggingModel.Create();
            spec.O = TaggingModel.Diagonal(3, 3, 2);
            Session session = Load(spec).Session;
            session.RunLine("turn on");
            Assert.AreEqual(TaggingModel.TurnOn, session.Decision.TopIntent);
            int confidence = session.Decision.Confidence;
            Assert.IsTrue(confidence > 15000 && confidence < 20000);
            Assert.IsFalse(session.Decision.Understood);
            spec.RejectThreshold = confidence;
            session = Load(spec).Session;
            session.RunLine("turn on");
            Assert.IsTrue(session.Decision.Understood);
        }

        [TestMethod]
        public void ScoresAreAProbabilityVector()
        {
            Session session = Tagging();
            session.RunLine("turn on the living room light");
            int sum = 0, best = 0;
            for (int i = 0; i < 3; i++)
            {
                sum += session.Decision.Score(i);
                if (session.Decision.Score(i) > session.Decision.Score(best)) best = i;
            }
            Assert.IsTrue(sum >= 32768 - 3 && sum <= 32768 + 3);
            Assert.AreEqual(best, session.Decision.TopIntent);
            Assert.AreEqual(session.Decision.Score(best), session.Decision.Confidence);
        }

        [TestMethod]
        public void Log2ProbabilityIsLog2OfTheScore()
        {
            Session session = Tagging();
            session.RunLine("turn on");
            MathTables tables = session.Model.Weights.Tables!;
            for (int i = 0; i < 3; i++)
            {
                int p = session.Decision.Score(i);
                int expected = p == 0 ? FixedMath.Log2OfZero : FixedMath.Log2(tables, p) - 15 * 65536;
                Assert.AreEqual(expected, session.Decision.Log2Probability(i));
                Assert.IsTrue(session.Decision.Log2Probability(i) <= 0);
            }
            Assert.AreEqual(-65536, FixedMath.Log2(tables, 16384) - 15 * 65536);
        }

        [TestMethod]
        public void EarlyDecisionWaitsForMinWordsAndThreshold()
        {
            Session session = Tagging();
            Decision d = session.Decision;
            session.Push(4, -1);              // "on": confident, but only 1 word
            Assert.AreEqual(-1, d.EarlyPosition);
            session.Push(5, -1);              // "the": 2 words, still confident
            Assert.AreEqual(3, d.EarlyPosition);
            Assert.AreEqual(TaggingModel.TurnOn, d.EarlyIntent);
            session.Push(12, -1);             // "off" later does not move the first early position
            session.Push(12, -1);
            Assert.AreEqual(3, d.EarlyPosition);
            session.Reset();
            Assert.AreEqual(-1, d.EarlyPosition);
            session.RunLine("the kitchen light");
            Assert.AreEqual(-1, d.EarlyPosition);   // <none> never decides early
        }

        [TestMethod]
        public void EarlyDecisionDisabledBy0xFFFF()
        {
            TestModelSpec spec = TaggingModel.Create();
            spec.EarlyThreshold = 0xFFFF;
            Session session = Load(spec).Session;
            session.RunLine("turn on the light on on");
            Assert.IsTrue(session.Decision.Understood);
            Assert.AreEqual(-1, session.Decision.EarlyPosition);
        }

        [TestMethod]
        public void TagsPerPosition()
        {
            Session session = Tagging();
            session.RunLine("turn on the kitchen light");
            Decision d = session.Decision;
            Assert.AreEqual(0, d.Tag(1));   // <sod>
            Assert.AreEqual(0, d.Tag(2));
            Assert.AreEqual(1, d.Tag(5));   // kitchen: B-area
            Assert.AreEqual(0, d.Tag(6));
            Assert.AreEqual(-1, d.Tag(7));
            Assert.AreEqual(-1, d.Tag(0));
        }

        [TestMethod]
        [DataRow("turn on the kitchen light", "kitchen", "")]
        [DataRow("turn on the living room light to fifty percent", "living room", "50 percent")]
        [DataRow("room kitchen", "room", "")]
        [DataRow("kitchen the living room", "kitchen", "")]
        [DataRow("kitchen room room", "kitchen room room", "")]
        [DataRow("percent 20 percent 30", "", "percent")]
        [DataRow("on 20 30 percent", "", "20")]
        [DataRow("kitchen percent", "", "kitchen percent")]
        [DataRow("the living room percent to kitchen", "kitchen", "living room percent")]
        public void SlotsFromTags(string line, string area, string brightness)
        {
            Session session = Tagging();
            session.RunLine(line);
            Decision d = session.Decision;
            Assert.AreEqual(2, d.SlotCount);
            Assert.AreEqual("area", d.SlotName(0));
            Assert.AreEqual("brightness", d.SlotName(1));
            Assert.AreEqual(area, d.SlotText(0));
            Assert.AreEqual(brightness, d.SlotText(1));
            Assert.AreEqual(area.Length > 0, d.HasSlot(0));
        }

        [TestMethod]
        public void SlotNumberIsTheFirstNumberOfTheSpan()
        {
            Session session = Tagging();
            session.RunLine("set the kitchen to 40 percent");
            Decision d = session.Decision;
            Assert.AreEqual(40, d.SlotNumber(1));
            Assert.AreEqual(-1, d.SlotNumber(0));
            Assert.AreEqual(6, d.SlotStart(1));
            Assert.AreEqual(7, d.SlotEnd(1));
            session.RunLine("kitchen");
            Assert.AreEqual(-1, d.SlotNumber(1));
            Assert.AreEqual(-1, d.SlotStart(1));
        }

        [TestMethod]
        public void PushLineLooksUpWordsAndNumbers()
        {
            Session session = Tagging();
            Assert.AreEqual(PushResult.Ok, session.PushLine("Kitchen blorp 7"));
            RunState s = session.State;
            Assert.AreEqual(4, session.Position);
            Assert.AreEqual(6, s.WordIds[1]);
            Assert.AreEqual(1, s.WordIds[2]);   // <oov>
            Assert.AreEqual(2, s.WordIds[3]);   // <num>
            Assert.AreEqual(7, s.Numbers[3]);
            Assert.AreEqual(-1, s.Numbers[1]);
            Assert.AreEqual(PushResult.Ok, session.PushLine("on"));
            Assert.AreEqual(5, session.Position);
        }

        [TestMethod]
        public void LongLinesAreCutAtMaxWords()
        {
            Session session = Tagging();
            Assert.AreEqual(PushResult.TooManyWords, session.RunLine("on on on on on on on on on on on on on"));
            Assert.AreEqual(10, session.Position);
            Assert.AreEqual(PushResult.TooManyWords, session.PushLine("on"));
        }

        [TestMethod]
        public void MacCountFollowsTheCostModel()
        {
            TestShape shape = new TestShape();
            SaffuModel model = Load(TestModels.Random(shape, 21));
            Session session = model.Session;
            for (int t = 2; t <= shape.MaxWords; t++)
            {
                session.Push(3 + t % 30, -1);
                Assert.AreEqual(ExpectedMacs(model.Config, t), session.LastMacCount);
            }
        }

        /// <summary>docs/saffu-model.md §5, term by term, for a push at position t.</summary>
        public static long ExpectedMacs(ModelConfig c, int t)
        {
            long l = c.LabelDim, macs = 0;
            int contexts = (c.HasBlock ? 1 : 0) + (c.HasRadial ? 1 : 0) + (c.HasDocument ? 1 : 0);
            macs += contexts * l;                                       // projections: one scale multiply per column
            if (c.HasDocument) macs += 2 * l;                           // s_D softmax
            if (c.HasBlock) macs += Attention((t - 1) % c.BlockSize + 1, l);
            if (c.HasRadial) macs += Attention(t < c.RadialSize ? t : c.RadialSize, l);
            macs += (long)c.Parts * l * c.IntentCount + c.IntentCount + 2L * c.IntentCount;
            if (c.HasTagHead)
            {
                long g = c.TagCount;
                macs += c.TagOffsets * (g + 2 * g);                     // tag units: projection and softmax
                macs += c.TagInputs * g + g;                            // O_tag
            }
            return macs;
        }

        static long Attention(long n, long l)
        {
            return n + (n * n + n) + 2 * n + n * l + 2 * l;            // comparisons, z, softmax a, values, softmax s
        }

        [TestMethod]
        public void NewSessionsAreIndependent()
        {
            SaffuModel model = Load(TaggingModel.Create());
            Session other = model.NewSession();
            model.Session.RunLine("turn on");
            other.RunLine("turn off");
            Assert.AreEqual(TaggingModel.TurnOn, model.Session.Decision.TopIntent);
            Assert.AreEqual(TaggingModel.TurnOff, other.Decision.TopIntent);
        }
    }
}
