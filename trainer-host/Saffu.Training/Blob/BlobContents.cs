using Saffu.Training.Quantization;

namespace Saffu.Training.Blob;

/// <summary>Everything a blob v1 holds, already quantized (docs/model-blob.md). Ids are vocabulary ranks.</summary>
public sealed record BlobContents
{
    public required IReadOnlyList<string> Vocabulary { get; init; }
    public required int Bits { get; init; }
    /// <summary>First id with a one-hot grown code bit (docs/model-blob.md §1); 0 = not grown.</summary>
    public int GrownFrom { get; init; }
    public required bool PrependSod { get; init; }
    public required int OovId { get; init; }
    /// <summary>-1 when the vocabulary has no &lt;sod&gt;.</summary>
    public int SodId { get; init; } = -1;
    /// <summary>-1 when the vocabulary has no &lt;num&gt;.</summary>
    public int NumId { get; init; } = -1;
    public required int LabelDim { get; init; }
    public required IReadOnlyList<string> Intents { get; init; }
    public required int MaxWords { get; init; }
    public int BlockSize { get; init; }
    public int RadialSize { get; init; }
    /// <summary>W_B (B×B) and U_B (b×b′), or null when the model has no block context.</summary>
    public (QuantizedTensor W, QuantizedTensor U)? Block { get; init; }
    public (QuantizedTensor W, QuantizedTensor U)? Radial { get; init; }
    public QuantizedTensor? DocumentU { get; init; }
    /// <summary>
    /// The context U as factors (docs/model-blob.md §14), or null = dense. When set, the writer leaves the U records out of the
    /// context sections (Block and Radial hold W only, DocumentContext is empty) and writes the FactoredTensors section.
    /// </summary>
    public FactoredContents? Factored { get; init; }
    /// <summary>O ((parts·b′) × I), already divided by the calibration temperature.</summary>
    public required QuantizedTensor IntentO { get; init; }
    public TagHeadContents? TagHead { get; init; }
    public required DecisionContents Decision { get; init; }
    public required IdentityContents Identity { get; init; }
    /// <summary>Further sections (e.g. the action map) written before Identity, in this order.</summary>
    public IReadOnlyList<ExtraSection> Extra { get; init; } = [];

    public int Parts => (Block is null ? 0 : 1) + (Radial is null ? 0 : 1) + (DocumentU is null ? 0 : 1);
}

public sealed record TagHeadContents(IReadOnlyList<string> Labels, bool IncludeIntentParts, IReadOnlyList<QuantizedTensor> U, QuantizedTensor O);

/// <param name="NoneIntent">Index of &lt;none&gt;, or -1.</param>
/// <param name="RejectThresholdQ15">0..32768.</param>
/// <param name="EarlyThresholdQ15">0..32768, or -1 for no early decisions.</param>
/// <param name="TemperatureQ16">Informational: already divided into O.</param>
public sealed record DecisionContents(int NoneIntent, int RejectThresholdQ15, int EarlyThresholdQ15, int EarlyMinWords, int TemperatureQ16);

/// <param name="ParentHash">32 bytes, or null for none.</param>
/// <param name="DataHash">SHA-256 of the training data as read.</param>
/// <param name="CreatedUnixSeconds">SOURCE_DATE_EPOCH, or 0 when not recorded.</param>
public sealed record IdentityContents(byte[]? ParentHash, byte[] DataHash, long CreatedUnixSeconds, string Trainer);

public sealed record ExtraSection(ushort Kind, bool Required, byte[] Bytes);
