using Saffu.Runtime.Model;

namespace Saffu.Runtime.Blob
{
    /// <summary>
    /// The WordVectors section (docs/model-blob.md §17): co-occurrence word vectors, every offset, bit and weight checked
    /// once here so the session reads them in place, blind. Optional: without it the vectors are the bit-cipher codes.
    /// </summary>
    internal sealed partial class BlobLoader
    {
        const int VectorsHeaderBytes = 8, MaxVectorEntries = 1024;
        WordVectors? vectors;

        bool ReadWordVectors()
        {
            if (Find(SectionKind.WordVectors) < 0) return true;
            Enter(SectionKind.WordVectors);
            if (!Need(VectorsHeaderBytes, BlobError.BadWordVectors, "WordVectors header")) return false;
            int v = config.VocabSize, count = LittleEndian.U16(b, start), weightBits = b[start + 2];
            int maxEntries = LittleEndian.U16(b, start + 4);
            if (count != v)
                return Fail(BlobError.BadWordVectors, "WordVectors count is " + count + "; expected vocabSize " + v);
            if (weightBits != 8 && weightBits != 16)
                return Fail(BlobError.BadWordVectors, "WordVectors weightBits is " + weightBits + "; expected 8 or 16");
            if (b[start + 3] != 0 || LittleEndian.U16(b, start + 6) != 0)
                return Fail(BlobError.BadWordVectors, "WordVectors reserved fields are " + b[start + 3] + " and " + LittleEndian.U16(b, start + 6) + "; expected 0");
            if (maxEntries < 1 || maxEntries > MaxVectorEntries)
                return Fail(BlobError.BadWordVectors, "WordVectors maxEntries is " + maxEntries + "; expected 1.." + MaxVectorEntries);
            int offsetsAt = start + VectorsHeaderBytes;
            if (!Need(VectorsHeaderBytes + 4L * (v + 1), BlobError.BadWordVectors, "WordVectors offsets")) return false;
            long n = LittleEndian.U32(b, offsetsAt + 4 * v), weightBytes = weightBits / 8;
            long length = (VectorsHeaderBytes + 4L * (v + 1) + (2 + weightBytes) * n + 3) & ~3L;
            if (end - start != length)
                return Fail(BlobError.BadWordVectors, "WordVectors section is " + (end - start) + " bytes; expected " + length
                    + " for " + v + " words and " + n + " entries of " + weightBits + "-bit weights");
            int bitsAt = offsetsAt + 4 * (v + 1), weightsAt = bitsAt + 2 * (int)n;
            if (!CheckVectorOffsets(offsetsAt, v, maxEntries) || !CheckVectorEntries(offsetsAt, bitsAt, weightsAt, v, weightBits)) return false;
            for (int at = weightsAt + (int)(weightBytes * n); at < end; at++)
            {
                if (b[at] != 0)
                    return Fail(BlobError.BadWordVectors, "WordVectors padding byte at section offset " + (at - start) + " is 0x" + b[at].ToString("X2") + "; expected 0");
            }
            vectors = new WordVectors(b, offsetsAt, bitsAt, weightsAt, weightBits, maxEntries);
            return true;
        }

        /// <summary>offsets[0] = 0, every word 1..maxEntries entries, the largest exactly maxEntries.</summary>
        bool CheckVectorOffsets(int offsetsAt, int v, int maxEntries)
        {
            if (LittleEndian.U32(b, offsetsAt) != 0)
                return Fail(BlobError.BadWordVectors, "WordVectors offsets[0] is " + LittleEndian.U32(b, offsetsAt) + "; expected 0");
            long largest = 0;
            for (int r = 0; r < v; r++)
            {
                long entries = LittleEndian.U32(b, offsetsAt + 4 * r + 4) - LittleEndian.U32(b, offsetsAt + 4 * r);
                if (entries < 1 || entries > maxEntries)
                    return Fail(BlobError.BadWordVectors, "WordVectors word " + r + " has " + entries + " entries; expected 1..maxEntries " + maxEntries);
                if (entries > largest) largest = entries;
            }
            if (largest != maxEntries)
                return Fail(BlobError.BadWordVectors, "WordVectors maxEntries is " + maxEntries + " but the largest word has " + largest + " entries; expected them equal");
            return true;
        }

        /// <summary>Per word: bits strictly ascending and &lt; b, weights ≥ 1 summing to 2^(weightBits−1).</summary>
        bool CheckVectorEntries(int offsetsAt, int bitsAt, int weightsAt, int v, int weightBits)
        {
            long one = 1L << (weightBits - 1);
            for (int r = 0; r < v; r++)
            {
                int first = (int)LittleEndian.U32(b, offsetsAt + 4 * r), last = (int)LittleEndian.U32(b, offsetsAt + 4 * r + 4);
                long sum = 0;
                for (int e = first; e < last; e++)
                {
                    int bit = LittleEndian.U16(b, bitsAt + 2 * e);
                    int q = weightBits == 8 ? b[weightsAt + e] : LittleEndian.U16(b, weightsAt + 2 * e);
                    if (bit >= config.Bits || (e > first && bit <= LittleEndian.U16(b, bitsAt + 2 * e - 2)))
                        return Fail(BlobError.BadWordVectors, "WordVectors word " + r + " entry " + (e - first) + " has bit " + bit + "; expected bits ascending and below b = " + config.Bits);
                    if (q < 1)
                        return Fail(BlobError.BadWordVectors, "WordVectors word " + r + " entry " + (e - first) + " has weight 0; expected ≥ 1");
                    sum += q;
                }
                if (sum != one)
                    return Fail(BlobError.BadWordVectors, "WordVectors word " + r + "'s weights sum to " + sum + "; expected " + one + " (1.0 in Q" + (weightBits - 1) + ")");
            }
            return true;
        }
    }
}
