namespace Saffu.Runtime.Arithmetic
{
    /// <summary>
    /// Integer helpers of docs/saffu-model.md §4. Deterministic on every platform: no float,
    /// no double, no System.Math (whose long overloads nanoFramework lacks).
    /// </summary>
    public static class FixedMath
    {
        public const int One15 = 1 << 15;   // 1.0 in Q15
        public const int One16 = 1 << 16;   // 1.0 in Q16
        public const int MaxQ = int.MaxValue;   // saturation bound ±(2^31 − 1)
        /// <summary>Log2 of a non-positive input: "minus infinity" in Q16.</summary>
        public const int Log2OfZero = -int.MaxValue;

        /// <summary>x for n = 0, else (x + 2^(n−1)) >> n: round half up, arithmetic shift; n in 0..62.</summary>
        public static long RoundShift(long x, int n)
        {
            if (n == 0) return x;
            return (x + (1L << (n - 1))) >> n;
        }

        /// <summary>x / k rounded half away from zero, k &gt; 0.</summary>
        public static long RoundDiv(long x, long k)
        {
            if (x >= 0) return (x + k / 2) / k;
            return -((-x + k / 2) / k);
        }

        /// <summary>x clamped to ±(2^31 − 1).</summary>
        public static int Saturate(long x)
        {
            if (x > MaxQ) return MaxQ;
            if (x < -MaxQ) return -MaxQ;
            return (int)x;
        }

        /// <summary>
        /// p[pOffset + i] = softmax(x)_i in Q15 for Q16 logits x[xOffset + i], i = 0..n−1, n ≥ 1.
        /// Returns the index of the largest p (ties: lowest index).
        /// </summary>
        public static int Softmax(MathTables t, int[] x, int xOffset, int n, int[] p, int pOffset)
        {
            int top = 0;
            int max = x[xOffset];
            for (int i = 1; i < n; i++)
            {
                if (x[xOffset + i] > max) { max = x[xOffset + i]; top = i; }
            }
            long sum = 0;
            for (int i = 0; i < n; i++)
            {
                int e = Exp2Neg(t, ((long)max - x[xOffset + i]) * t.Log2E >> 16);
                p[pOffset + i] = e;
                sum += e;
            }
            for (int i = 0; i < n; i++)
            {
                p[pOffset + i] = (int)(((long)p[pOffset + i] * One15 + sum / 2) / sum);
            }
            return top;
        }

        /// <summary>2^(−u) in Q30 for u ≥ 0 in Q16 (log2 units), from the table with interpolation.</summary>
        public static int Exp2Neg(MathTables t, long u)
        {
            long ip = u >> 16;
            if (ip >= 31) return 0;
            int f = (int)(u & 0xFFFF);
            int idx = f >> 8, rem = f & 0xFF;
            int e0 = t.Exp2(idx), e1 = t.Exp2(idx + 1);
            return (e0 - (((e0 - e1) * rem) >> 8)) >> (int)ip;
        }

        /// <summary>log2(x) in Q16 for x ≥ 1; Log2OfZero for x ≤ 0.</summary>
        public static int Log2(MathTables t, long x)
        {
            if (x <= 0) return Log2OfZero;
            int n = HighestBit(x);
            long y = n >= 16 ? x >> (n - 16) : x << (16 - n);   // top bit at 16: 1.f in Q16
            int idx = (int)((y >> 8) & 0xFF), rem = (int)(y & 0xFF);
            int l0 = t.Log2(idx), l1 = t.Log2(idx + 1);
            return n * One16 + l0 + (((l1 - l0) * rem) >> 8);
        }

        /// <summary>Index of the highest set bit of x &gt; 0.</summary>
        public static int HighestBit(long x)
        {
            int n = 0;
            if ((x >> 32) != 0) { x >>= 32; n += 32; }
            if ((x >> 16) != 0) { x >>= 16; n += 16; }
            if ((x >> 8) != 0) { x >>= 8; n += 8; }
            if ((x >> 4) != 0) { x >>= 4; n += 4; }
            if ((x >> 2) != 0) { x >>= 2; n += 2; }
            if ((x >> 1) != 0) n += 1;
            return n;
        }
    }
}
