using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;

namespace Saffu.Training.Tests.Evaluation;

[TestClass]
public class EvaluatorTests
{
    private static readonly string[] Abc = ["a", "b", "c"];

    // Four test utterances whose every number is worked out by hand below.
    private static TableScorer HandScorer(double temperature = 1) => new(Abc, new()
    {
        ["u1"] = [[2, 0, 0]],              // a, right
        ["u2"] = [[0, 1, 0], [3, 0, 0]],   // b after 1 word, a after 2: right at the end
        ["u3"] = [[0, 0, 0.5f]],           // c for b: wrong, confidence 0.45 < 0.5: rejected
        ["u4"] = [[0, 0, 1]],              // c, right
        ["o1"] = [[1, 1, 1]],              // out of domain, confidence 1/3: rejected
        ["o2"] = [[5, 0, 0]],              // out of domain, confidence 0.99: accepted
    }, temperature: temperature);

    private static readonly Utterance[] HandTest = Utterances.Labelled(("u1", "a"), ("u2", "a"), ("u3", "b"), ("u4", "c"));

    [TestMethod]
    public void HandWorkedExample()
    {
        var report = Evaluator.Evaluate(new EvaluationRequest(HandScorer(), HandTest) { Ood = Utterances.Unlabelled("o1", "o2") });

        Assert.AreEqual(4, report.N);
        Assert.AreEqual(2, report.NOod);
        Assert.AreEqual(0.75, report.Accuracy);
        CollectionAssert.AreEqual(new[] { 2, 0, 0 }, report.Confusion[0]);
        CollectionAssert.AreEqual(new[] { 0, 0, 1 }, report.Confusion[1]);
        CollectionAssert.AreEqual(new[] { 0, 0, 1 }, report.Confusion[2]);
        Assert.AreEqual(new IntentMetrics("a", 1, 1, 1, 2, 2), report.PerIntent[0]);
        Assert.AreEqual(new IntentMetrics("b", 0, 0, 0, 1, 0), report.PerIntent[1]);
        Assert.AreEqual(0.5, report.PerIntent[2].Precision);
        Assert.AreEqual(2.0 / 3, report.PerIntent[2].F1, 1e-12);
        Assert.AreEqual((1 + 0 + 2.0 / 3) / 3, report.MacroF1, 1e-12);

        double p1 = Utterances.Softmax([2, 0, 0], 0), p2 = Utterances.Softmax([3, 0, 0], 0);
        double p3 = Utterances.Softmax([0, 0, 0.5], 2), p4 = Utterances.Softmax([0, 0, 1], 2);
        Assert.AreEqual(((1 - p1) + (1 - p2) + p3 + (1 - p4)) / 4, report.Ece, 1e-9);
        Assert.AreEqual(4, report.Reliability.Sum(b => b.Count));
        Assert.AreEqual(1, report.Reliability[ReliabilityDiagram.Bin(p3)].Count);
        Assert.AreEqual(0.0, report.Reliability[ReliabilityDiagram.Bin(p3)].Accuracy);

        CollectionAssert.AreEqual(new[] { 0.5, 0.5, 0.75, 0.75 }, report.Anticipation.Select(p => p.Accuracy).ToArray());
        Assert.AreEqual(0.25, report.FalseRejection);
        Assert.AreEqual(0.5, report.OodRejection);
        Assert.AreEqual(0.5, report.Threshold);
        Assert.AreEqual(1.0, report.Temperature);

        // Oracle at 2% of 4 utterances: no rejection allowed, so the threshold is the lowest confidence.
        Assert.AreEqual(p3, report.Oracle.Threshold, 1e-6);
        Assert.AreEqual(0.0, report.Oracle.FalseRejection);
        Assert.AreEqual(0.5, report.Oracle.OodRejection);
        Assert.IsNull(report.Agreement);
        Assert.IsNull(report.SlotExactMatch);
    }

    [TestMethod]
    public void WithoutOodItsNumbersAreNull()
    {
        var report = Evaluator.Evaluate(new EvaluationRequest(HandScorer(), HandTest));
        Assert.IsNull(report.NOod);
        Assert.IsNull(report.OodRejection);
        Assert.IsNull(report.Oracle.OodRejection);
    }

    [TestMethod]
    public void TemperatureScalesTheConfidences()
    {
        var report = Evaluator.Evaluate(new EvaluationRequest(HandScorer(temperature: 0.5), HandTest));
        Assert.AreEqual(0.5, report.Temperature);
        // At T = 0.5, u3's confidence is softmax([0, 0, 1])[2] = 0.576 ≥ 0.5: nothing is rejected.
        Assert.AreEqual(0.0, report.FalseRejection);
        Assert.AreEqual(0.75, report.Accuracy);
        double p1 = Utterances.Softmax([2, 0, 0], 0, 0.5), p2 = Utterances.Softmax([3, 0, 0], 0, 0.5);
        double p3 = Utterances.Softmax([0, 0, 0.5], 2, 0.5), p4 = Utterances.Softmax([0, 0, 1], 2, 0.5);
        Assert.AreEqual(((1 - p1) + (1 - p2) + p3 + (1 - p4)) / 4, report.Ece, 1e-9);
    }

