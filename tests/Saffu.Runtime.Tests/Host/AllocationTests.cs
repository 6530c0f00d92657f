using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests.Host
{
    /// <summary>
    /// Push, Reset and the line path allocate nothing (host only: nanoFramework has no
    /// GC.GetAllocatedBytesForCurrentThread).
    /// </summary>
    [TestClass]
    public class AllocationTests
    {
        static Session RandomSession(ulong seed)
        {
            TestShape shape = new TestShape();
            shape.MaxWords = 40;
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(TestModels.Random(shape, seed)));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!.Session;
        }

        [TestMethod]
        public void PushAndResetAllocateNothing()
        {
            Session session = RandomSession(31);
            Pushes(session, 3);   // warm up (JIT, statics)
            long before = GC.GetAllocatedBytesForCurrentThread();
            Pushes(session, 20);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.AreEqual(0L, allocated, "bytes allocated by 20 utterances of pushes");
        }

        static void Pushes(Session session, int utterances)
        {
            for (int u = 0; u < utterances; u++)
            {
                session.Reset();
                for (int i = 0; i < 45; i++) session.Push((i * 7 + u) % 40, i % 5 == 0 ? i : -1);
                session.Push(-1, -1);
            }
        }

        [TestMethod]
        public void RunLineAllocatesNothing()
        {
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(TaggingModel.Create()));
            Session session = result.Model!.Session;
            AssertRunLineAllocatesNothing(session, "Turn ON the kitchen light to twenty five percent, please");
            Assert.AreEqual("HassTurnOn", session.Decision.Intent);
        }

        [TestMethod]
        public void AStemmedWordEndingInSAllocatesNothing()
        {
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(TaggingModel.Create()));
            Session session = result.Model!.Session;
            AssertRunLineAllocatesNothing(session, "the kitchen light's off, the living room\u2019s off");
            Assert.AreEqual(result.Model!.Vocabulary.Find("light"), session.State.WordIds[3]);
        }

        /// <summary>Runs the line once to warm up, then 50 times, and checks that the 50 allocated nothing.</summary>
        static void AssertRunLineAllocatesNothing(Session session, string line)
        {
            session.RunLine(line);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++) session.RunLine(line);
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, line);
        }

        static readonly string[] Commands =
        {
            "turn on the reading lamp", "make the bedside lamp warm white", "dim the bedroom", "toggle all lights",
            "set the hall light to 40 percent", "make the desk lamp red", "turn on the garage", "the desk lamp", "set the desk lamp",
            "turn off the bedroom light",
        };

        [TestMethod]
        public void PlanningAllocatesNothing()
        {
            SaffuModel model = ModelBlob.Load(TestBlobWriter.Write(LightsModel.Create(true))).Model!;
            Plans(model, 1);   // warm up
            long before = GC.GetAllocatedBytesForCurrentThread();
            Plans(model, 20);
            model.Actions.Reset();
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by RunLine + Plan of 200 commands");
        }

        [TestMethod]
        public void PlanningACorrectionAllocatesNothing()
        {
            // CorrectionPlanTests' home: "weather weather" a cancellation, "turn" and "set" light verbs (docs/action-map.md step 0).
            SaffuModel model = CorrectionPlanTests.Load();
            string[] corrections = { "weather weather turn on the desk lamp", "turn on the desk lamp weather weather turn off the desk lamp" };
            int corrected = 0;
            for (int round = 0; round < 21; round++)
            {
                long before = GC.GetAllocatedBytesForCurrentThread();
                for (int i = 0; i < corrections.Length; i++)
                {
                    model.Session.RunLine(corrections[i]);
                    model.Actions.Plan(model.Session.Decision);
                    if (model.Actions.CorrectionWords >= 0) corrected++;
                }
                if (round > 0) Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by RunLine + Plan of two corrections");
            }
            Assert.AreEqual(42, corrected);
        }

        static void Plans(SaffuModel model, int rounds)
        {
            int acted = 0;
            for (int r = 0; r < rounds; r++)
            {
                for (int i = 0; i < Commands.Length; i++)
                {
                    model.Session.RunLine(Commands[i]);
                    if (model.Actions.Plan(model.Session.Decision) == Saffu.Runtime.Actions.ActionOutcome.Acted) acted++;
                }
            }
            Assert.AreEqual(6 * rounds, acted);
        }
    }
}
