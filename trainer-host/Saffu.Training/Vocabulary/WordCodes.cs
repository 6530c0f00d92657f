using Saffu.Runtime.Model;

namespace Saffu.Training.Vocabulary;

/// <summary>
/// The bit-cipher code of every vocabulary id (docs/saffu-model.md §1), from the runtime's
/// <see cref="BitCipher"/>: id r's sorted bit list S_r and popcount k_r. x_r = pattern / k_r.
/// </summary>
public sealed class WordCodes
{
    readonly short[] bits;   // all bit lists, id r's at offsets[r]..offsets[r+1]
    readonly int[] offsets;  // (V + 1)

    public WordCodes(int vocabularySize, int bitCount)
    {
        if (vocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(vocabularySize));
        if (bitCount < 1 || bitCount > BitCipher.MaxBits)
            throw new ArgumentOutOfRangeException(nameof(bitCount), bitCount, $"bits must be 1..{BitCipher.MaxBits}.");
        if (BitCipher.MaxPopcount(vocabularySize, bitCount) == 0)
            throw new ArgumentException($"{vocabularySize} words do not fit {bitCount} bits (at most 2^b − 1 codes).");
        Bits = bitCount;
        Count = vocabularySize;
        MaxPopcount = BitCipher.MaxPopcount(vocabularySize, bitCount);
        offsets = new int[vocabularySize + 1];
        var list = new List<short>(vocabularySize * 2);
        var scratch = new short[MaxPopcount];
        for (int r = 0; r < vocabularySize; r++)
        {
            int k = BitCipher.Unrank(r, bitCount, scratch);
            for (int i = 0; i < k; i++) list.Add(scratch[i]);
            offsets[r + 1] = list.Count;
        }
        bits = list.ToArray();
    }

    /// <summary>b.</summary>
    public int Bits { get; }
    /// <summary>V.</summary>
    public int Count { get; }
    public int MaxPopcount { get; }

    /// <summary>S_r: the sorted bits of id r's code.</summary>
    public ReadOnlySpan<short> Of(int id) => bits.AsSpan(offsets[id], offsets[id + 1] - offsets[id]);

    /// <summary>k_r.</summary>
    public int Popcount(int id) => offsets[id + 1] - offsets[id];

    /// <summary>c(w, w') = |S_w ∩ S_w'| / (k_w · k_w').</summary>
    public float Compare(int a, int b)
    {
        int common = BitCipher.Intersect(bits, offsets[a], Popcount(a), bits, offsets[b], Popcount(b));
        return common == 0 ? 0f : common / (float)(Popcount(a) * Popcount(b));
    }

    /// <summary>The smallest b that holds V codes when the requested b is too small: ⌊log2 V⌋ + 1.</summary>
    public static int MinimumBits(int vocabularySize) => (int)Math.Floor(Math.Log2(vocabularySize)) + 1;

    /// <summary>P_U[w] = x_w · U = (1/k_w) Σ_{i∈S_w} U[i, :], added into output (U is b × cols, row-major).</summary>
    public void AddProjection(int id, float[] u, int cols, Span<float> output, float scale = 1f)
    {
        float share = scale / Popcount(id);
        foreach (short i in Of(id))
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(u.AsSpan(i * cols, cols), share, output, output);
    }
}
