using Saffu.Runtime.Model;

namespace Saffu.Training.Vocabulary;

/// <summary>
/// The word vector of every vocabulary id (docs/saffu-model.md §1). By default the bit-cipher code
/// from the runtime's <see cref="BitCipher"/>: id r's sorted bit list S_r and popcount k_r,
/// x_r = pattern / k_r. <see cref="WithCooccurrence"/> replaces the vectors by co-occurrence vectors
/// (SAFFU.md §1, second step); the cipher bits stay what <see cref="Of"/> returns. Every vector is
/// stored sparse: sorted bit indices and their non-negative weights, summing to 1.
/// </summary>
public sealed class WordCodes
{
    readonly short[] bits;   // all bit lists, id r's at offsets[r]..offsets[r+1]
    readonly int[] offsets;  // (V + 1)
    short[] vectorBits;      // the vectors: id r's entries at vectorOffsets[r]..vectorOffsets[r+1], bits ascending
    float[] vectorWeights;
    int[] vectorOffsets;

    /// <param name="grownFrom">First id with a grown one-hot bit (<see cref="BitCipher.Code"/>); 0 = plain cipher codes.</param>
    public WordCodes(int vocabularySize, int bitCount, int grownFrom = 0)
    {
        if (vocabularySize < 1) throw new ArgumentOutOfRangeException(nameof(vocabularySize));
        if (bitCount < 1 || bitCount > BitCipher.MaxBits)
            throw new ArgumentOutOfRangeException(nameof(bitCount), bitCount, $"bits must be 1..{BitCipher.MaxBits}.");
        if (grownFrom != 0 && BitCipher.BaseBits(vocabularySize, bitCount, grownFrom) == 0)
            throw new ArgumentException($"Grown from id {grownFrom}: {vocabularySize} words over {bitCount} bits leave no base code for the first {grownFrom} ids.");
        if (BitCipher.MaxPopcount(vocabularySize, bitCount, grownFrom) == 0)
            throw new ArgumentException($"{vocabularySize} words do not fit {bitCount} bits (at most 2^b − 1 codes).");
        Bits = bitCount;
        Count = vocabularySize;
        GrownFrom = grownFrom;
        MaxPopcount = BitCipher.MaxPopcount(vocabularySize, bitCount, grownFrom);
        offsets = new int[vocabularySize + 1];
        var list = new List<short>(vocabularySize * 2);
        var scratch = new short[MaxPopcount];
        for (int r = 0; r < vocabularySize; r++)
        {
            int k = BitCipher.Code(r, vocabularySize, bitCount, grownFrom, scratch, 0);
            for (int i = 0; i < k; i++) list.Add(scratch[i]);
            offsets[r + 1] = list.Count;
        }
        bits = list.ToArray();
        vectorBits = bits;
        vectorOffsets = offsets;
        vectorWeights = new float[bits.Length];
        for (int r = 0; r < vocabularySize; r++)
            for (int i = offsets[r]; i < offsets[r + 1]; i++) vectorWeights[i] = 1f / (offsets[r + 1] - offsets[r]);
    }

    /// <summary>b.</summary>
    public int Bits { get; }
    /// <summary>First id with a grown one-hot bit; 0 = not grown.</summary>
    public int GrownFrom { get; }
    /// <summary>V.</summary>
    public int Count { get; }
    public int MaxPopcount { get; }
    /// <summary>The co-occurrence settings the vectors were made with; null = the plain cipher codes.</summary>
    public CooccurrenceOptions? Cooccurrence { get; private set; }

    /// <summary>S_r: the sorted bits of id r's cipher code.</summary>
    public ReadOnlySpan<short> Of(int id) => bits.AsSpan(offsets[id], offsets[id + 1] - offsets[id]);

    /// <summary>k_r.</summary>
    public int Popcount(int id) => offsets[id + 1] - offsets[id];

    /// <summary>x_r: its non-zero bits (ascending) and their weights (sum 1).</summary>
    public (ReadOnlyMemory<short> Bits, ReadOnlyMemory<float> Weights) Vector(int id)
    {
        int from = vectorOffsets[id], n = vectorOffsets[id + 1] - from;
        return (vectorBits.AsMemory(from, n), vectorWeights.AsMemory(from, n));
    }

    /// <summary>Non-zero entries of x_r.</summary>
    public int Entries(int id) => vectorOffsets[id + 1] - vectorOffsets[id];

    /// <summary>Largest number of non-zero entries of any vector (the device cost of a stored sparse table).</summary>
    public int MaxEntries => Enumerable.Range(0, Count).Max(Entries);

    /// <summary>c(w, w') = x_w · x_w' (for cipher codes |S_w ∩ S_w'| / (k_w · k_w')).</summary>
    public float Compare(int a, int b)
    {
        int i = vectorOffsets[a], iEnd = vectorOffsets[a + 1], j = vectorOffsets[b], jEnd = vectorOffsets[b + 1];
        float sum = 0;
        while (i < iEnd && j < jEnd)
        {
            short x = vectorBits[i], y = vectorBits[j];
            if (x == y) sum += vectorWeights[i++] * vectorWeights[j++];
            else if (x < y) i++;
            else j++;
        }
        return sum;
    }

