using Saffu.Training.Blob;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Model;
using Saffu.Training.Quantization;

namespace Saffu.Training.Export;

/// <summary>One quantized tensor: where it went and what quantization cost.</summary>
/// <param name="Clipped">Values beyond what the runtime's shift range lets the scale hold (docs/saffu-model.md §4), set to ±qmax.</param>
/// <param name="MaxAbsError">Largest |dequantized − float| (O: after dividing by the temperature).</param>
public sealed record TensorReport(string Name, TensorGroup Group, int Rows, int Cols, int Bits, bool PerColumn, int RecordBytes,
    int Clipped, double MaxAbs, double MaxAbsError);

/// <summary>What <see cref="BlobExporter.Export"/> made: the blob's bytes, its contents and the quantization report.</summary>
public sealed record ExportResult(byte[] Bytes, BlobContents Contents, IReadOnlyList<TensorReport> Tensors, BlobLayout Layout)
{
    /// <summary>Values clipped in all tensors.</summary>
    public int Clipped => Tensors.Sum(t => t.Clipped);

    /// <summary>The ActionMap section's extra, null when the model has no home.</summary>
    public ExtraSection? ActionMap => Contents.Extra.FirstOrDefault(e => e.Kind == ActionMapSection.Kind);
}

/// <summary>
/// Turns a float SAFFU model into blob v1 (docs/model-blob.md): every tensor quantized with the
/// group's bits and the runtime's minimum exponent, O divided by the calibration temperature, the
/// decision settings in Q15, the action map when the model has a home, and the identity.
/// The same model and options always give the same bytes.
/// </summary>
public static class BlobExporter
{
    /// <param name="dataHash">SHA-256 of the training data (the model folder's trainSha256).</param>
    /// <param name="home">The home the model was trained for: its action map is written; null = no action map.</param>
    /// <exception cref="ActionMapException">The home cannot be encoded with this model's vocabulary.</exception>
    /// <param name="lineage">A retrained model's lineage: the Identity's parentHash and the Lineage section (docs/model-blob.md §13).</param>
    public static ExportResult Export(FloatModel model, byte[] dataHash, HomeDescription? home, ExportOptions options,
        Training.ModelLineage? lineage = null)
    {
        options.Validate();
        if (dataHash.Length != 32) throw new ArgumentException($"The data hash has {dataHash.Length} bytes; expected 32 (SHA-256).", nameof(dataHash));
        var reports = new List<TensorReport>();
        var q = Quantize(model, options, reports);
        SaffuConfig c = model.Config;
        FactoredContents? factored = Factored(model, options, reports);
        var contents = new BlobContents
        {
            Vocabulary = model.Vocabulary.Words,
            Bits = c.Bits,
            GrownFrom = c.GrownFrom,
            PrependSod = c.PrependSod,
            OovId = model.Vocabulary.OovId,
            SodId = model.Vocabulary.SodId,
            NumId = model.Vocabulary.NumId,
            LabelDim = c.LabelDim,
            Intents = model.Intents,
            MaxWords = c.MaxWords,
            BlockSize = c.BlockSize,
            RadialSize = c.RadialSize,
            Block = c.Block ? (q["block.W"], q["block.U"]) : null,
            Radial = c.Radial ? (q["radial.W"], q["radial.U"]) : null,
            DocumentU = c.Document ? q["document.U"] : null,
            Factored = factored,
            IntentO = q["intent.O"],
            TagHead = c.TagHead
                ? new TagHeadContents(model.TagLabels, c.TagIncludesIntentParts, Enumerable.Range(0, c.TagOffsets).Select(j => q[$"tag.U{j}"]).ToArray(), q["tag.O"])
                : null,
            Decision = new DecisionContents(model.NoneIntent, FixedPointSettings.ProbabilityQ15(model.RejectThreshold),
                options.EarlyThreshold is { } early ? FixedPointSettings.ProbabilityQ15(early) : -1, options.EarlyMinWords,
                FixedPointSettings.TemperatureQ16(model.Temperature)),
            Identity = new IdentityContents(lineage?.ParentHash ?? options.ParentHash, dataHash, options.CreatedUnixSeconds, options.Trainer),
            Extra = ExtraSections(model, home, lineage, options),
        };
        byte[] bytes = ModelBlobWriter.Write(contents);
        return new ExportResult(bytes, contents, reports, BlobLayout.Read(bytes));
    }

