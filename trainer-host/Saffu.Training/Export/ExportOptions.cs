using Saffu.Training.Quantization;

namespace Saffu.Training.Export;

/// <summary>The tensor groups whose element width `saffu export` sets separately (docs/quantization.md).</summary>
public enum TensorGroup
{
    /// <summary>Attention matrices W_B, W_R (input Q15 comparisons).</summary>
    W,
    /// <summary>Context value matrices U_B, U_R, U_D (input: bit-cipher codes).</summary>
    U,
    /// <summary>The intent head O (divided by the temperature).</summary>
    O,
    /// <summary>The tag head's per-offset units U_T0..U_T(R_T−1).</summary>
    TagU,
    /// <summary>The tag head's output O_tag.</summary>
    TagO,
}

/// <summary>Element bits (8 or 16) of each tensor group.</summary>
public sealed record TensorBits(int W = 16, int U = 16, int O = 16, int TagU = 8, int TagO = 16)
{
    public int Of(TensorGroup group) => group switch
    {
        TensorGroup.W => W,
        TensorGroup.U => U,
        TensorGroup.O => O,
        TensorGroup.TagU => TagU,
        _ => TagO,
    };
}

/// <summary>
/// How `saffu export` turns a float model into blob v1 (docs/cli.md, docs/quantization.md):
/// element bits per tensor group, scale granularity, the early-decision rule and the identity fields.
/// </summary>
public sealed record ExportOptions
{
    /// <summary>Early decisions fire at this calibrated confidence (0..1); null = never (blob 0xFFFF).</summary>
    public const double DefaultEarlyThreshold = 0.9;
    public const int DefaultEarlyMinWords = 2;

    public TensorBits Bits { get; init; } = new();
    /// <summary>Weight bits (8 or 16) of the co-occurrence word vectors (docs/model-blob.md §17); unused without them.</summary>
    public int VectorBits { get; init; } = 16;
    /// <summary>
    /// Rank R of a model trained with --u-rank: every context U is written as A (b × R) · B (R × b′) in the FactoredTensors
    /// section (docs/model-blob.md §14). 0 (or R ≥ b′, or a model with co-occurrence vectors) = dense U.
    /// </summary>
    public int URank { get; init; }
    /// <summary>One scale per column (true) or one per tensor.</summary>
    public bool PerColumn { get; init; } = true;
    public double? EarlyThreshold { get; init; } = DefaultEarlyThreshold;
    /// <summary>Words (not counting &lt;sod&gt;) before an early decision may fire, 1..255.</summary>
    public int EarlyMinWords { get; init; } = DefaultEarlyMinWords;
    /// <summary>Identity createdUnixSeconds: SOURCE_DATE_EPOCH, or 0 = not recorded.</summary>
    public long CreatedUnixSeconds { get; init; }
    /// <summary>Content hash of the model this one was retrained from (32 bytes), or null = none.</summary>
    public byte[]? ParentHash { get; init; }
    public string Trainer { get; init; } = Training.ModelFolder.TrainerName;

    public static readonly ExportOptions Default = new();

    public QuantizationOptions Quantization(TensorGroup group) => new(Bits.Of(group), PerColumn);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first value out of range and the valid ones.</summary>
    public void Validate()
    {
        foreach (TensorGroup g in Enum.GetValues<TensorGroup>())
            if (Bits.Of(g) is not (8 or 16))
                throw new ArgumentException($"The bits of tensor group {g} ({Bits.Of(g)}) are invalid. Available options are: 8, 16.");
        if (VectorBits is not (8 or 16))
            throw new ArgumentException($"The word vector bits ({VectorBits}) are invalid. Available options are: 8, 16.");
        if (URank is < 0 or > 255)
            throw new ArgumentException($"The U rank {URank} is invalid; expected 0 (dense) or 1..255.");
        if (EarlyThreshold is { } early && !(early is >= 0 and <= 1))
            throw new ArgumentException($"The early threshold {early} is invalid; expected a probability 0..1 (or none).");
        if (EarlyMinWords is < 1 or > 255)
            throw new ArgumentException($"The early minimum words {EarlyMinWords} is invalid; expected 1..255.");
        if (ParentHash is { Length: not 32 })
            throw new ArgumentException($"The parent hash has {ParentHash.Length} bytes; expected 32 (SHA-256).");
        if (CreatedUnixSeconds < 0)
            throw new ArgumentException($"The creation time {CreatedUnixSeconds} is invalid; expected seconds ≥ 0.");
    }
}