    [TestMethod]
    public void NoneClassIsOutsideTheClosedSetButRejects()
    {
        var scorer = new TableScorer(["a", "<none>", "b"], new()
        {
            ["y1"] = [[1, 3, 0]],   // none on top (rejected); closed-set top a: right
            ["y2"] = [[0, 0, 2]],   // b, right, confidence 0.78
            ["o1"] = [[0, 4, 0]],   // none: rejected
        }, noneIntent: 1, threshold: 0.3);
        var report = Evaluator.Evaluate(new EvaluationRequest(scorer, Utterances.Labelled(("y1", "a"), ("y2", "b")))
        {
            Ood = Utterances.Unlabelled("o1"),
        });
        CollectionAssert.AreEqual(new[] { "a", "b" }, report.Intents.ToArray());
        Assert.AreEqual("<none>", report.NoneIntent);
        Assert.AreEqual(1.0, report.Accuracy);
        Assert.AreEqual(1.0, report.MacroF1);
        Assert.AreEqual(0.5, report.FalseRejection);
        Assert.AreEqual(1.0, report.OodRejection);
        // The none-topped test utterance scores 0, so the oracle threshold (no rejection allowed) is 0.
        Assert.AreEqual(0.0, report.Oracle.Threshold);
        Assert.AreEqual(0.5, report.Oracle.FalseRejection);
        double closed = Utterances.Softmax([1, 3, 0], 0);
        double expectedEce = ((1 - closed) + (1 - Utterances.Softmax([0, 0, 2], 2))) / 2;
        Assert.AreEqual(expectedEce, report.Ece, 1e-9);
    }

    [TestMethod]
    public void UnknownLabelNamesFileLineAndLabel()
    {
        var test = Utterances.Labelled(("u1", "a"), ("u2", "weather_query"));
        var e = Assert.ThrowsExactly<DatasetException>(() => Evaluator.Evaluate(new EvaluationRequest(HandScorer(), test)));
        Assert.AreEqual(DatasetError.UnknownLabel, e.Error);
        Assert.AreEqual(2, e.Line);
        StringAssert.Contains(e.Message, "test.jsonl:2");
        StringAssert.Contains(e.Message, "weather_query");
        StringAssert.Contains(e.Message, "a, b, c");
    }

    [TestMethod]
    public void NoneLabelAndMissingLabelAreRefusedInTest()
    {
        var scorer = new TableScorer(["a", "<none>"], new() { ["y"] = [[1, 0]] }, noneIntent: 1);
        var none = Assert.ThrowsExactly<DatasetException>(() =>
            Evaluator.Evaluate(new EvaluationRequest(scorer, Utterances.Labelled(("y", "<none>")))));
        StringAssert.Contains(none.Message, "--ood");
        var missing = Assert.ThrowsExactly<DatasetException>(() =>
            Evaluator.Evaluate(new EvaluationRequest(scorer, Utterances.Labelled(("y", null)))));
        StringAssert.Contains(missing.Message, "test.jsonl:1");
    }

    [TestMethod]
    public void BadScorerOutputIsAClearError()
    {
        var shortRow = new TableScorer(Abc, new() { ["u"] = [[1, 2]] });
        var e = Assert.ThrowsExactly<ScorerException>(() => Evaluator.Evaluate(new EvaluationRequest(shortRow, Utterances.Labelled(("u", "a")))));
        StringAssert.Contains(e.Message, "expected one per intent (3)");
        var nan = new TableScorer(Abc, new() { ["u"] = [[1, float.NaN, 0]] });
        Assert.ThrowsExactly<ScorerException>(() => Evaluator.Evaluate(new EvaluationRequest(nan, Utterances.Labelled(("u", "a")))));
        var noRows = new TableScorer(Abc, new() { ["u"] = [] });
        Assert.ThrowsExactly<ScorerException>(() => Evaluator.Evaluate(new EvaluationRequest(noRows, Utterances.Labelled(("u", "a")))));
        var badThreshold = new TableScorer(Abc, new() { ["u"] = [[1, 0, 0]] }, threshold: 1.5);
        Assert.ThrowsExactly<ScorerException>(() => Evaluator.Evaluate(new EvaluationRequest(badThreshold, Utterances.Labelled(("u", "a")))));
    }

