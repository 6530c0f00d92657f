#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using System;
using Saffu.Runtime.Arithmetic;

namespace Saffu.Runtime.Tests
{
    /// <summary>FixedMath against exact integer cases and against double (docs/saffu-model.md §4).</summary>
    [TestClass]
    public class FixedMathTests
    {
        /// <summary>Largest |p − 2^15·softmax(x)| seen, Q15 units (documented in docs/saffu-model.md §4).</summary>
        public const int MaxSoftmaxErrorQ15 = 1;
        /// <summary>Largest |Log2(x) − 2^16·log2(x)|, Q16 units (documented in docs/saffu-model.md §4).</summary>
        public const int MaxLog2ErrorQ16 = 3;

#if NANOFRAMEWORK_1_0
        const int Samples = 300;      // the interpreter is ~1000× slower than the host
#else
        const int Samples = 20000;
#endif

        /// <summary>The exact worst error of the last Measure call (for reports).</summary>
        public static double LastWorst;

        [TestMethod]
        public void RoundShiftRoundsHalfUp()
        {
            Assert.AreEqual(5L, FixedMath.RoundShift(5, 0));
            Assert.AreEqual(3L, FixedMath.RoundShift(5, 1));    // 2.5 → 3
            Assert.AreEqual(-2L, FixedMath.RoundShift(-5, 1));  // −2.5 → −2 (half up)
            Assert.AreEqual(-3L, FixedMath.RoundShift(-6, 1));
            Assert.AreEqual(1L, FixedMath.RoundShift(1L << 61, 61));
            Assert.AreEqual(0L, FixedMath.RoundShift((1L << 61) - 1, 62));
            Assert.AreEqual(1L, FixedMath.RoundShift(1L << 61, 62));
        }

        [TestMethod]
        public void RoundDivRoundsHalfAwayFromZero()
        {
            Assert.AreEqual(3L, FixedMath.RoundDiv(5, 2));
            Assert.AreEqual(-3L, FixedMath.RoundDiv(-5, 2));
            Assert.AreEqual(2L, FixedMath.RoundDiv(7, 3));
            Assert.AreEqual(-2L, FixedMath.RoundDiv(-7, 3));
            Assert.AreEqual(0L, FixedMath.RoundDiv(0, 7));
            Assert.AreEqual(10923L, FixedMath.RoundDiv(32768, 3));
        }

        [TestMethod]
        public void SaturateClampsSymmetrically()
        {
            Assert.AreEqual(int.MaxValue, FixedMath.Saturate(1L << 40));
            Assert.AreEqual(-int.MaxValue, FixedMath.Saturate(-(1L << 40)));
            Assert.AreEqual(-int.MaxValue, FixedMath.Saturate(int.MinValue));
            Assert.AreEqual(-5, FixedMath.Saturate(-5));
        }

        [TestMethod]
        public void SoftmaxOfEqualLogitsIsUniform()
        {
            MathTables t = TestTables.Create();
            int[] x = new int[64], p = new int[64];
            for (int i = 0; i < 64; i++) x[i] = 12345;
            Assert.AreEqual(0, FixedMath.Softmax(t, x, 0, 64, p, 0));
            for (int i = 0; i < 64; i++) Assert.AreEqual(512, p[i]);
            Assert.AreEqual(0, FixedMath.Softmax(t, x, 0, 1, p, 0));
            Assert.AreEqual(32768, p[0]);
        }

        [TestMethod]
        public void SoftmaxPicksTheLowestIndexOfTheMaximum()
        {
            MathTables t = TestTables.Create();
            int[] x = { -3, 7, 7, int.MinValue, 7 }, p = new int[5];
            Assert.AreEqual(1, FixedMath.Softmax(t, x, 0, 5, p, 0));
            Assert.AreEqual(0, p[3]);
            Assert.AreEqual(p[1], p[2]);
        }

        [TestMethod]
        public void SoftmaxAgreesWithDouble()
        {
            Assert.IsTrue(MeasureSoftmaxError(Samples, 1) <= MaxSoftmaxErrorQ15);
        }

        /// <summary>Largest Q15 error over random logit vectors (n 1..64, spreads from 1/16 to 2^15 real).</summary>
        public static int MeasureSoftmaxError(int vectors, ulong seed)
        {
            MathTables t = TestTables.Create();
            TestRandom random = new TestRandom(seed);
            int[] x = new int[64], p = new int[64];
            double[] reference = new double[64];
            double worst = 0;
            for (int v = 0; v < vectors; v++)
            {
                int n = 1 + random.Next(64);
                int spread = 1 << (12 + random.Next(20));   // ±spread in Q16
                for (int i = 0; i < n; i++) x[i] = random.Range(-spread, spread);
                FixedMath.Softmax(t, x, 0, n, p, 0);
                SoftmaxDouble(x, n, reference);
                for (int i = 0; i < n; i++)
                {
                    double error = Math.Abs(p[i] - 32768.0 * reference[i]);
                    if (error > worst) worst = error;
                }
            }
            LastWorst = worst;
            return (int)Math.Ceiling(worst);
        }

        static void SoftmaxDouble(int[] x, int n, double[] y)
        {
            double max = x[0];
            for (int i = 1; i < n; i++) if (x[i] > max) max = x[i];
            double sum = 0;
            for (int i = 0; i < n; i++) { y[i] = Math.Exp((x[i] - max) / 65536.0); sum += y[i]; }
            for (int i = 0; i < n; i++) y[i] /= sum;
        }

        [TestMethod]
        public void Log2OfPowersOfTwoIsExact()
        {
            MathTables t = TestTables.Create();
            for (int n = 0; n < 62; n++) Assert.AreEqual(n * 65536, FixedMath.Log2(t, 1L << n));
            Assert.AreEqual(FixedMath.Log2OfZero, FixedMath.Log2(t, 0));
            Assert.AreEqual(FixedMath.Log2OfZero, FixedMath.Log2(t, -4));
        }

        [TestMethod]
        public void Log2AgreesWithDouble()
        {
            Assert.IsTrue(MeasureLog2Error(Samples, 2) <= MaxLog2ErrorQ16);
        }

        /// <summary>Largest Q16 error of Log2 over random x with 1..48 significant bits.</summary>
        public static int MeasureLog2Error(int samples, ulong seed)
        {
            MathTables t = TestTables.Create();
            TestRandom random = new TestRandom(seed);
            double worst = 0;
            for (int s = 0; s < samples; s++)
            {
                long x = (long)(random.NextULong() >> (16 + random.Next(48)));
                if (x < 1) x = 1;
                double exact = 65536.0 * Math.Log(x) / Math.Log(2);
                double error = Math.Abs(FixedMath.Log2(t, x) - exact);
                if (error > worst) worst = error;
            }
            LastWorst = worst;
            return (int)Math.Ceiling(worst);
        }

        [TestMethod]
        public void HighestBitOfEachPower()
        {
            for (int n = 0; n < 63; n++)
            {
                Assert.AreEqual(n, FixedMath.HighestBit(1L << n));
                if (n > 0) Assert.AreEqual(n, FixedMath.HighestBit((1L << n) | 1));
            }
        }
    }
}
