using System;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Tests.Host
{
    /// <summary>docs/tokenizer.md: a 1 MB line costs one pass, and tokenizing allocates nothing.</summary>
    [TestClass]
    public class TokenizerHostTests
    {
        [TestMethod]
        public void MegabyteLineIsOnePassWithoutAllocation()
        {
            char[] chars = new char[1 << 20];
            string pattern = "Turn ON the kitchen light to twenty five percent, 50% … ";
            for (int i = 0; i < chars.Length; i++) chars[i] = pattern[i % pattern.Length];
            string line = new string(chars);
            TokenBuffer buffer = new TokenBuffer(64);
            Tokenizer.Tokenize(line, buffer);
            long before = GC.GetAllocatedBytesForCurrentThread();
            Tokenizer.Tokenize(line, buffer);
            Assert.AreEqual(0L, GC.GetAllocatedBytesForCurrentThread() - before);
            Assert.AreEqual(64, buffer.Count);
            Assert.IsTrue(buffer.Truncated);
            Assert.AreEqual("turn on the kitchen light to <num>(25) percent <num>(50) percent turn", TokenText.Describe(Prefix(buffer, 11)));
        }

        static TokenBuffer Prefix(TokenBuffer buffer, int count)
        {
            buffer.Count = count;
            return buffer;
        }
    }
}
