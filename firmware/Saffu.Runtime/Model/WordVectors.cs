using Saffu.Runtime.Blob;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// Co-occurrence word vectors read in place from the WordVectors section (docs/model-blob.md §17): word id w's
    /// entries e = First(w)..End(w)−1, each a bit (a row of every U) and a weight q (x_w[bit] = q · 2^−WeightShift).
    /// The loader checked every offset, bit and weight, so these reads run blind.
    /// </summary>
    public sealed class WordVectors
    {
        readonly byte[] blob;
        readonly int offsetsAt;   // u32[V + 1]
        readonly int bitsAt;      // u16[N]
        readonly int weightsAt;   // u8[N] or u16[N]
        readonly int weightBytes;

        internal WordVectors(byte[] blob, int offsetsAt, int bitsAt, int weightsAt, int weightBits, int maxEntries)
        {
            this.blob = blob;
            this.offsetsAt = offsetsAt;
            this.bitsAt = bitsAt;
            this.weightsAt = weightsAt;
            weightBytes = weightBits / 8;
            MaxEntries = maxEntries;
        }

        /// <summary>Qw: the weights are Q7 (8-bit) or Q15 (16-bit).</summary>
        public int WeightShift { get { return weightBytes * 8 - 1; } }
        /// <summary>The largest entry count of any word.</summary>
        public int MaxEntries { get; }

        /// <summary>Index of word id's first entry.</summary>
        public int First(int id) { return (int)LittleEndian.U32(blob, offsetsAt + 4 * id); }
        /// <summary>One past word id's last entry.</summary>
        public int End(int id) { return (int)LittleEndian.U32(blob, offsetsAt + 4 * id + 4); }
        /// <summary>Bit (U row) of entry e.</summary>
        public int Bit(int e) { return LittleEndian.U16(blob, bitsAt + 2 * e); }
        /// <summary>Weight q of entry e, Q(WeightShift).</summary>
        public int Weight(int e) { return weightBytes == 1 ? blob[weightsAt + e] : LittleEndian.U16(blob, weightsAt + 2 * e); }

        /// <summary>Σ_e q_e · U.q[bit_e, col] over entries first..end−1 (the column's scale is the caller's).</summary>
        public long Project(Tensor u, int first, int end, int col)
        {
            long sum = 0;
            for (int e = first; e < end; e++) sum += (long)Weight(e) * u.Q(Bit(e), col);
            return sum;
        }

        /// <summary>
        /// x_a · x_b in Q15 (a merge of the two sorted entry lists); shared = the entries both have (one multiply each).
        /// </summary>
        public int Compare(int a, int b, out int shared)
        {
            int i = First(a), iEnd = End(a), j = First(b), jEnd = End(b);
            long sum = 0;
            shared = 0;
            while (i < iEnd && j < jEnd)
            {
                int x = Bit(i), y = Bit(j);
                if (x == y)
                {
                    sum += (long)Weight(i++) * Weight(j++);
                    shared++;
                }
                else if (x < y) i++;
                else j++;
            }
            int shift = 2 * WeightShift - 15;   // Q(2·Qw) → Q15: 15 for 16-bit weights, −1 for 8-bit
            return (int)(shift >= 0 ? Arithmetic.FixedMath.RoundShift(sum, shift) : sum << -shift);
        }
    }
}
