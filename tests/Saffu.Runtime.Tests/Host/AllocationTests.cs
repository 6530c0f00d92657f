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
            string line = "Turn ON the kitchen light to twenty five percent, please";
            session.RunLine(line);
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 50; i++) session.RunLine(line);
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual("HassTurnOn", session.Decision.Intent);
        }
    }
}
