#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Device.Log;
using Saffu.Device.Models;
using Saffu.Device.Storage;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Tests;

namespace Saffu.Device.Tests
{
    /// <summary>
    /// The upload check through a 512-byte window agrees with the full loader: it accepts the good
    /// blobs, never refuses a blob the loader accepts, and when both refuse they name the same
    /// error — over a mutation of every byte of a blob (CRC fixed, so the checks behind it run).
    /// </summary>
    [TestClass]
    public class BlobCheckTests
    {
        [TestMethod]
        public void AcceptsGoodBlobs()
        {
            Assert.AreEqual(BlobError.None, Check(TestBlobs.First()));
            Assert.AreEqual(BlobError.None, Check(TestBlobs.Second()));
            Assert.AreEqual(BlobError.None, Check(TestBlobWriter.Write(TestModels.Random(new TestShape(), 7))));
        }

        [TestMethod]
        public void AgreesWithTheLoaderOnEveryByteMutation()
        {
            AssertAgreement(TestBlobs.First());
            AssertAgreement(TestBlobWriter.Write(TestModels.Random(new TestShape(), 11)));
        }

        [TestMethod]
        public void ReadsActionMapsOfLayouts7And8AndOfLayouts1To6()
        {
            // TestBlobs.First() has a layout-8 action map; the same home with layout 7's version and with layout 6's header
            // (no version field, u8 counts).
            for (int version = 7; version >= 6; version--)
            {
                byte[] older = WithLayout(version);
                Assert.AreEqual(BlobError.None, Check(older), "layout " + version.ToString());
                AssertAgreement(older);
            }
            // A layout the device does not read is refused at upload, naming the version found and those read.
            TestModelSpec spec = LightsModel.Create(true);
            spec.ActionMap = LightsModel.Home(LightsModel.Words()).Write();
            spec.ActionMap[0] = 9;
            byte[] future = TestBlobWriter.Write(spec);
            RamRegionStore ram = new RamRegionStore();
            IRegion region = ram.Open("slot", future.Length);
            region.Write(0, future, 0, future.Length);
            BlobCheck check = new BlobCheck();
            Assert.IsFalse(check.Check(new RegionWindow(region), future.Length));
            Assert.AreEqual((int)BlobError.BadActionMap, (int)check.Error);
            Assert.IsTrue(check.Message.IndexOf("ActionMap is version 9 but this runtime reads versions 1..8") >= 0, check.Message);
            Assert.AreEqual((int)BlobError.BadActionMap, (int)ModelBlob.Load(future).Error);
        }

        /// <summary>The test home's blob with its action map written in that layout (6: no version field, u8 counts).</summary>
        static byte[] WithLayout(int version)
        {
            TestModelSpec spec = LightsModel.Create(true);
            TestActionMap map = LightsModel.Home(LightsModel.Words());
            map.Version = version;
            spec.ActionMap = map.Write();
            return TestBlobWriter.Write(spec);
        }

        static void AssertAgreement(byte[] good)
        {
            int stricter = 0, differ = 0, caught = 0, left = 0;
            string firstDiffer = "";
            for (int i = 0; i < good.Length; i++)
            {
                if (i >= BlobFormat.CrcOffset && i < BlobFormat.CrcOffset + 4) continue;
                byte[] blob = (byte[])good.Clone();
                blob[i] ^= 0x41;
                TestBlobWriter.FixCrc(blob);
                BlobError check = Check(blob);
                BlobError load = ModelBlob.Load(blob).Error;
                if (check != BlobError.None && load == BlobError.None) stricter++;
                else if (check != BlobError.None && check != load)
                {
                    if (differ++ == 0) firstDiffer = "byte " + i + ": check " + BlobErrorNames.Name(check) + ", loader " + BlobErrorNames.Name(load);
                }
                else if (check != BlobError.None) caught++;
                else if (load != BlobError.None) left++;
            }
            Assert.AreEqual(0, stricter, "blobs the check refused but the loader accepts");
            Assert.AreEqual(0, differ, firstDiffer);
            Assert.IsTrue(caught > 0, "the check caught " + caught + " mutations, left " + left + " to the loader");
        }

        static BlobError Check(byte[] blob)
        {
            RamRegionStore ram = new RamRegionStore();
            IRegion region = ram.Open("slot", blob.Length);
            region.Write(0, blob, 0, blob.Length);
            BlobCheck check = new BlobCheck();
            check.Check(new RegionWindow(region), blob.Length);
            return check.Error;
        }
    }
}
