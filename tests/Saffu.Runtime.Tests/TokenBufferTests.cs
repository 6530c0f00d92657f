#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Tests
{
    [TestClass]
    public class TokenBufferTests
    {
        [TestMethod]
        public void CapacityIsWhatWasAsked()
        {
            TokenBuffer buffer = new TokenBuffer(8);
            Assert.AreEqual(8, buffer.Capacity);
            Assert.AreEqual(8 * TokenBuffer.MaxTokenBytes, buffer.Bytes.Length);
        }
    }
}