    /// <summary>The smallest b that holds V codes when the requested b is too small: ⌊log2 V⌋ + 1.</summary>
    public static int MinimumBits(int vocabularySize) => (int)Math.Floor(Math.Log2(vocabularySize)) + 1;

    /// <summary>P_U[w] = x_w · U = Σ_i x_w[i] · U[i, :], scaled and added into output (U is b × cols, row-major).</summary>
    public void AddProjection(int id, float[] u, int cols, Span<float> output, float scale = 1f)
    {
        for (int e = vectorOffsets[id]; e < vectorOffsets[id + 1]; e++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(u.AsSpan(vectorBits[e] * cols, cols), scale * vectorWeights[e], output, output);
    }

    /// <summary>M[i, target] += amount · x_w[i] for every non-zero bit i (F counts, gradients of U).</summary>
    public void AddOuter(int id, double amount, double[] m, int cols, int target)
    {
        for (int e = vectorOffsets[id]; e < vectorOffsets[id + 1]; e++) m[vectorBits[e] * cols + target] += amount * vectorWeights[e];
    }

    /// <summary>dU[i, :] += scale · x_w[i] · dP for every non-zero bit i of x_w.</summary>
    public void AddToRows(int id, ReadOnlySpan<float> dP, float scale, float[] gradU, int cols)
    {
        for (int e = vectorOffsets[id]; e < vectorOffsets[id + 1]; e++)
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(dP, scale * vectorWeights[e], gradU.AsSpan(vectorBits[e] * cols, cols),
                gradU.AsSpan(vectorBits[e] * cols, cols));
    }

    /// <summary>
    /// Replaces every vector by its co-occurrence vector (SAFFU.md §1, second step): the cipher vectors of the words at
    /// distance 1..R on either side of every occurrence in <paramref name="texts"/>, summed and L1-normalised, mixed
    /// with the word's own code: x_w = μ·code_w + (1 − μ)·neighbours_w. Only the <see cref="CooccurrenceOptions.MaxEntries"/>
    /// largest neighbour weights are kept (renormalised). A word never seen with a neighbour keeps its code.
    /// </summary>
    public void UseCooccurrence(IEnumerable<int[]> texts, CooccurrenceOptions options)
    {
        options.Validate();
        var sums = new Dictionary<short, double>?[Count];
        foreach (int[] ids in texts)
            for (int p = 0; p < ids.Length; p++)
                for (int d = 1; d <= options.Radius; d++)
                {
                    if (p - d >= 0) AddCode(ref sums[ids[p]], ids[p - d]);
                    if (p + d < ids.Length) AddCode(ref sums[ids[p]], ids[p + d]);
                }
        UseNeighbours(sums, options);
    }

    /// <summary>
    /// Replaces every vector by its code mixed with the cipher vectors of predicted neighbours: x_w = μ·code_w + (1 − μ)·Σ_v
    /// p_w(v)·code_v, for <paramref name="neighbours"/>[w] a distribution over the vocabulary (null: the word keeps its
    /// code), e.g. the language-model head's mean prediction of the word after w (<see cref="Solver.LanguageModelVectors"/>).
    /// The same sparsity as <see cref="UseCooccurrence"/>.
    /// </summary>
    public void UsePredictedNeighbours(double[]?[] neighbours, CooccurrenceOptions options)
    {
        options.Validate();
        if (neighbours.Length != Count) throw new ArgumentException($"{neighbours.Length} neighbour distributions; expected one per word ({Count}).");
        var sums = new Dictionary<short, double>?[Count];
        for (int r = 0; r < Count; r++)
            if (neighbours[r] is { } p)
                for (int v = 0; v < p.Length; v++)
                    if (p[v] > 0) AddCode(ref sums[r], v, p[v]);
        UseNeighbours(sums, options);
    }

    void UseNeighbours(Dictionary<short, double>?[] sums, CooccurrenceOptions options)
    {
        var newBits = new List<short>();
        var newWeights = new List<float>();
        var newOffsets = new int[Count + 1];
        for (int r = 0; r < Count; r++)
        {
            var mixed = new Dictionary<short, double>();
            double own = sums[r] is null ? 1 : options.Mix;
            foreach (short bit in Of(r)) mixed[bit] = own / Popcount(r);
            if (sums[r] is { } neighbours)
            {
                var kept = neighbours.OrderByDescending(p => p.Value).ThenBy(p => p.Key).Take(options.MaxEntries).ToList();
                double total = kept.Sum(p => p.Value);
                foreach (var (bit, value) in kept) mixed[bit] = mixed.GetValueOrDefault(bit) + (1 - options.Mix) * value / total;
            }
            foreach (var (bit, value) in mixed.OrderBy(p => p.Key))
            {
                newBits.Add(bit);
                newWeights.Add((float)value);
            }
            newOffsets[r + 1] = newBits.Count;
        }
        vectorBits = newBits.ToArray();
        vectorWeights = newWeights.ToArray();
        vectorOffsets = newOffsets;
        Cooccurrence = options;
    }

    /// <summary>The stored vectors (a model folder's `vectors.*` tensors): offsets (V + 1), bits ascending per word, weights.</summary>
    public (int[] Offsets, short[] Bits, float[] Weights) StoredVectors() => (vectorOffsets, vectorBits, vectorWeights);

    /// <summary>
    /// Sets co-occurrence vectors read back from a model folder; throws <see cref="ArgumentException"/> naming what is wrong
    /// (V + 1 rising offsets from 0, bits ascending and below b per word, weights finite, ≥ 0 and summing to 1 per word).
    /// </summary>
    public void SetVectors(int[] offsets, short[] vectorBits, float[] weights, CooccurrenceOptions options)
    {
        options.Validate();
        if (offsets.Length != Count + 1 || offsets[0] != 0 || offsets[^1] != vectorBits.Length || weights.Length != vectorBits.Length)
            throw new ArgumentException($"Word vectors: found {offsets.Length} offsets ending at {offsets[^1]} for {vectorBits.Length} bits and {weights.Length} weights; expected {Count + 1} offsets from 0 to the number of entries.");
        for (int r = 0; r < Count; r++)
        {
            if (offsets[r + 1] < offsets[r]) throw new ArgumentException($"Word vectors: offset {r + 1} ({offsets[r + 1]}) is below offset {r} ({offsets[r]}).");
            double sum = 0;
            for (int e = offsets[r]; e < offsets[r + 1]; e++)
            {
                bool ordered = e == offsets[r] || vectorBits[e] > vectorBits[e - 1];
                if (vectorBits[e] < 0 || vectorBits[e] >= Bits || !ordered || !(weights[e] >= 0) || !float.IsFinite(weights[e]))
                    throw new ArgumentException($"Word vectors: entry {e} of word {r} is bit {vectorBits[e]} with weight {weights[e]}; expected ascending bits 0..{Bits - 1} with finite weights ≥ 0.");
                sum += weights[e];
            }
            if (Math.Abs(sum - 1) > 1e-3) throw new ArgumentException($"Word vectors: word {r}'s weights sum to {sum}; expected 1.");
        }
        vectorOffsets = offsets;
        this.vectorBits = vectorBits;
        vectorWeights = weights;
        Cooccurrence = options;
    }

    void AddCode(ref Dictionary<short, double>? sums, int id, double weight = 1)
    {
        sums ??= new Dictionary<short, double>();
        foreach (short bit in Of(id)) sums[bit] = sums.GetValueOrDefault(bit) + weight / Popcount(id);
    }
}

/// <summary>Co-occurrence word vectors (SAFFU.md §1, second step): off unless <see cref="Radius"/> &gt; 0.</summary>
public sealed record CooccurrenceOptions
{
    /// <summary>R: neighbours at distance 1..R on either side; 0 = plain cipher codes.</summary>
    public int Radius { get; init; }
    /// <summary>μ: weight of the word's own code in its vector (the rest is its neighbours').</summary>
    public double Mix { get; init; } = 0.5;
    /// <summary>Neighbour bits kept per word (the largest weights).</summary>
    public int MaxEntries { get; init; } = 32;
    /// <summary>Where the neighbours come from: counted at distance 1..R, or the LM head's predicted next words (R = 1).</summary>
    public CooccurrenceSource Source { get; init; }

    public bool Enabled => Radius > 0;

    public void Validate()
    {
        if (Radius is < 0 or > 8) throw new ArgumentException($"The co-occurrence radius {Radius} is invalid; expected 0 (off) or 1..8.");
        if (Mix is < 0 or > 1) throw new ArgumentException($"The co-occurrence mix {Mix} is invalid; expected 0..1.");
        if (MaxEntries is < 1 or > 4096) throw new ArgumentException($"The co-occurrence entries {MaxEntries} are invalid; expected 1..4096.");
        if (Source == CooccurrenceSource.LanguageModel && Radius is not (0 or 1))
            throw new ArgumentException($"The co-occurrence radius {Radius} is invalid with the language-model source; expected 0 (off) or 1 (the next word).");
    }
}

/// <summary>What a word's co-occurrence vector mixes in besides its code.</summary>
public enum CooccurrenceSource
{
    /// <summary>The codes of the words counted at distance 1..R (SAFFU.md §1).</summary>
    Counts,
    /// <summary>The codes of the words the LM head predicts next, after an explicit solve on the cipher codes (<see cref="Solver.LanguageModelVectors"/>).</summary>
    LanguageModel,
}
