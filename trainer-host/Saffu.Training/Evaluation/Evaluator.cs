using Saffu.Training.Corpus;
using Saffu.Training.Model;

namespace Saffu.Training.Evaluation;

/// <summary>What to evaluate: a scorer on labelled test utterances, optionally out-of-domain ones and a reference scorer.</summary>
public sealed record EvaluationRequest(IIntentScorer Scorer, IReadOnlyList<Utterance> Test)
{
    /// <summary>Out-of-domain utterances (their labels are ignored).</summary>
    public IReadOnlyList<Utterance>? Ood { get; init; }

    /// <summary>A scorer to compare with (the float model when <see cref="Scorer"/> is its quantized blob): gives `agreement`.</summary>
    public IIntentScorer? Reference { get; init; }

    /// <summary>Called once per scored utterance (test, out-of-domain and reference), from worker threads.</summary>
    public Action? OnScored { get; init; }

    public CancellationToken Cancel { get; init; }

    /// <summary>Utterances to score in all: what a progress bar counts to.</summary>
    public int ScoringCount => Test.Count * (Reference is null ? 1 : 2) + (Ood?.Count ?? 0);
}

/// <summary>
/// Evaluates an intent scorer: scoring (<see cref="UtteranceScoring"/>, parallel and deterministic)
/// then the metrics of <see cref="EvaluationReport"/>, each computed from the scored utterances.
/// </summary>
public static class Evaluator
{
    /// <exception cref="DatasetException">A test label that is not one of the model's intents (or is its none class).</exception>
    public static EvaluationReport Evaluate(EvaluationRequest request)
    {
        var scorer = request.Scorer;
        var settings = ModelSettings.Of(scorer);
        int[] labels = Labels(scorer, request.Test);
        string[] testTexts = request.Test.Select(u => u.Text).ToArray();
        var test = UtteranceScoring.ScoreAll(scorer, testTexts, labels, request.OnScored, request.Cancel);
        ScoredUtterance[]? ood = request.Ood is null ? null
            : UtteranceScoring.ScoreAll(scorer, request.Ood.Select(u => u.Text).ToArray(), Enumerable.Repeat(-1, request.Ood.Count).ToArray(),
                request.OnScored, request.Cancel);
        ScoredUtterance[]? reference = null;
        if (request.Reference is { } r)
        {
            CheckSameIntents(scorer, r);
            reference = UtteranceScoring.ScoreAll(r, testTexts, labels, request.OnScored, request.Cancel);
        }
        return Report(settings, request.Test, test, ood, reference);
    }

    /// <summary>
    /// The report from utterances already scored (by <see cref="UtteranceScoring"/> or by another
    /// scorer that fills <see cref="ScoredUtterance"/> itself, e.g. with the device's own probabilities).
    /// </summary>
    public static EvaluationReport Report(ModelSettings model, IReadOnlyList<Utterance> testUtterances, IReadOnlyList<ScoredUtterance> test,
        IReadOnlyList<ScoredUtterance>? ood = null, IReadOnlyList<ScoredUtterance>? reference = null)
    {
        if (test.Count == 0) throw new ArgumentException("No test utterances to evaluate.", nameof(test));
        model.Check();
        var closed = ClosedSet(model);
        var metrics = ClassificationMetrics.Compute(closed.Names,
            test.Select(u => closed.IndexOf(u.Label)).ToArray(), test.Select(u => closed.IndexOf(u.ClosedTop)).ToArray());
        var (bins, ece) = ReliabilityDiagram.Measure(test.Select(u => u.ClosedConfidence).ToArray(),
            test.Select(u => u.ClosedTop == u.Label).ToArray());
        var comparison = reference is null ? ((double, double)?)null : ReferenceComparison.Measure(test, reference);
        return new EvaluationReport
        {
            N = test.Count,
            NOod = ood?.Count,
            Accuracy = metrics.Accuracy,
            MacroF1 = metrics.MacroF1,
            Ece = ece,
            Temperature = model.Temperature,
            Threshold = model.RejectThreshold,
            NoneIntent = model.NoneIntent >= 0 ? model.Intents[model.NoneIntent] : null,
            FalseRejection = OutOfDomainRejection.Share(test, model.RejectThreshold, model.NoneIntent),
            OodRejection = ood is null ? null : OutOfDomainRejection.Share(ood, model.RejectThreshold, model.NoneIntent),
            Oracle = OutOfDomainRejection.Oracle(test, ood, model.NoneIntent),
            Intents = closed.Names,
            PerIntent = metrics.PerIntent,
            Confusion = metrics.Confusion,
            Reliability = bins,
            Anticipation = Anticipation.Measure(test),
            Agreement = comparison?.Item1,
            MaxProbabilityError = comparison?.Item2,
            SlotExactMatch = SlotMatch.ExactMatch(testUtterances, test),
        };
    }