    [TestMethod]
    public void ParallelScoringGivesTheSameReportAsOneByOne()
    {
        var (scorer, test) = RandomKeywordSet(seed: 7, count: 500);
        int scored = 0;
        var report = Evaluator.Evaluate(new EvaluationRequest(scorer, test) { OnScored = () => Interlocked.Increment(ref scored) });
        Assert.AreEqual(500, scored);

        int[] labels = Evaluator.Labels(scorer, test);
        var sequential = test.Select((u, i) => UtteranceScoring.Score(scorer, u.Text, labels[i])).ToArray();
        var expected = Evaluator.Report(ModelSettings.Of(scorer), test, sequential);
        Assert.AreEqual(Json(expected), Json(report));
        Assert.AreEqual(Json(report), Json(Evaluator.Evaluate(new EvaluationRequest(scorer, test))));
    }

    [TestMethod]
    public void AgreementWithAReferenceScorer()
    {
        string[] intents = ["on", "off", "weather"];
        var keywords = new Dictionary<string, int> { ["on"] = 0, ["off"] = 1, ["rain"] = 2 };
        var scorer = new KeywordScorer(intents, keywords);
        var test = Utterances.Labelled(("turn on", "on"), ("turn off", "off"), ("rain today", "weather"), ("hello", "on"));

        var self = Evaluator.Evaluate(new EvaluationRequest(scorer, test) { Reference = scorer });
        Assert.AreEqual(1.0, self.Agreement);
        Assert.AreEqual(0.0, self.MaxProbabilityError);

        // A reference that never hears "off": it disagrees on "turn off" only.
        var deaf = new KeywordScorer(intents, new Dictionary<string, int> { ["on"] = 0, ["rain"] = 2 });
        var report = Evaluator.Evaluate(new EvaluationRequest(scorer, test) { Reference = deaf });
        Assert.AreEqual(0.75, report.Agreement);
        Assert.AreEqual(Utterances.Softmax([0, 2, 0], 1) - 1.0 / 3, report.MaxProbabilityError!.Value, 1e-6);

        var other = new KeywordScorer(["on", "off"], keywords);
        Assert.ThrowsExactly<ScorerException>(() => Evaluator.Evaluate(new EvaluationRequest(scorer, test) { Reference = other }));
    }

    [TestMethod]
    public void SlotExactMatchWhenTheScorerReadsSlots()
    {
        var scorer = new SlotKeywordScorer(["on", "off"], new() { ["on"] = 0, ["off"] = 1 });
        Utterance U(string text, string intent, string? name, int line) => new(text, intent,
            name is null ? Utterance.NoSlots : new Dictionary<string, string> { [SlotNames.Name] = name }, new SourceLine("t.jsonl", line));
        var test = new[]
        {
            U("turn on the lamp", "on", "lamp", 1),     // exact
            U("turn off the desk", "off", "lamp", 2),   // wrong value
            U("lights on", "on", null, 3),               // no slots, none predicted: exact
            U("switch the fan off", "off", null, 4),     // predicts a slot that is not there
        };
        Assert.AreEqual(0.5, Evaluator.Evaluate(new EvaluationRequest(scorer, test)).SlotExactMatch);
        // Data without slots: not defined.
        Assert.IsNull(Evaluator.Evaluate(new EvaluationRequest(scorer, test.Skip(2).ToArray())).SlotExactMatch);
        // Scorer without slots: not defined.
        Assert.IsNull(Evaluator.Evaluate(new EvaluationRequest(new KeywordScorer(["on", "off"], new() { ["on"] = 0 }), test)).SlotExactMatch);
    }

    internal static (KeywordScorer, Utterance[]) RandomKeywordSet(int seed, int count, int intentCount = 5)
    {
        var random = new Random(seed);
        string[] intents = Enumerable.Range(0, intentCount).Select(i => $"intent_{i}").ToArray();
        var keywords = new Dictionary<string, int>();
        for (int w = 0; w < intentCount * 4; w++) keywords[$"w{w}"] = w % intentCount;
        var scorer = new KeywordScorer(intents, keywords, strength: 0.7f);
        var test = new Utterance[count];
        for (int m = 0; m < count; m++)
        {
            int label = random.Next(intentCount);
            var words = Enumerable.Range(0, random.Next(1, 9)).Select(_ =>
                random.NextDouble() < 0.5 ? $"w{label + intentCount * random.Next(4)}" : $"w{random.Next(intentCount * 4)}");
            test[m] = new Utterance(string.Join(' ', words), intents[label], Utterance.NoSlots, new SourceLine("random", m + 1));
        }
        return (scorer, test);
    }

    private static string Json(EvaluationReport report)
    {
        using var stream = new MemoryStream();
        EvaluationJson.Write(report, stream);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
