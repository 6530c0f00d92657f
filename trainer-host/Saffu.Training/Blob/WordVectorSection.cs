using System.Buffers.Binary;

namespace Saffu.Training.Blob;

/// <summary>
/// Writes the blob's WordVectors section (kind 17, docs/model-blob.md §17): every word's sparse co-occurrence vector,
/// bits as u16 and weights quantized to Q7 (8-bit) or Q15 (16-bit) by the largest-remainder rule, so each word's weights
/// sum to exactly 1.0 in that format; entries that round to 0 are dropped.
/// </summary>
public static class WordVectorSection
{
    public const ushort Kind = 17;
    public const int HeaderBytes = 8;
    public const int MaxEntries = 1024;

    /// <param name="offsets">V + 1 entry offsets (word r: offsets[r]..offsets[r+1]−1).</param>
    /// <param name="bits">Entry bits, ascending per word.</param>
    /// <param name="weights">Entry weights, ≥ 0, summing to 1 per word.</param>
    /// <param name="weightBits">8 or 16.</param>
    public static byte[] Write(int[] offsets, short[] bits, float[] weights, int weightBits)
    {
        if (weightBits is not (8 or 16)) throw new ArgumentException($"The word vector weight bits {weightBits} are invalid. Available options are: 8, 16.");
        int v = offsets.Length - 1;
        var words = Enumerable.Range(0, v).Select(r => Quantize(bits.AsSpan(offsets[r], offsets[r + 1] - offsets[r]).ToArray(),
            weights.AsSpan(offsets[r], offsets[r + 1] - offsets[r]).ToArray(), weightBits - 1)).ToList();
        int n = words.Sum(w => w.Bits.Length), maxEntries = words.Max(w => w.Bits.Length);
        if (maxEntries > MaxEntries) throw new ArgumentException($"A word vector has {maxEntries} entries; the blob holds at most {MaxEntries}.");
        int weightBytes = weightBits / 8;
        var section = new byte[ModelBlobWriter.Align4(HeaderBytes + 4 * (v + 1) + (2 + weightBytes) * n)];
        var span = section.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)v);
        section[2] = (byte)weightBits;
        BinaryPrimitives.WriteUInt16LittleEndian(span[4..], (ushort)maxEntries);
        int offsetsAt = HeaderBytes, bitsAt = offsetsAt + 4 * (v + 1), weightsAt = bitsAt + 2 * n, e = 0;
        for (int r = 0; r < v; r++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(span[(offsetsAt + 4 * r)..], (uint)e);
            var (wordBits, q) = words[r];
            for (int i = 0; i < wordBits.Length; i++, e++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(span[(bitsAt + 2 * e)..], (ushort)wordBits[i]);
                if (weightBytes == 1) section[weightsAt + e] = (byte)q[i];
                else BinaryPrimitives.WriteUInt16LittleEndian(span[(weightsAt + 2 * e)..], (ushort)q[i]);
            }
        }
        BinaryPrimitives.WriteUInt32LittleEndian(span[(offsetsAt + 4 * v)..], (uint)e);
        return section;
    }

    /// <summary>The section as a blob writer's extra section (required flag set).</summary>
    public static ExtraSection Extra(int[] offsets, short[] bits, float[] weights, int weightBits) =>
        new(Kind, true, Write(offsets, bits, weights, weightBits));

    /// <summary>
    /// One word's weights in Q(shift): floor(w·2^shift), then the remaining units to the largest remainders (ties: the
    /// lower bit), then entries at 0 dropped. The sum is exactly 2^shift.
    /// </summary>
    public static (short[] Bits, int[] Q) Quantize(short[] bits, float[] weights, int shift)
    {
        if (bits.Length == 0) throw new ArgumentException("A word vector has no entries; expected at least one.");
        double total = weights.Sum(w => (double)w);
        if (!(total > 0)) throw new ArgumentException($"A word vector's weights sum to {total}; expected a positive sum.");
        long one = 1L << shift;
        var scaled = weights.Select(w => w / total * one).ToArray();
        var q = scaled.Select(x => (long)Math.Floor(x)).ToArray();
        long left = one - q.Sum();
        foreach (int i in Enumerable.Range(0, q.Length).OrderByDescending(i => scaled[i] - q[i]).ThenBy(i => i).Take((int)left)) q[i]++;
        var kept = Enumerable.Range(0, q.Length).Where(i => q[i] > 0).ToArray();
        return (kept.Select(i => bits[i]).ToArray(), kept.Select(i => (int)q[i]).ToArray());
    }

    /// <summary>Bytes of the section for these entry counts (before quantization drops any).</summary>
    public static int Length(int vocabularySize, int entries, int weightBits) =>
        ModelBlobWriter.Align4(HeaderBytes + 4 * (vocabularySize + 1) + (2 + weightBits / 8) * entries);
}
