#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Blob;

namespace Saffu.Runtime.Tests
{
    [TestClass]
    public class Crc32Tests
    {
        [TestMethod]
        public void StandardCheckValue()
        {
            byte[] digits = { (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9' };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(digits, 0, 9));
        }

        [TestMethod]
        public void EmptyInputAndZeros()
        {
            Assert.AreEqual(0u, Crc32.Compute(new byte[0], 0, 0));
            byte[] zeros = new byte[4];
            Assert.AreEqual(0x2144DF1Cu, Crc32.Compute(zeros, 0, 4));
            Assert.AreEqual(Crc32.Compute(zeros, 0, 4), Crc32.Final(Crc32.UpdateZeros(Crc32.Initial, 4)));
        }

        [TestMethod]
        public void BlobChecksumTakesTheCrcFieldAsZero()
        {
            byte[] blob = new byte[40];
            for (int i = 0; i < blob.Length; i++) blob[i] = (byte)(i * 7);
            uint crc = Crc32.OfBlob(blob, blob.Length);
            blob[12] = 0xAA;
            blob[15] = 0x55;
            Assert.AreEqual(crc, Crc32.OfBlob(blob, blob.Length));
            blob[12] = 0; blob[13] = 0; blob[14] = 0; blob[15] = 0;
            Assert.AreEqual(crc, Crc32.Compute(blob, 0, blob.Length));
        }
    }
}
