using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.Model;

namespace Saffu.Training.Tests.Evaluation;

/// <summary>
/// The evaluator on HWU64 through an independent reference model: multinomial naive Bayes
/// (α = 0.1, whitespace words), which SAFFU.md §10 measured at 84.6% test accuracy on this split.
/// </summary>
[TestClass]
public class RealDataTests
{
    [TestMethod]
    public void NaiveBayesOnHwu64MatchesTheReferenceAccuracy()
    {
        string? train = SharedData.Find("hwu64/train"), test = SharedData.Find("hwu64/test"), ood = SharedData.Find("clinc150-oos/test");
        if (train is null || test is null || ood is null) Assert.Inconclusive("../shared/data is not beside the repository.");

        var model = NaiveBayes.Train(DatasetReader.Read(train).Utterances, alpha: 0.1);
        var testSet = DatasetReader.Read(test).Utterances;
        var report = Evaluator.Evaluate(new EvaluationRequest(model, testSet)
        {
            Ood = DatasetReader.Read(ood, new ReadOptions { RequireIntent = false }).Utterances,
        });

        Assert.AreEqual(1076, report.N);
        Assert.AreEqual(1000, report.NOod);
        Assert.AreEqual(64, report.Intents.Count);
        Assert.IsTrue(report.Accuracy is > 0.83 and < 0.87, $"accuracy {report.Accuracy}");
        Assert.IsTrue(report.MacroF1 > 0.75 && report.MacroF1 < report.Accuracy + 0.05, $"macro-F1 {report.MacroF1}");
        // Accuracy grows as more of the utterance is heard, and the full prefix is the accuracy.
        for (int i = 1; i < report.Anticipation.Count; i++)
            Assert.IsGreaterThanOrEqualTo(report.Anticipation[i - 1].Accuracy, report.Anticipation[i].Accuracy);
        Assert.AreEqual(report.Accuracy, report.Anticipation[^1].Accuracy);
        Assert.AreEqual(0.0, report.FalseRejection, "threshold 0 rejects nothing");
        Assert.IsLessThanOrEqualTo(0.02, report.Oracle.FalseRejection);
        Assert.IsTrue(report.Oracle.OodRejection is > 0 and < 0.5, $"oracle OOD rejection {report.Oracle.OodRejection}");

        string? keep = Environment.GetEnvironmentVariable("SAFFU_KEEP_PLOTS");
        if (keep is not null)
        {
            EvaluationPlots.Write(report, keep, "hwu64-nb-");
            EvaluationJson.Write(report, Path.Combine(keep, "hwu64-nb.json"));
        }
    }

    /// <summary>Multinomial naive Bayes over whitespace words; unknown words are ignored. Logits are log posteriors (unnormalised).</summary>
    private sealed class NaiveBayes : IIntentScorer
    {
        private readonly Dictionary<string, float[]> logLikelihood = new(StringComparer.Ordinal);
        private readonly float[] logPrior;

        private NaiveBayes(string[] intents, float[] logPrior)
        {
            Intents = intents;
            this.logPrior = logPrior;
        }

        public IReadOnlyList<string> Intents { get; }
        public int NoneIntent => -1;
        public double Temperature => 1;
        public double RejectThreshold => 0;

        public static NaiveBayes Train(IReadOnlyList<Utterance> data, double alpha)
        {
            string[] intents = data.Select(u => u.Intent!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
            var id = intents.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
            var counts = new Dictionary<string, double[]>(StringComparer.Ordinal);
            var perIntent = new double[intents.Length];
            var total = new double[intents.Length];
            foreach (var u in data)
            {
                int c = id[u.Intent!];
                perIntent[c]++;
                foreach (string w in u.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (!counts.TryGetValue(w, out var row)) counts[w] = row = new double[intents.Length];
                    row[c]++;
                    total[c]++;
                }
            }
            var model = new NaiveBayes(intents, perIntent.Select(n => (float)Math.Log(n / data.Count)).ToArray());
            foreach (var (w, row) in counts)
                model.logLikelihood[w] = row.Select((n, c) => (float)Math.Log((n + alpha) / (total[c] + alpha * counts.Count))).ToArray();
            return model;
        }

        public float[][] PrefixLogits(string text)
        {
            string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var logits = (float[])logPrior.Clone();
            var rows = new List<float[]>();
            foreach (string w in words)
            {
                if (logLikelihood.TryGetValue(w, out var ll))
                    for (int c = 0; c < logits.Length; c++) logits[c] += ll[c];
                rows.Add((float[])logits.Clone());
            }
            return rows.Count > 0 ? rows.ToArray() : [logits];
        }
    }
}