    /// <summary>
    /// The lineage (a retrained model), the anchor words (a model that has them), the action map (a model for a home) and
    /// the co-occurrence word vectors (a model trained with them), in that order.
    /// </summary>
    private static IReadOnlyList<ExtraSection> ExtraSections(FloatModel model, HomeDescription? home, Training.ModelLineage? lineage,
        ExportOptions options)
    {
        var extra = new List<ExtraSection>();
        if (lineage is not null) extra.Add(LineageSection.Extra(lineage));
        if (model.AnchorIds is { } anchors) extra.Add(AnchorSection.Extra(model.Vocabulary.Count, anchors, model.Vocabulary.SodId));
        if (home is not null) extra.Add(ActionMapSection.Extra(home, CommandGrammar.Shipped, model.Vocabulary.Words, model.Intents));
        if (model.Codes.Cooccurrence is not null)
        {
            var (offsets, bits, weights) = model.Codes.StoredVectors();
            extra.Add(WordVectorSection.Extra(offsets, bits, weights, options.VectorBits));
        }
        return extra;
    }

    /// <summary>
    /// Every context U as quantized factors A·B (docs/model-blob.md §14) when the options name a rank below b′ and the model has
    /// bit-cipher codes; null otherwise (dense). The dense U reports are replaced by one report per factor.
    /// </summary>
    private static FactoredContents? Factored(FloatModel model, ExportOptions options, List<TensorReport> reports)
    {
        SaffuConfig c = model.Config;
        if (options.URank < 1 || options.URank >= c.LabelDim || model.Codes.Cooccurrence is not null) return null;
        var factors = new List<(QuantizedTensor A, QuantizedTensor B)>();
        foreach (var (name, rows, cols, data) in model.Weights.Tensors(c))
        {
            if (name is not ("block.U" or "radial.U" or "document.U")) continue;
            var (a, b) = Solver.LowRank.Factor(data, rows, cols, options.URank);
            var (qa, qb) = FactoredTensorSection.Quantize(a, b, rows, cols, options.URank, options.Quantization(TensorGroup.U), out int clipped);
            factors.Add((qa, qb));
            reports.RemoveAll(r => r.Name == name);
            reports.Add(new TensorReport(name + ".A", TensorGroup.U, rows, options.URank, qa.Bits, qa.PerColumn, qa.RecordBytes, clipped, MaxAbs(a), MaxError(a, qa)));
            reports.Add(new TensorReport(name + ".B", TensorGroup.U, options.URank, cols, qb.Bits, qb.PerColumn, qb.RecordBytes, 0, MaxAbs(b), MaxError(b, qb)));
        }
        return new FactoredContents(options.URank, factors);
    }

    /// <summary>The group of a weights tensor (docs/model-dir.md names) and the smallest exponent the runtime accepts for it.</summary>
    public static (TensorGroup Group, int MinExponent) GroupOf(string name) => name switch
    {
        "block.W" or "radial.W" => (TensorGroup.W, 1),
        "block.U" or "radial.U" or "document.U" => (TensorGroup.U, 16),
        "intent.O" => (TensorGroup.O, 1),
        "tag.O" => (TensorGroup.TagO, 1),
        _ when name.StartsWith("tag.U", StringComparison.Ordinal) => (TensorGroup.TagU, 16),
        _ => throw new ArgumentException($"Unknown weights tensor \"{name}\"."),
    };

    private static Dictionary<string, QuantizedTensor> Quantize(FloatModel model, ExportOptions options, List<TensorReport> reports)
    {
        var result = new Dictionary<string, QuantizedTensor>(StringComparer.Ordinal);
        foreach (var (name, rows, cols, data) in model.Weights.Tensors(model.Config))
        {
            var (group, minExponent) = GroupOf(name);
            float[] values = name == "intent.O" ? Divide(data, model.Temperature) : data;
            QuantizedTensor t = TensorQuantizer.Quantize(values, rows, cols, options.Quantization(group), minExponent, out int clipped);
            result[name] = t;
            reports.Add(new TensorReport(name, group, rows, cols, t.Bits, t.PerColumn, t.RecordBytes, clipped, MaxAbs(values), MaxError(values, t)));
        }
        return result;
    }

    private static float[] Divide(float[] data, double temperature) => data.Select(v => (float)(v / temperature)).ToArray();

    private static double MaxAbs(float[] values) => values.Length == 0 ? 0 : values.Max(v => Math.Abs((double)v));

    private static double MaxError(float[] values, QuantizedTensor t)
    {
        double max = 0;
        for (int i = 0; i < t.Rows; i++)
            for (int j = 0; j < t.Cols; j++)
                max = Math.Max(max, Math.Abs(t.Dequantize(i, j) - values[i * t.Cols + j]));
        return max;
    }
}
