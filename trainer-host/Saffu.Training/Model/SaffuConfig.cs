namespace Saffu.Training.Model;

/// <summary>
/// The blueprint of a float SAFFU model (docs/saffu-model.md §2): what the forward pass reads.
/// The knobs that only shape training (ε, τ, passes, prefix weight) are in
/// <see cref="Saffu.Training.Solver.SolverOptions"/>.
/// </summary>
public sealed record SaffuConfig
{
    /// <summary>b: bits of the word codes (1..4096, V ≤ 2^b − 1).</summary>
    public required int Bits { get; init; }
    /// <summary>
    /// First vocabulary id whose code is a grown one-hot bit (docs/model-blob.md §1, docs/retraining.md §Growth); 0 = not grown.
    /// Ids below it keep their cipher code over the first b − (V − GrownFrom) bits.
    /// </summary>
    public int GrownFrom { get; init; }
    /// <summary>b′: columns of every U; the number of intents (one-hot label embedding, SAFFU.md §5).</summary>
    public required int LabelDim { get; init; }
    /// <summary>I: intents.</summary>
    public required int IntentCount { get; init; }
    /// <summary>Whether &lt;sod&gt; is pushed before the first word.</summary>
    public bool PrependSod { get; init; }
    /// <summary>Positions per utterance, &lt;sod&gt; included (blob maxWords, 1..255).</summary>
    public int MaxWords { get; init; } = 64;
    /// <summary>B: block size; 0 = no block context.</summary>
    public int BlockSize { get; init; }
    /// <summary>r: radial size; 0 = no radial context.</summary>
    public int RadialSize { get; init; }
    /// <summary>Whether the document context is present.</summary>
    public bool Document { get; init; } = true;
    /// <summary>G: tag labels (0 = no tag head).</summary>
    public int TagCount { get; init; }
    /// <summary>R_T: tag head offsets (1..4 when there is a tag head).</summary>
    public int TagOffsets { get; init; }
    /// <summary>Whether the tag head also reads [s_B; s_R; s_D].</summary>
    public bool TagIncludesIntentParts { get; init; }

    public bool Block => BlockSize > 0;
    public bool Radial => RadialSize > 0;
    public bool TagHead => TagCount > 0;
    /// <summary>Contexts present (rows of O are parts · b′).</summary>
    public int Parts => (Block ? 1 : 0) + (Radial ? 1 : 0) + (Document ? 1 : 0);
    /// <summary>Rows of O_tag: R_T·G (+ parts·b′ with <see cref="TagIncludesIntentParts"/>).</summary>
    public int TagInputs => TagOffsets * TagCount + (TagIncludesIntentParts ? Parts * LabelDim : 0);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field outside the blob's limits.</summary>
    public void Validate()
    {
        Check(Bits is >= 1 and <= 4096, $"bits {Bits}", "1..4096");
        Check(GrownFrom is >= 0 and <= 65535, $"grownFrom {GrownFrom}", "0 (not grown) or a vocabulary id");
        Check(LabelDim is >= 1 and <= 256, $"label dimension {LabelDim}", "1..256");
        Check(IntentCount is >= 2 and <= 255, $"{IntentCount} intents", "2..255");
        Check(MaxWords is >= 1 and <= 255, $"maxWords {MaxWords}", "1..255");
        Check(BlockSize is >= 0 and <= 64, $"block size {BlockSize}", "0 (off) or 1..64");
        Check(RadialSize is >= 0 and <= 64, $"radial size {RadialSize}", "0 (off) or 1..64");
        Check(Parts >= 1, "no context", "at least one of block, radial, document");
        Check(TagCount == 0 || TagCount is >= 2 and <= 64, $"{TagCount} tags", "0 (no tag head) or 2..64");
        Check(TagCount == 0 ? TagOffsets == 0 : TagOffsets is >= 1 and <= 4, $"{TagOffsets} tag offsets", "1..4 with a tag head, 0 without");
    }

    static void Check(bool ok, string found, string expected)
    {
        if (!ok) throw new ArgumentException($"Model config: found {found}; expected {expected}.");
    }
}
