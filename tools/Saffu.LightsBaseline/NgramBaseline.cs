using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Saffu.Compare;
using Saffu.Training.Corpus;

namespace Saffu.LightsBaseline;

/// <summary>
/// One trained baseline: MapValueToKey(Label) → FeaturizeText (the variant's n-grams) → cache checkpoint →
/// SdcaMaximumEntropy or LbfgsMaximumEntropy (defaults), the pipeline of tools/Saffu.Compare's ML.NET system with the featurizer made explicit.
/// Training time is the wall clock of Fit over the in-memory rows.
/// </summary>
internal sealed class NgramBaseline
{
    readonly MLContext ml;
    readonly ITransformer model;

    NgramBaseline(NgramVariant variant, MLContext ml, ITransformer model, double seconds, DataViewSchema inputSchema)
    {
        Variant = variant;
        this.ml = ml;
        this.model = model;
        Seconds = seconds;
        var output = model.GetOutputSchema(inputSchema);
        VBuffer<ReadOnlyMemory<char>> keys = default, slots = default;
        output[nameof(TextRow.Label)].GetKeyValues(ref keys);
        Intents = keys.DenseValues().Select(k => k.ToString()).ToArray();
        output["Features"].GetSlotNames(ref slots);
        FeatureNames = slots.DenseValues().Select(s => s.ToString()).ToArray();
        var linear = ((TransformerChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>)model).LastTransformer.Model;
        VBuffer<float>[] weights = [];
        linear.GetWeights(ref weights, out int classes);
        Weights = weights.Take(classes).Select(w => w.DenseValues().ToArray()).ToArray();
        Biases = linear.GetBiases().ToArray();
        Bytes = SavedBytes(inputSchema);
    }

    public NgramVariant Variant { get; }
    public double Seconds { get; }
    /// <summary>Intent of each score slot (label key order).</summary>
    public string[] Intents { get; }
    /// <summary>Name of each feature slot (word n-grams joined by '|', char n-grams marked by FeaturizeText).</summary>
    public string[] FeatureNames { get; }
    /// <summary>Weights[class][feature] of the linear model.</summary>
    public float[][] Weights { get; }
    public float[] Biases { get; }
    /// <summary>Size of the model as ML.NET saves it (a zip).</summary>
    public long Bytes { get; }
    public long NonZeroWeights => Weights.Sum(w => (long)w.Count(x => x != 0)) + Biases.Count(x => x != 0);

    public static NgramBaseline Train(NgramVariant variant, IReadOnlyList<Utterance> train, int seed, string trainer)
    {
        var ml = new MLContext(seed);
        IDataView view = View(ml, train.Select(u => (u.Text, u.Intent ?? "")));
        var timer = Stopwatch.StartNew();
        ITransformer model = Pipeline(ml, variant, trainer).Fit(view);
        double seconds = timer.Elapsed.TotalSeconds;
        return new NgramBaseline(variant, ml, model, seconds, view.Schema);
    }

    /// <summary>Fits the pipeline once, untimed (the JIT's first compilation stays out of the timed fits).</summary>
    public static void WarmUp(NgramVariant variant, IReadOnlyList<Utterance> slice, int seed, string trainer)
    {
        var ml = new MLContext(seed);
        Pipeline(ml, variant, trainer).Fit(View(ml, slice.Select(u => (u.Text, u.Intent ?? ""))));
    }

    static IEstimator<ITransformer> Pipeline(MLContext ml, NgramVariant variant, string trainer)
    {
        var features = ml.Transforms.Conversion.MapValueToKey(nameof(TextRow.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", variant.FeaturizerOptions(), nameof(TextRow.Text)))
            .AppendCacheCheckpoint(ml);
        return trainer == "lbfgs" ? features.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy())
            : features.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
    }

    static IDataView View(MLContext ml, IEnumerable<(string Text, string Label)> rows) =>
        ml.Data.LoadFromEnumerable(rows.Select(r => new TextRow { Text = r.Text, Label = r.Label }).ToList());

    /// <summary>Each text's probabilities (label key order) and featurized vector, in one batch transform.</summary>
    public List<FeaturizedScoreRow> Score(IEnumerable<string> texts) =>
        ml.Data.CreateEnumerable<FeaturizedScoreRow>(model.Transform(View(ml, texts.Select(t => (t, "")))), reuseRowObject: false).ToList();

    /// <summary>The top intent of each text (the largest probability; ties go to the first key).</summary>
    public string[] TopIntents(IEnumerable<string> texts) => Score(texts).Select(r => Intents[ArgMax(r.Score)]).ToArray();

    public static int ArgMax(IReadOnlyList<float> values)
    {
        int best = 0;
        for (int i = 1; i < values.Count; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    long SavedBytes(DataViewSchema schema)
    {
        string path = Path.Combine(Path.GetTempPath(), $"saffu-lights-baseline-{Guid.NewGuid():N}.zip");
        try
        {
            ml.Model.Save(model, schema, path);
            return new FileInfo(path).Length;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
