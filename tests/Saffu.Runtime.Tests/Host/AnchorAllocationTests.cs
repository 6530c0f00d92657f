using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests.Host
{
    /// <summary>
    /// With an Anchors section, Push, Reset, RunLine and the anchored decision still allocate nothing
    /// (host only: nanoFramework has no GC.GetAllocatedBytesForCurrentThread).
    /// </summary>
    [TestClass]
    public class AnchorAllocationTests
    {
        [TestMethod]
        public void AnchoredSessionsAllocateNothing()
        {
            TestModelSpec spec = TaggingModel.Create();
            spec.Anchors = TestAnchors.Section(spec.Words, new string[] { "kitchen", "light", "<num>" });
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            Session session = result.Model!.Session;
            int understood = Utterances(session, 1);   // warm up (JIT, statics)
            long before = GC.GetAllocatedBytesForCurrentThread();
            understood += Utterances(session, 20);
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before, "bytes allocated by 20 rounds of anchored pushes and lines");
            Assert.AreEqual(21 * 2, understood);   // per round: "turn on the kitchen light" and the pushes with light; not "turn on"
        }

        static int Utterances(Session session, int rounds)
        {
            int understood = 0;
            for (int r = 0; r < rounds; r++)
            {
                session.RunLine("turn on the kitchen light");
                if (session.Decision.Understood && session.Decision.Anchored) understood++;
                session.RunLine("turn on");
                if (session.Decision.Understood) understood++;
                session.Reset();
                for (int i = 0; i < 9; i++) session.Push(i % 2 == 0 ? 4 : 7, -1);   // on light on light ...
                if (session.Decision.Understood && session.Decision.EarlyPosition > 0) understood++;
            }
            return understood;
        }
    }
}
