using System.Text.Json;
using Saffu.Training.Evaluation;

namespace Saffu.Training.Tests.Evaluation;

[TestClass]
public class ReportFileTests
{
    [TestMethod]
    public void JsonHasTheDocumentedKeys()
    {
        var (scorer, test) = EvaluatorTests.RandomKeywordSet(seed: 3, count: 40);
        var report = Evaluator.Evaluate(new EvaluationRequest(scorer, test)) with { Model = "m", Test = "t" };
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "sub", "report.json");
        EvaluationJson.Write(report, path);
        Assert.AreEqual(1, Directory.GetFiles(Path.GetDirectoryName(path)!).Length, "no temporary file is left behind");

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = json.RootElement;
        foreach (string key in new[] { "n", "accuracy", "macro_f1", "ece", "false_rejection", "threshold", "temperature" })
            Assert.AreEqual(JsonValueKind.Number, root.GetProperty(key).ValueKind, key);
        foreach (string key in new[] { "ood_rejection", "n_ood", "agreement", "max_probability_error", "slot_exact_match", "ood", "none_intent" })
            Assert.AreEqual(JsonValueKind.Null, root.GetProperty(key).ValueKind, key);
        Assert.AreEqual(40, root.GetProperty("n").GetInt32());
        Assert.AreEqual(report.Accuracy, root.GetProperty("accuracy").GetDouble());
        Assert.AreEqual("m", root.GetProperty("model").GetString());
        Assert.AreEqual(0.02, root.GetProperty("oracle").GetProperty("max_false_rejection").GetDouble());
        Assert.AreEqual(4, root.GetProperty("anticipation").GetArrayLength());
        Assert.AreEqual(1.0, root.GetProperty("anticipation")[3].GetProperty("fraction").GetDouble());
        var perIntent = root.GetProperty("per_intent");
        Assert.AreEqual(5, perIntent.GetArrayLength());
        foreach (string key in new[] { "intent", "precision", "recall", "f1", "support", "predicted" })
            Assert.IsTrue(perIntent[0].TryGetProperty(key, out _), key);
        Assert.AreEqual(15, root.GetProperty("reliability").GetArrayLength());
        Assert.AreEqual(5, root.GetProperty("confusion").GetProperty("matrix").GetArrayLength());
        Assert.AreEqual("intent_0", root.GetProperty("confusion").GetProperty("intents")[0].GetString());
    }

    [TestMethod]
    public void PlotsAreWrittenAsPngs()
    {
        var (scorer, test) = EvaluatorTests.RandomKeywordSet(seed: 5, count: 800, intentCount: 64);
        var report = Evaluator.Evaluate(new EvaluationRequest(scorer, test));
        using var folder = new TempFolder();
        var written = EvaluationPlots.Write(report, folder.Path, "eval-");
        Assert.HasCount(3, written);
        foreach (string path in written)
        {
            byte[] png = File.ReadAllBytes(path);
            CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray(), path);
            Assert.IsGreaterThan(2000, png.Length, path);
        }
        StringAssert.EndsWith(written[0], "eval-confusion.png");
        string? keep = Environment.GetEnvironmentVariable("SAFFU_KEEP_PLOTS");
        if (keep is not null)
            foreach (string path in written) File.Copy(path, Path.Combine(keep, Path.GetFileName(path)), overwrite: true);
    }
}
