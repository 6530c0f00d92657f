using System.Diagnostics;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;

namespace Saffu.Compare;

/// <summary>
/// What a .NET user would pick today: MapValueToKey on the label, FeaturizeText with its defaults,
/// a cache checkpoint, SdcaMaximumEntropy with its defaults. Training time is the wall clock of
/// Fit over the in-memory rows; the reject threshold is chosen on the validation split's maximum
/// class probabilities with the same rule as SAFFU (<see cref="RejectionThreshold.Choose"/>).
/// </summary>
internal static class MlNetBaseline
{
    public const string Name = "ML.NET FeaturizeText + SdcaMaximumEntropy";
    public const string Timing = "pipeline.Fit over in-memory rows: label keys, text featurizer, cache, SDCA";

    /// <param name="repetitions">Fits timed in all: the first one's model is evaluated, the others (each in a fresh
    /// MLContext with the same seed) are timed only. With more than one, <see cref="FitTimes.UntimedFits"/> untimed fits
    /// (each in a fresh MLContext) come first.</param>
    public static SystemResult Run(ComparisonData data, int seed, double maxFalseRejection, int repetitions = 1)
    {
        if (repetitions > 1) FitTimes.Untimed(FitTimes.UntimedFits, () => Fit(new MLContext(seed), data.Train));
        var ml = new MLContext(seed);
        var (model, seconds) = Fit(ml, data.Train);
        var fits = FitTimes.Of(seconds, repetitions - 1, () => Fit(new MLContext(seed), data.Train).Seconds);
        IDataView trainView = View(ml, data.Train);
        using var scorer = new MlNetScorer(ml, model, IntentNames(model, trainView));
        var valid = UtteranceScoring.ScoreAll(scorer, data.Valid.Select(u => u.Text).ToArray(), Evaluator.Labels(scorer, data.Valid));
        scorer.RejectThreshold = RejectionThreshold.Choose(valid.Select(u => u.Confidence).ToArray(), maxFalseRejection);
        double validAccuracy = valid.Count(u => u.ClosedTop == u.Label) / (double)valid.Length;
        var report = Evaluator.Evaluate(new EvaluationRequest(scorer, data.Test) { Ood = data.Ood });
        double? dev = data.Dev is null ? null : Evaluator.Evaluate(new EvaluationRequest(scorer, data.Dev)).Accuracy;
        var parameters = ParameterCount(model);
        return new SystemResult
        {
            Name = Name,
            Report = report,
            Fits = fits,
            ValidAccuracy = validAccuracy,
            DevAccuracy = dev,
            Parameters = parameters.Dense,
            NonZeroParameters = parameters.NonZero,
            Bytes = SavedBytes(ml, model, trainView.Schema),
            BytesKind = "saved model zip",
            Curve = [new CurvePoint(seconds, validAccuracy, 0)],
            Timing = Timing,
        };
    }

    /// <summary>Fits the pipeline; returns it and the wall-clock seconds of Fit.</summary>
    public static (ITransformer Model, double Seconds) Fit(MLContext ml, IReadOnlyList<Utterance> train)
    {
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(TextRow.Label))
            .Append(ml.Transforms.Text.FeaturizeText("Features", nameof(TextRow.Text)))
            .AppendCacheCheckpoint(ml)
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy());
        IDataView view = View(ml, train);
        var timer = Stopwatch.StartNew();
        ITransformer model = pipeline.Fit(view);
        return (model, timer.Elapsed.TotalSeconds);
    }

    static IDataView View(MLContext ml, IReadOnlyList<Utterance> utterances) =>
        ml.Data.LoadFromEnumerable(utterances.Select(u => new TextRow { Text = u.Text, Label = u.Intent ?? "" }).ToList());

    /// <summary>The label key values: the intent of each score slot, in key order.</summary>
    static string[] IntentNames(ITransformer model, IDataView train)
    {
        VBuffer<ReadOnlyMemory<char>> keys = default;
        model.GetOutputSchema(train.Schema)[nameof(TextRow.Label)].GetKeyValues(ref keys);
        return keys.DenseValues().Select(k => k.ToString()).ToArray();
    }

    /// <summary>Weights (classes × features) and biases of the linear model: all of them, and those that are not zero.</summary>
    static (long Dense, long NonZero) ParameterCount(ITransformer model)
    {
        var linear = ((TransformerChain<MulticlassPredictionTransformer<MaximumEntropyModelParameters>>)model).LastTransformer.Model;
        VBuffer<float>[] weights = [];
        linear.GetWeights(ref weights, out int classes);
        var biases = linear.GetBiases().ToArray();
        var rows = weights.Take(classes).ToArray();
        long dense = rows.Sum(w => (long)w.Length) + biases.Length;
        long nonZero = rows.Sum(w => (long)w.GetValues().ToArray().Count(x => x != 0)) + biases.Count(x => x != 0);
        return (dense, nonZero);
    }

    /// <summary>Size of the model as ML.NET saves it (a zip), written to a temporary file and removed.</summary>
    static long SavedBytes(MLContext ml, ITransformer model, DataViewSchema schema)
    {
        string path = Path.Combine(Path.GetTempPath(), $"saffu-compare-{Guid.NewGuid():N}.zip");
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
