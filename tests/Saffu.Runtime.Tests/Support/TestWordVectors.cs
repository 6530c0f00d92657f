namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// Writes a WordVectors section (docs/model-blob.md §17): the portable stand-in for the trainer's WordVectorSection.
    /// It checks nothing, so tests can write bad sections; <see cref="Random"/> writes a valid one.
    /// </summary>
    public static class TestWordVectors
    {
        /// <summary>count, weightBits, maxEntries, offsets, bits, weights (word r: bits[r], weights[r]), zero padding to 4.</summary>
        public static byte[] Section(int[][] bits, int[][] weights, int weightBits)
        {
            int v = bits.Length, n = 0, max = 0;
            for (int r = 0; r < v; r++)
            {
                n += bits[r].Length;
                if (bits[r].Length > max) max = bits[r].Length;
            }
            ByteSink sink = new ByteSink();
            sink.U16(v);
            sink.U8(weightBits);
            sink.U8(0);
            sink.U16(max);
            sink.U16(0);
            int at = 0;
            for (int r = 0; r < v; r++)
            {
                sink.U32(at);
                at += bits[r].Length;
            }
            sink.U32(at);
            for (int r = 0; r < v; r++)
            {
                for (int e = 0; e < bits[r].Length; e++) sink.U16(bits[r][e]);
            }
            for (int r = 0; r < v; r++)
            {
                for (int e = 0; e < weights[r].Length; e++)
                {
                    if (weightBits == 8) sink.U8(weights[r][e]);
                    else sink.U16(weights[r][e]);
                }
            }
            sink.Pad4();
            return sink.ToArray();
        }

        /// <summary>A valid section: each word 1..maxEntries distinct ascending bits below b, weights ≥ 1 summing to 2^(weightBits−1).</summary>
        public static byte[] Random(int vocabSize, int bitCount, int maxEntries, int weightBits, TestRandom random)
        {
            int[][] bits = new int[vocabSize][];
            int[][] weights = new int[vocabSize][];
            int one = 1 << (weightBits - 1);
            for (int r = 0; r < vocabSize; r++)
            {
                int n = 1 + random.Next(maxEntries < bitCount ? maxEntries : bitCount);
                bits[r] = new int[n];
                weights[r] = new int[n];
                int bit = random.Next(bitCount - n + 1), left = one;
                for (int e = 0; e < n; e++)
                {
                    bits[r][e] = bit;
                    int room = bitCount - (n - e - 1) - bit - 1;   // gap the next bit may skip and still leave room
                    bit += 1 + (room > 0 ? random.Next(2) : 0);
                    int w = e == n - 1 ? left : 1 + random.Next(left - (n - e - 1));
                    weights[r][e] = w;
                    left -= w;
                }
            }
            return Section(bits, weights, weightBits);
        }
    }
}
