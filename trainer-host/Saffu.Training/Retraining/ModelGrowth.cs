using Saffu.Runtime.Model;
using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Retraining;

/// <summary>What growth added to a model: words (new ids at the end), intents (new output columns at the end), aliases.</summary>
/// <param name="NewWords">Every word that got a new id and bit, in order: the vocabulary's new words, then the re-grown ones.</param>
/// <param name="Regrown">The words of <paramref name="NewWords"/> the parent knew (new aliases' words that were no anchor word).</param>
public sealed record Growth(IReadOnlyList<string> NewWords, IReadOnlyList<string> NewIntents, IReadOnlyList<NewAlias> NewAliases,
    IReadOnlyList<string> Regrown)
{
    public static readonly Growth Nothing = new([], [], [], []);
    public bool IsEmpty => NewWords.Count == 0 && NewIntents.Count == 0 && NewAliases.Count == 0;
}

/// <summary>
/// Function-preserving growth (SAFFU.md §9; Gesmundo &amp; Maile, seed 002) of a float SAFFU model, before any re-solve:
/// <list type="bullet">
/// <item>the code width grows with the words: a new word gets the next id and a new code bit of its own (b grows by the new words,
/// <see cref="SaffuConfig.GrownFrom"/> the first grown id), every old id keeps its code over the first bits, and every per-bit
/// weight (the rows of every U, the tag U included) gets a zero row per new bit, so no old word reads a new row;</item>
/// <item>a new intent gets a new output column of O, filled with <see cref="Floor"/> below the smallest weight of O: its logit
/// is at least 200 below every old one (the s-vectors sum to 1 per part), and the label dimension b′ and every U, W and the tag
/// head stay as they are.</item>
/// <item>a word the model knows can be grown again (a re-grown word: a new alias's word that was no anchor word, whose meaning the
/// corrections change): its old entry is renamed (<see cref="Retired"/>) and it gets a new id and bit like a new word, so what
/// the corrections teach it moves nothing that shares its old code bits.</item>
/// </list>
/// Every utterance without a new (or re-grown) word therefore gets bit-identical logits for the old intents and bit-identical tag scores
/// (pinned by ModelGrowthTests). Docs: docs/retraining.md §Growth.
/// </summary>
public static class ModelGrowth
{
    /// <summary>How far below O's smallest weight a new intent's column sits (logit units per part).</summary>
    public const float Floor = 200f;

    public static FloatModel Grow(FloatModel m, IReadOnlyList<string> newWords, IReadOnlyList<string> newIntents, IEnumerable<string>? newAnchors = null)
    {
        SaffuConfig c = m.Config;
        var words = m.Vocabulary.Words.ToList();
        foreach (string word in newWords)
            if (m.Vocabulary.IdOf(word) is int id && id != m.Vocabulary.OovId) words[id] = Retired(word, words);
        words.AddRange(newWords);
        if (words.Count > VocabularyBuilder.MaxVocabulary)
            throw new ArgumentException($"Growing the vocabulary to {words.Count} words; a model holds at most {VocabularyBuilder.MaxVocabulary}.");
        int n = newWords.Count;
        if (c.Bits + n > BitCipher.MaxBits)
            throw new ArgumentException($"Growing the code width to {c.Bits + n} bits for {n} new words; a model holds at most {BitCipher.MaxBits}: retrain in full.");
        int k = newIntents.Count;
        var grownConfig = c with
        {
            IntentCount = c.IntentCount + k,
            Bits = c.Bits + n,
            GrownFrom = n == 0 || c.GrownFrom != 0 ? c.GrownFrom : m.Vocabulary.Count,
        };
        grownConfig.Validate();
        var vocabulary = new WordVocabulary(words, c.MaxWords, c.PrependSod);
        var grown = new FloatModel(grownConfig, vocabulary, m.Intents.Concat(newIntents).ToList(), m.TagLabels, Weights(m.Weights, c, k, n, zeroFill: false))
        {
            Temperature = m.Temperature,
            RejectThreshold = m.RejectThreshold,
            SlotValueNames = m.SlotValueNames,
        };
        if (m.AnchorIds is not null)
            grown.AnchorIds = m.AnchorIds.Concat((newAnchors ?? []).Select(vocabulary.IdOf)
                .Where(id => id != vocabulary.OovId && id != vocabulary.SodId)).ToHashSet();
        return grown;
    }

