using Saffu.Runtime.Model;
using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Retraining;

/// <summary>What growth added to a model: words (new ids at the end), intents (new output columns at the end), aliases.</summary>
public sealed record Growth(IReadOnlyList<string> NewWords, IReadOnlyList<string> NewIntents, IReadOnlyList<NewAlias> NewAliases)
{
    public static readonly Growth Nothing = new([], [], []);
    public bool IsEmpty => NewWords.Count == 0 && NewIntents.Count == 0 && NewAliases.Count == 0;
}

/// <summary>
/// Function-preserving growth (SAFFU.md §9; Gesmundo &amp; Maile, seed 002) of a float SAFFU model, before any re-solve:
/// <list type="bullet">
/// <item>a new word gets the next id, so the next free bit-cipher pattern (ids are ranks; every old id keeps its code), and
/// no weight changes: U rows are bits, not words;</item>
/// <item>a new intent gets a new column in every U (so a new label dimension) and in O, filled with <see cref="Floor"/>
/// below the smallest weight of the matrix, and new zero rows in O and O_tag for the new s-entries: softmax sends the new
/// s-entry to exactly 0 in float (exp(−200) underflows), so the old logits are computed from the same numbers, and the new
/// logit sits at least 200 below every old one.</item>
/// </list>
/// Every utterance without a new word therefore gets bit-identical logits for the old intents and tag scores
/// (pinned by ModelGrowthTests). Docs: docs/retraining.md §Growth.
/// </summary>
public static class ModelGrowth
{
    /// <summary>How far below the matrix's smallest weight a new intent's column starts (logit units).</summary>
    public const float Floor = 200f;

    public static FloatModel Grow(FloatModel m, IReadOnlyList<string> newWords, IReadOnlyList<string> newIntents, IEnumerable<string>? newAnchors = null)
    {
        SaffuConfig c = m.Config;
        var words = m.Vocabulary.Words.Concat(newWords).ToList();
        if (words.Count > VocabularyBuilder.MaxVocabulary)
            throw new ArgumentException($"Growing the vocabulary to {words.Count} words; a model holds at most {VocabularyBuilder.MaxVocabulary}.");
        if (BitCipher.MaxPopcount(words.Count, c.Bits) == 0)
            throw new ArgumentException($"{words.Count} words do not fit the model's {c.Bits} code bits (at most 2^b − 1): growing b would change every code; retrain in full.");
        int k = newIntents.Count;
        var grownConfig = c with { IntentCount = c.IntentCount + k, LabelDim = c.LabelDim + k };
        grownConfig.Validate();
        var vocabulary = new WordVocabulary(words, c.MaxWords, c.PrependSod);
        var grown = new FloatModel(grownConfig, vocabulary, m.Intents.Concat(newIntents).ToList(), m.TagLabels, Weights(m.Weights, c, k))
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

    /// <summary>Per-weight offsets (e.g. what fine-tuning added to the explicit solution) grown to the grown shapes with 0 in every new entry.</summary>
    public static SaffuWeights Offsets(SaffuWeights d, SaffuConfig c, int k) => Weights(d, c, k, zeroFill: true);

    static SaffuWeights Weights(SaffuWeights w, SaffuConfig c, int k, bool zeroFill = false)
    {
        if (k == 0) return w.Clone();
        int l = c.LabelDim;
        return new SaffuWeights
        {
            BlockW = (float[]?)w.BlockW?.Clone(),
            RadialW = (float[]?)w.RadialW?.Clone(),
            BlockU = w.BlockU is null ? null : Columns(w.BlockU, c.Bits, l, k, zeroFill),
            RadialU = w.RadialU is null ? null : Columns(w.RadialU, c.Bits, l, k, zeroFill),
            DocumentU = w.DocumentU is null ? null : Columns(w.DocumentU, c.Bits, l, k, zeroFill),
            O = Matrix(w.O, c.Parts * l, c.IntentCount, PartRows(c, k), c.Parts * (l + k), k, zeroFill ? 0f : Min(w.O) - Floor, 0f),
            TagU = w.TagU.Select(t => (float[])t.Clone()).ToArray(),
            TagO = w.TagO is null ? null : Matrix(w.TagO, c.TagInputs, c.TagCount, TagRows(c, k), c.TagInputs + (c.TagIncludesIntentParts ? c.Parts * k : 0), 0, 0f, 0f),
        };
    }

    static float[] Columns(float[] u, int rows, int cols, int k, bool zeroFill) => Matrix(u, rows, cols, r => r, rows, k, zeroFill ? 0f : Min(u) - Floor, 0f);

    /// <summary>The statistics of a layer grown to the grown model's shape: zero for every new row and column.</summary>
    public static LayerStatistics Statistics(LayerStatistics s, SaffuConfig c, int k)
    {
        if (k == 0) return Copy(s, s.Rows, s.Cols, r => r, 0);
        string name = s.Name;
        if (name is StatisticsCounter.IntentO) return Copy(s, c.Parts * (c.LabelDim + k), s.Cols + k, PartRows(c, k), k);
        if (name is StatisticsCounter.TagO) return Copy(s, s.Rows + (c.TagIncludesIntentParts ? c.Parts * k : 0), s.Cols, TagRows(c, k), 0);
        if (name is StatisticsCounter.BlockU or StatisticsCounter.RadialU or StatisticsCounter.DocumentU) return Copy(s, s.Rows, s.Cols + k, r => r, k);
        return Copy(s, s.Rows, s.Cols, r => r, 0);
    }

    static LayerStatistics Copy(LayerStatistics s, int rows, int cols, Func<int, int> rowMap, int k)
    {
        var grown = new LayerStatistics(s.Name, rows, cols) { NormSum = s.NormSum, WeightSum = s.WeightSum, Examples = s.Examples };
        for (int r = 0; r < s.Rows; r++)
            Array.Copy(s.F, r * s.Cols, grown.F, rowMap(r) * cols, s.Cols);
        return grown;
    }

    /// <summary>Old row r of O (part p, label j) → part p, label j of the grown label dimension.</summary>
    static Func<int, int> PartRows(SaffuConfig c, int k) => r => r / c.LabelDim * (c.LabelDim + k) + r % c.LabelDim;

    /// <summary>O_tag rows: the tag parts q stay; the intent parts map as O's rows do.</summary>
    static Func<int, int> TagRows(SaffuConfig c, int k)
    {
        int q = c.TagOffsets * c.TagCount;
        return r => r < q ? r : q + PartRows(c, k)(r - q);
    }

    /// <summary>Copies m (rows × cols) into a (newRows × (cols + k)) matrix: old row r → rowMap(r); new columns newColumn, new rows newRow.</summary>
    static float[] Matrix(float[] m, int rows, int cols, Func<int, int> rowMap, int newRows, int k, float newColumn, float newRow)
    {
        int width = cols + k;
        var result = new float[newRows * width];
        var isOld = new bool[newRows];
        for (int r = 0; r < rows; r++)
        {
            int to = rowMap(r);
            isOld[to] = true;
            Array.Copy(m, r * cols, result, to * width, cols);
            for (int j = cols; j < width; j++) result[to * width + j] = newColumn;
        }
        for (int r = 0; r < newRows; r++)
            if (!isOld[r]) for (int j = 0; j < width; j++) result[r * width + j] = j < cols ? newRow : newColumn;
        return result;
    }

    static float Min(float[] m) => m.Length == 0 ? 0 : m.Min();
}
