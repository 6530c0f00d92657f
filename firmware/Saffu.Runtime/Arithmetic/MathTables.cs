namespace Saffu.Runtime.Arithmetic
{
    /// <summary>
    /// The blob's MathTables section (docs/model-blob.md §4), read in place: i32 exp2[257],
    /// i32 log2[257], i32 log2e, i32 ln2, little-endian. Computed on the host; the device only reads.
    /// </summary>
    public sealed class MathTables
    {
        public const int Entries = 257;
        public const int SectionBytes = 2 * Entries * 4 + 8;   // 2064
        public const int Exp2Zero = 1 << 30;    // E[0], Q30
        public const int Exp2Last = 1 << 29;    // E[256] = 2^30 · 2^−1
        public const int Log2Last = 1 << 16;    // L[256] = log2(2), Q16
        public const int ExpectedLog2E = 94548; // round(2^16 · log2 e)
        public const int ExpectedLn2 = 45426;   // round(2^16 · ln 2)

        readonly byte[] data;
        readonly int exp2Offset;
        readonly int log2Offset;

        /// <summary>A view of a 2064-byte table section at offset; the caller has checked it fits.</summary>
        public MathTables(byte[] data, int offset)
        {
            this.data = data;
            exp2Offset = offset;
            log2Offset = offset + Entries * 4;
            Log2E = ReadInt(offset + 2 * Entries * 4);
            Ln2 = ReadInt(offset + 2 * Entries * 4 + 4);
        }

        /// <summary>round(2^16 · log2 e), Q16.</summary>
        public int Log2E { get; }
        /// <summary>round(2^16 · ln 2), Q16.</summary>
        public int Ln2 { get; }

        /// <summary>E[k] = round(2^30 · 2^(−k/256)), Q30, k = 0..256.</summary>
        public int Exp2(int k)
        {
            return ReadInt(exp2Offset + 4 * k);
        }

        /// <summary>L[k] = round(2^16 · log2(1 + k/256)), Q16, k = 0..256.</summary>
        public int Log2(int k)
        {
            return ReadInt(log2Offset + 4 * k);
        }

        int ReadInt(int at)
        {
            return data[at] | (data[at + 1] << 8) | (data[at + 2] << 16) | (data[at + 3] << 24);
        }

        /// <summary>
        /// The loader's check: endpoints exact, E strictly decreasing, L strictly increasing,
        /// the constants as expected. Returns the first bad index (Entries for log2e/ln2), or -1.
        /// </summary>
        public int FirstBadEntry()
        {
            if (Exp2(0) != Exp2Zero || Exp2(Entries - 1) != Exp2Last) return 0;
            if (Log2(0) != 0 || Log2(Entries - 1) != Log2Last) return 0;
            for (int k = 1; k < Entries; k++)
            {
                if (Exp2(k) >= Exp2(k - 1) || Log2(k) <= Log2(k - 1)) return k;
            }
            if (Log2E != ExpectedLog2E || Ln2 != ExpectedLn2) return Entries;
            return -1;
        }
    }
}