    /// <summary>
    /// The name a re-grown word's old entry keeps, `&lt;old:WORD&gt;` (`&lt;old2:WORD&gt;` … when taken): no token the tokenizer
    /// makes starts with `&lt;`, so the old id and its rows stay in the model but are never read again.
    /// </summary>
    public static string Retired(string word, IReadOnlyCollection<string> words)
    {
        for (int n = 1; ; n++)
        {
            string prefix = n == 1 ? "<old:" : $"<old{n}:";
            string name = prefix + word + ">";
            while (System.Text.Encoding.UTF8.GetByteCount(name) > Saffu.Runtime.Blob.BlobFormat.MaxWordBytes) name = prefix + (word = word[..^1]) + ">";
            if (!words.Contains(name)) return name;
        }
    }

    /// <summary>Per-weight offsets (e.g. what fine-tuning added to the explicit solution) grown to the grown shapes with 0 in every new entry.</summary>
    /// <param name="k">New intents.</param><param name="n">New words (new code bits).</param>
    public static SaffuWeights Offsets(SaffuWeights d, SaffuConfig c, int k, int n) => Weights(d, c, k, n, zeroFill: true);

    static SaffuWeights Weights(SaffuWeights w, SaffuConfig c, int k, int n, bool zeroFill)
    {
        SaffuWeights grown = w.Clone();
        if (k > 0) grown.O = Columns(w.O, c.Parts * c.LabelDim, c.IntentCount, k, zeroFill ? 0f : (w.O.Length == 0 ? 0 : w.O.Min()) - Floor);
        if (n == 0) return grown;
        grown.BlockU = ZeroRows(grown.BlockU, n * c.LabelDim);
        grown.RadialU = ZeroRows(grown.RadialU, n * c.LabelDim);
        grown.DocumentU = ZeroRows(grown.DocumentU, n * c.LabelDim);
        grown.TagU = grown.TagU.Select(t => ZeroRows(t, n * c.TagCount)!).ToArray();
        return grown;
    }

    /// <summary>
    /// The statistics of a layer grown to the grown model's shape: O gains a zero column per new intent, every U layer a
    /// zero row per new word (its new code bit); the W layers stay.
    /// </summary>
    public static LayerStatistics Statistics(LayerStatistics s, SaffuConfig c, int k, int n = 0)
    {
        int cols = s.Name == StatisticsCounter.IntentO ? s.Cols + k : s.Cols;
        bool perBit = s.Name is StatisticsCounter.BlockU or StatisticsCounter.RadialU or StatisticsCounter.DocumentU
            || s.Name.StartsWith(StatisticsCounter.TagUPrefix, StringComparison.Ordinal);
        int rows = perBit ? s.Rows + n : s.Rows;
        var grown = new LayerStatistics(s.Name, rows, cols) { NormSum = s.NormSum, WeightSum = s.WeightSum, Examples = s.Examples };
        for (int r = 0; r < s.Rows; r++) Array.Copy(s.F, r * s.Cols, grown.F, r * cols, s.Cols);
        return grown;
    }

    /// <summary>m with <paramref name="extra"/> zeros appended (row-major: zero rows at the end).</summary>
    static float[]? ZeroRows(float[]? m, int extra) => m is null ? null : [.. m, .. new float[extra]];

    /// <summary>m (rows × cols) with k more columns holding <paramref name="fill"/>.</summary>
    static float[] Columns(float[] m, int rows, int cols, int k, float fill)
    {
        int width = cols + k;
        var result = new float[rows * width];
        for (int r = 0; r < rows; r++)
        {
            Array.Copy(m, r * cols, result, r * width, cols);
            Array.Fill(result, fill, r * width + cols, k);
        }
        return result;
    }
}
