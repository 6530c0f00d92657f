using System.Diagnostics;
using Saffu.Training.Evaluation;
using Saffu.Training.Model;
using Saffu.Training.Export;
using Saffu.Training.Training;

namespace Saffu.Compare;

/// <summary>Trains one SAFFU system with <see cref="Trainer.Train"/>, then evaluates it on test and OOD.</summary>
internal static class SaffuRunner
{
    public const string Timing = "Trainer.Train: vocabulary, encoding, explicit solve, fine-tuning (with its validation checks), temperature and threshold";

    /// <param name="repetitions">Warm fits timed in all: the first one's model is evaluated, the others (the same
    /// deterministic training) are timed only. With more than one, <see cref="FitTimes.UntimedFits"/> untimed fits come first.</param>
    public static SystemResult Run(SaffuSystem system, ComparisonData data, ITrainingObserver observer, int repetitions = 1)
    {
        if (repetitions > 1) FitTimes.Untimed(FitTimes.UntimedFits, () => Trainer.Train(data.Train, data.Valid, system.Options));
        var timer = Stopwatch.StartNew();
        TrainingResult trained = Trainer.Train(data.Train, data.Valid, system.Options, observer);
        var fits = FitTimes.Of(timer.Elapsed.TotalSeconds, repetitions - 1, () =>
        {
            var again = Stopwatch.StartNew();
            Trainer.Train(data.Train, data.Valid, system.Options);
            return again.Elapsed.TotalSeconds;
        });
        FloatModel model = trained.Model;
        TrainingMeasurements m = trained.Measurements;
        var report = Evaluator.Evaluate(new EvaluationRequest(model, data.Test) { Ood = data.Ood });
        double? dev = data.Dev is null ? null : Evaluator.Evaluate(new EvaluationRequest(model, data.Dev)).Accuracy;
        bool fromExplicit = system.Options.Start == StartingPoint.Explicit;
        long parameters = model.Weights.ParameterCount(model.Config);
        return new SystemResult
        {
            Name = system.Name,
            Report = report,
            Fits = fits,
            ValidAccuracy = m.FinalValidAccuracy,
            DevAccuracy = dev,
            Parameters = parameters,
            Bytes = parameters * sizeof(float),
            BytesKind = "float32 weights",
            BlobBytes = BlobExporter.Export(model, new byte[32], null, ExportOptions.Default).Bytes.Length,
            Curve = Curve(trained, fromExplicit),
            ExplicitSeconds = fromExplicit ? m.ExplicitSeconds : null,
            ExplicitValidAccuracy = fromExplicit ? m.ExplicitValidAccuracy : null,
            ExamplesPerSecond = fromExplicit ? m.ExamplesPerSecond : null,
            PrefixExamples = m.PrefixExamples,
            EpochBudget = system.Trains ? system.Options.FineTuning.Epochs : null,
            EpochsRun = trained.FineTuneHistory.Count > 0 ? trained.FineTuneHistory[^1].Epoch : null,
            Timing = Timing,
        };
    }

    /// <summary>
    /// Validation accuracy against the training clock: the explicit solve's seconds, then each
    /// fine-tuning evaluation at the explicit seconds plus the Adam steps' seconds so far (the
    /// fine-tuner's clock runs only during steps, so validation checks are not counted).
    /// </summary>
    static IReadOnlyList<CurvePoint> Curve(TrainingResult trained, bool fromExplicit)
    {
        TrainingMeasurements m = trained.Measurements;
        double start = fromExplicit ? m.ExplicitSeconds : 0;
        if (trained.FineTuneHistory.Count == 0)
            return fromExplicit ? [new CurvePoint(start, m.ExplicitValidAccuracy, 0)] : [];
        return trained.FineTuneHistory.Select(e => new CurvePoint(start + e.Seconds, e.ValidAccuracy, e.Epoch)).ToList();
    }
}
