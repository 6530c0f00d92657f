namespace Saffu.Runtime.Model
{
    /// <summary>
    /// Bit-cipher word codes (docs/saffu-model.md §1): rank r gets the r-th non-zero b-bit pattern,
    /// ordered by popcount, then lexicographically by the sorted bit list. Codes are regenerated
    /// from the rank alone, so the blob stores no vectors.
    /// </summary>
    public static class BitCipher
    {
        /// <summary>Binomials saturate here (2^40), far above any int rank.</summary>
        public const long BinomialCap = 1L << 40;

        /// <summary>Largest b the codes are defined for (blob limit).</summary>
        public const int MaxBits = 4096;

        /// <summary>Largest n Binomial accepts (keeps r·n below 2^63 while r &lt; 2^40).</summary>
        public const int MaxBinomialN = 1 << 22;

        /// <summary>
        /// C(n, k) saturated at BinomialCap, for 0 ≤ n ≤ MaxBinomialN; 0 when k &lt; 0, k &gt; n or n
        /// is outside that range.
        /// </summary>
        public static long Binomial(int n, int k)
        {
            if (k < 0 || n < 0 || k > n || n > MaxBinomialN) return 0;
            if (k > n - k) k = n - k;
            long r = 1;
            for (int i = 0; i < k; i++)
            {
                r = r * (n - i) / (i + 1);   // exact: r = C(n, i+1); increasing while i < n/2
                if (r >= BinomialCap) return BinomialCap;
            }
            return r;
        }

        /// <summary>
        /// Writes the sorted bit list of rank's code to outBits[offset..] and returns its popcount k;
        /// returns 0 (writing nothing) when rank is not in 0..2^bits − 2 or bits is not in 1..MaxBits.
        /// outBits needs room for k entries (MaxPopcount of the vocabulary).
        /// </summary>
        public static int Unrank(int rank, int bits, short[] outBits, int offset)
        {
            if (rank < 0 || bits < 1 || bits > MaxBits) return 0;
            long r = rank;
            int k = 1;
            while (true)
            {
                if (k > bits) return 0;
                long count = Binomial(bits, k);
                if (r < count) break;
                r -= count;
                k++;
            }
            // The r-th k-subset of {0..bits−1} in lexicographic order.
            int next = 0;
            for (int i = 0; i < k; i++)
            {
                while (true)
                {
                    long withNext = Binomial(bits - 1 - next, k - 1 - i);
                    if (r < withNext) break;
                    r -= withNext;
                    next++;
                }
                outBits[offset + i] = (short)next;
                next++;
            }
            return k;
        }

        /// <summary>Unrank into outBits from index 0.</summary>
        public static int Unrank(int rank, int bits, short[] outBits)
        {
            return Unrank(rank, bits, outBits, 0);
        }

        /// <summary>Popcount of rank's code without writing it (0 when rank has no code).</summary>
        public static int Popcount(int rank, int bits)
        {
            if (rank < 0 || bits < 1 || bits > MaxBits) return 0;
            long r = rank;
            for (int k = 1; k <= bits; k++)
            {
                long count = Binomial(bits, k);
                if (r < count) return k;
                r -= count;
            }
            return 0;
        }

        /// <summary>
        /// Popcount of the last code of a vocabulary of vocabSize ids (rank vocabSize − 1), the most
        /// bits any word has; 0 when vocabSize &lt; 1 or the vocabulary does not fit (V &gt; 2^b − 1).
        /// </summary>
        public static int MaxPopcount(int vocabSize, int bits)
        {
            return Popcount(vocabSize - 1, bits);
        }

        /// <summary>
        /// b₀ of a width-grown code (docs/model-blob.md §1 grownFrom): the bits before the first grown word's bit,
        /// bits − (vocabSize − grownFrom); 0 when grownFrom is 0 (not grown) or the fields do not fit (grownFrom ≥ vocabSize,
        /// b₀ &lt; 1, or grownFrom &gt; 2^b₀ − 1 codes).
        /// </summary>
        public static int BaseBits(int vocabSize, int bits, int grownFrom)
        {
            if (grownFrom < 1 || grownFrom >= vocabSize) return 0;
            int baseBits = bits - (vocabSize - grownFrom);
            if (baseBits < 1 || MaxPopcount(grownFrom, baseBits) == 0) return 0;
            return baseBits;
        }

        /// <summary>
        /// The code of id rank in a vocabulary of vocabSize ids over bits, grown from id grownFrom (0 = not grown):
        /// ids below grownFrom keep their rank's code over the first b₀ = BaseBits bits; id grownFrom + j gets the
        /// single bit b₀ + j. Writes the sorted bit list to outBits[offset..] and returns its popcount; 0 when
        /// rank or the fields are out of range.
        /// </summary>
        public static int Code(int rank, int vocabSize, int bits, int grownFrom, short[] outBits, int offset)
        {
            if (grownFrom == 0) return rank < vocabSize ? Unrank(rank, bits, outBits, offset) : 0;
            int baseBits = BaseBits(vocabSize, bits, grownFrom);
            if (baseBits == 0 || rank < 0 || rank >= vocabSize) return 0;
            if (rank < grownFrom) return Unrank(rank, baseBits, outBits, offset);
            outBits[offset] = (short)(baseBits + rank - grownFrom);
            return 1;
        }

        /// <summary>The longest bit list of a (possibly width-grown) vocabulary; 0 when the fields do not fit.</summary>
        public static int MaxPopcount(int vocabSize, int bits, int grownFrom)
        {
            if (grownFrom == 0) return MaxPopcount(vocabSize, bits);
            int baseBits = BaseBits(vocabSize, bits, grownFrom);
            if (baseBits == 0) return 0;
            int k = MaxPopcount(grownFrom, baseBits);
            return k > 1 ? k : 1;
        }

        /// <summary>|A ∩ B| of two ascending bit lists: a merge, no b-vector.</summary>
        public static int Intersect(short[] a, int aOffset, int aCount, short[] b, int bOffset, int bCount)
        {
            int i = 0, j = 0, common = 0;
            while (i < aCount && j < bCount)
            {
                int x = a[aOffset + i], y = b[bOffset + j];
                if (x == y) { common++; i++; j++; }
                else if (x < y) i++;
                else j++;
            }
            return common;
        }
    }
}
