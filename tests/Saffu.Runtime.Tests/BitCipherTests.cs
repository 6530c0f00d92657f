#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests
{
    /// <summary>Pins the code order of docs/saffu-model.md §1.</summary>
    [TestClass]
    public class BitCipherTests
    {
        [TestMethod]
        public void FirstBRanksAreOneHot()
        {
            short[] bits = new short[8];
            for (int r = 0; r < 128; r++)
            {
                Assert.AreEqual(1, BitCipher.Unrank(r, 128, bits));
                Assert.AreEqual(r, (int)bits[0]);
            }
        }

        [TestMethod]
        public void GrownIdsGetOneNewBitEachAndOldIdsKeepTheirCodes()
        {
            // 837 words over 384 bits grown by 4 words: b = 388, grownFrom = 837, base bits 384.
            short[] bits = new short[8], old = new short[8];
            Assert.AreEqual(384, BitCipher.BaseBits(841, 388, 837));
            for (int r = 0; r < 837; r += 7)
            {
                int k = BitCipher.Code(r, 841, 388, 837, bits, 0);
                Assert.AreEqual(BitCipher.Unrank(r, 384, old), k);
                for (int i = 0; i < k; i++) Assert.AreEqual((int)old[i], (int)bits[i]);
            }
            for (int j = 0; j < 4; j++)
            {
                Assert.AreEqual(1, BitCipher.Code(837 + j, 841, 388, 837, bits, 0));
                Assert.AreEqual(384 + j, (int)bits[0]);
            }
            Assert.AreEqual(0, BitCipher.Code(841, 841, 388, 837, bits, 0));
            Assert.AreEqual(2, BitCipher.MaxPopcount(841, 388, 837));
            Assert.AreEqual(BitCipher.MaxPopcount(837, 384), BitCipher.MaxPopcount(837, 384, 0));
        }

        [TestMethod]
        public void GrownFieldsThatDoNotFitAreRefused()
        {
            Assert.AreEqual(0, BitCipher.BaseBits(841, 388, 841));   // no grown word
            Assert.AreEqual(0, BitCipher.BaseBits(841, 4, 837));     // base bits 0
            Assert.AreEqual(0, BitCipher.BaseBits(841, 12, 837));    // 837 codes do not fit 8 base bits
            Assert.AreEqual(0, BitCipher.MaxPopcount(841, 12, 837));
            Assert.AreEqual(1, BitCipher.MaxPopcount(3, 3, 1));      // one base word of one bit, two grown
        }

        [TestMethod]
        public void TwoHotPatternsFollowInLexicographicOrder()
        {
            short[] bits = new short[8];
            Assert.AreEqual(2, BitCipher.Unrank(128, 128, bits));
            Assert.AreEqual(0, (int)bits[0]);
            Assert.AreEqual(1, (int)bits[1]);
            Assert.AreEqual(2, BitCipher.Unrank(129, 128, bits));
            Assert.AreEqual(0, (int)bits[0]);
            Assert.AreEqual(2, (int)bits[1]);
            Assert.AreEqual(2, BitCipher.Unrank(128 + 127, 128, bits));
            Assert.AreEqual(1, (int)bits[0]);
            Assert.AreEqual(2, (int)bits[1]);
            int lastTwoHot = 128 + 128 * 127 / 2 - 1;
            Assert.AreEqual(2, BitCipher.Unrank(lastTwoHot, 128, bits));
            Assert.AreEqual(126, (int)bits[0]);
            Assert.AreEqual(127, (int)bits[1]);
            Assert.AreEqual(3, BitCipher.Unrank(lastTwoHot + 1, 128, bits));
            Assert.AreEqual(0, (int)bits[0]);
            Assert.AreEqual(1, (int)bits[1]);
            Assert.AreEqual(2, (int)bits[2]);
        }

        /// <summary>b = 5: ranks 0..30 are all 31 non-zero patterns, once each, popcount non-decreasing.</summary>
        [TestMethod]
        public void RanksAreABijectionOntoPatterns()
        {
            for (int b = 1; b <= 8; b++)
            {
                int patterns = (1 << b) - 1;
                bool[] seen = new bool[patterns + 1];
                short[] bits = new short[b];
                int previousK = 1, previousMask = 0;
                for (int r = 0; r < patterns; r++)
                {
                    int k = BitCipher.Unrank(r, b, bits);
                    Assert.IsTrue(k >= previousK, "popcount order");
                    int mask = 0;
                    for (int i = 0; i < k; i++)
                    {
                        if (i > 0) Assert.IsTrue(bits[i] > bits[i - 1], "sorted");
                        mask |= 1 << bits[i];
                    }
                    Assert.IsFalse(seen[mask], "pattern repeated");
                    seen[mask] = true;
                    if (k == previousK && r > 0) Assert.IsTrue(LexBefore(previousMask, mask, b), "lexicographic");
                    Assert.AreEqual(k, BitCipher.Popcount(r, b));
                    previousK = k;
                    previousMask = mask;
                }
                Assert.AreEqual(0, BitCipher.Unrank(patterns, b, bits));
                Assert.AreEqual(0, BitCipher.Unrank(-1, b, bits));
            }
        }

        /// <summary>True when the sorted bit list of x comes before that of y (same popcount).</summary>
        static bool LexBefore(int x, int y, int b)
        {
            for (int i = 0; i < b; i++)
            {
                bool inX = (x & (1 << i)) != 0, inY = (y & (1 << i)) != 0;
                if (inX != inY) return inX;
            }
            return false;
        }

        [TestMethod]
        public void BinomialsAreExactThenSaturate()
        {
            Assert.AreEqual(1L, BitCipher.Binomial(0, 0));
            Assert.AreEqual(10L, BitCipher.Binomial(5, 2));
            Assert.AreEqual(0L, BitCipher.Binomial(5, 6));
            Assert.AreEqual(0L, BitCipher.Binomial(5, -1));
            Assert.AreEqual(8128L, BitCipher.Binomial(128, 2));
            Assert.AreEqual(341376L, BitCipher.Binomial(128, 3));
            Assert.AreEqual(4096L, BitCipher.Binomial(4096, 4095));
            Assert.AreEqual(1L, BitCipher.Binomial(4096, 4096));
            Assert.AreEqual(4096L * 4095 * 4094 / 6, BitCipher.Binomial(4096, 3));
            Assert.AreEqual(BitCipher.BinomialCap, BitCipher.Binomial(4096, 2048));
            Assert.AreEqual(BitCipher.BinomialCap, BitCipher.Binomial(4096, 6));
            Assert.AreEqual(BitCipher.BinomialCap, BitCipher.Binomial(64, 32));
        }

        [TestMethod]
        public void UnrankWorksWithSaturatedBinomials()
        {
            short[] bits = new short[8];
            Assert.AreEqual(1, BitCipher.Unrank(4095, 4096, bits));
            Assert.AreEqual(4095, (int)bits[0]);
            Assert.AreEqual(2, BitCipher.Unrank(4096, 4096, bits));
            Assert.AreEqual(0, (int)bits[0]);
            Assert.AreEqual(1, (int)bits[1]);
            // The largest int rank at b = 4096 is three-hot: 4096 + C(4096,2) < 2^31 < + C(4096,3).
            Assert.AreEqual(3, BitCipher.Unrank(int.MaxValue, 4096, bits));
            Assert.IsTrue(bits[0] < bits[1] && bits[1] < bits[2] && bits[2] < 4096);
        }

        [TestMethod]
        public void MaxPopcountIsThePopcountOfTheLastRank()
        {
            Assert.AreEqual(1, BitCipher.MaxPopcount(128, 128));
            Assert.AreEqual(2, BitCipher.MaxPopcount(129, 128));
            Assert.AreEqual(2, BitCipher.MaxPopcount(400, 128));
            Assert.AreEqual(2, BitCipher.MaxPopcount(128 + 8128, 128));
            Assert.AreEqual(3, BitCipher.MaxPopcount(128 + 8128 + 1, 128));
            Assert.AreEqual(5, BitCipher.MaxPopcount(31, 5));
            Assert.AreEqual(0, BitCipher.MaxPopcount(32, 5));
            Assert.AreEqual(0, BitCipher.MaxPopcount(0, 5));
            Assert.AreEqual(16, BitCipher.MaxPopcount(65535, 16));
        }

        [TestMethod]
        public void IntersectCountsCommonBits()
        {
            short[] a = { 9, 1, 4, 7, 12 };
            short[] b = { 4, 5, 7, 12, 13 };
            Assert.AreEqual(3, BitCipher.Intersect(a, 1, 4, b, 0, 5));
            Assert.AreEqual(2, BitCipher.Intersect(a, 1, 3, b, 0, 5));
            Assert.AreEqual(0, BitCipher.Intersect(a, 0, 0, b, 0, 5));
            Assert.AreEqual(1, BitCipher.Intersect(a, 0, 1, a, 0, 1));
        }
    }
}