    /// <summary>
    /// The intent id of every test label. A missing label, one the model does not know or its none
    /// class is a <see cref="DatasetException"/> naming the file, line and label.
    /// </summary>
    public static int[] Labels(IIntentScorer scorer, IReadOnlyList<Utterance> test)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < scorer.Intents.Count; i++) ids.TryAdd(scorer.Intents[i], i);
        var labels = new int[test.Count];
        for (int m = 0; m < test.Count; m++)
        {
            var u = test[m];
            if (u.Intent is null)
                throw new DatasetException(DatasetError.Malformed, u.Source.Path, u.Source.Line, "no intent label", "an intent label on every --test utterance");
            if (!ids.TryGetValue(u.Intent, out labels[m]))
                throw new DatasetException(DatasetError.UnknownLabel, u.Source.Path, u.Source.Line, $"the label \"{u.Intent}\"",
                    $"one of the model's {scorer.Intents.Count} intents ({Sample(scorer.Intents)})");
            if (labels[m] == scorer.NoneIntent)
                throw new DatasetException(DatasetError.UnknownLabel, u.Source.Path, u.Source.Line,
                    $"the label \"{u.Intent}\" (the model's not-understood class)", "an in-domain intent; pass out-of-domain utterances with --ood");
        }
        return labels;
    }

    private static void CheckSameIntents(IIntentScorer scorer, IIntentScorer reference)
    {
        if (!scorer.Intents.SequenceEqual(reference.Intents, StringComparer.Ordinal))
            throw new ScorerException($"The reference model has intents ({Sample(reference.Intents)}) that differ from the evaluated model's "
                + $"({Sample(scorer.Intents)}); expected the same intents in the same order.");
    }

    private static string Sample(IReadOnlyList<string> names) =>
        string.Join(", ", names.Take(8)) + (names.Count > 8 ? $", … ({names.Count} in all)" : "");

    private static (string[] Names, Func<int, int> IndexOf) ClosedSet(ModelSettings model)
    {
        int none = model.NoneIntent;
        string[] names = model.Intents.Where((_, i) => i != none).ToArray();
        return (names, id => none >= 0 && id > none ? id - 1 : id);
    }
}

/// <summary>The settings of a scorer that the report needs besides its scores.</summary>
public sealed record ModelSettings(IReadOnlyList<string> Intents, int NoneIntent, double Temperature, double RejectThreshold)
{
    /// <summary>The scorer's settings, checked: at least one intent besides the none class, a finite
    /// temperature &gt; 0, a threshold in [0, 1] and a none class that is −1 or an intent id.</summary>
    public static ModelSettings Of(IIntentScorer scorer)
    {
        var settings = new ModelSettings(scorer.Intents.ToArray(), scorer.NoneIntent, scorer.Temperature, scorer.RejectThreshold);
        settings.Check();
        return settings;
    }

    public void Check()
    {
        if (NoneIntent < -1 || NoneIntent >= Intents.Count)
            throw new ScorerException($"The model's none class is {NoneIntent}; expected -1 or an intent id in 0..{Intents.Count - 1}.");
        if (Intents.Count - (NoneIntent >= 0 ? 1 : 0) < 1)
            throw new ScorerException("The model has no intent besides the none class; expected at least one.");
        if (!(Temperature > 0) || double.IsInfinity(Temperature))
            throw new ScorerException($"The model's temperature is {Temperature}; expected a finite number > 0.");
        if (!(RejectThreshold >= 0 && RejectThreshold <= 1))
            throw new ScorerException($"The model's rejection threshold is {RejectThreshold}; expected a probability in [0, 1].");
    }
}
