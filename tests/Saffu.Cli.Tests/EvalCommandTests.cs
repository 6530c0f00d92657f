using System.CommandLine;
using System.Text;
using System.Text.Json;
using Saffu.Cli.Commands;
using Saffu.Training.Model;

namespace Saffu.Cli.Tests;

/// <summary>`saffu eval` held to docs/cli.md: usage errors exit 2, bad files exit 1 naming the file, a run writes the documented JSON.</summary>
[TestClass]
public sealed class EvalCommandTests
{
    [TestMethod]
    public void MissingRequiredOptionsIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("eval");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--model");
        StringAssert.Contains(error, "--help");
    }

    [TestMethod]
    public void UnknownFlagIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("eval", "--model", "m", "--test", "t", "--bogus");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--bogus");
    }

    [TestMethod]
    public void HelpExplainsEveryOptionAndItsDefault()
    {
        var (code, output, _) = SaffuCli.Run("eval", "--help");
        Assert.AreEqual(0, code);
        foreach (string option in new[] { "--model", "--test", "--ood", "--json", "--plots", "--quiet" })
            StringAssert.Contains(output, option);
        Assert.IsGreaterThanOrEqualTo(4, output.Split("Default").Length - 1, output);
    }

    [TestMethod]
    public void MissingModelFolderIsBadInputNamingIt()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.csv", "text,intent\nturn on,on\n");
        string model = Path.Combine(folder.Path, "no-such-model");
        var (code, _, error) = SaffuCli.Run("eval", "--model", model, "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, model);
    }

    [TestMethod]
    public void MissingTestFileIsBadInputNamingIt()
    {
        using var folder = new TestFolder();
        string test = Path.Combine(folder.Path, "missing.jsonl");
        var (code, output, error) = EvalCli.Fake("eval", "--model", "fake", "--test", test);
        Assert.AreEqual(1, code, output + error);
        StringAssert.Contains(error, test);
        Assert.AreEqual(1, error.Trim().Split('\n').Length, "one message");
    }

    [TestMethod]
    public void MalformedLineIsBadInputNamingFileAndLine()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.jsonl", "{\"text\": \"turn on\", \"intent\": \"on\"}\n{\"text\": \"turn off\", \n");
        var (code, _, error) = EvalCli.Fake("eval", "--model", "fake", "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, test + ":2");
    }

    [TestMethod]
    public void UnknownLabelIsBadInputNamingLabelFileAndLine()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.csv", "text,intent\nturn on,on\nwhat time is it,time_query\n");
        var (code, _, error) = EvalCli.Fake("eval", "--model", "fake", "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, test + ":3");
        StringAssert.Contains(error, "time_query");
    }

    [TestMethod]
    public void JsonFolderIsBadInput()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.csv", "text,intent\nturn on,on\n");
        var (code, _, error) = EvalCli.Fake("eval", "--model", "fake", "--test", test, "--json", folder.Path);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "--json");
    }

    [TestMethod]
    public void RunWritesTheDocumentedJsonPlotsAndTable()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.jsonl", string.Join('\n',
            "{\"text\": \"turn on the light\", \"intent\": \"on\"}",
            "{\"text\": \"switch it off\", \"intent\": \"off\"}",
            "{\"text\": \"lights off now\", \"intent\": \"off\"}",
            "{\"text\": \"will it rain\", \"intent\": \"weather\"}",
            "{\"text\": \"turn the rain off\", \"intent\": \"weather\"}") + "\n");
        string ood = folder.File("ood.csv", "text,intent\nsing a song,oos\nturn on the radio please,oos\n");
        string json = Path.Combine(folder.Path, "out", "report.json");
        var (code, output, error) = EvalCli.Fake("eval", "--model", "fake", "--test", test, "--ood", ood, "--json", json, "--quiet");
        Assert.AreEqual(0, code, error);
        Assert.AreEqual("", error);

        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        foreach (string key in new[] { "n", "accuracy", "macro_f1", "ece", "ood_rejection", "false_rejection", "threshold", "temperature" })
            Assert.AreEqual(JsonValueKind.Number, root.GetProperty(key).ValueKind, key);
        foreach (string key in new[] { "per_intent", "anticipation", "reliability" })
            Assert.AreEqual(JsonValueKind.Array, root.GetProperty(key).ValueKind, key);
        foreach (string key in new[] { "oracle", "confusion" })
            Assert.AreEqual(JsonValueKind.Object, root.GetProperty(key).ValueKind, key);
        Assert.AreEqual(5, root.GetProperty("n").GetInt32());
        Assert.AreEqual(2, root.GetProperty("n_ood").GetInt32());
        // "turn the rain off": rain and off tie and ties go to the lowest id (off): wrong; the rest are right.
        Assert.AreEqual(0.8, root.GetProperty("accuracy").GetDouble(), 1e-12);
        // "sing a song" has no keyword (uniform: 1/3 < 0.5, rejected); "turn on the radio please" is confident "on".
        Assert.AreEqual(0.5, root.GetProperty("ood_rejection").GetDouble(), 1e-12);
        Assert.AreEqual("fake", root.GetProperty("model").GetString());
        Assert.AreEqual(test, root.GetProperty("test").GetString());

        foreach (string png in new[] { "report.confusion.png", "report.reliability.png", "report.anticipation.png" })
            Assert.IsTrue(File.Exists(Path.Combine(folder.Path, "out", png)), png);
        StringAssert.Contains(output, "accuracy");
        StringAssert.Contains(output, "80.0%");
        StringAssert.Contains(output, "weather");
        StringAssert.Contains(output, "oracle");
    }

    [TestMethod]
    public void PlotsFolderAndNoOod()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.csv", "text,intent\nturn on,on\nturn off,off\n");
        string plots = Path.Combine(folder.Path, "plots");
        string json = Path.Combine(folder.Path, "r.json");
        var (code, output, error) = EvalCli.Fake("eval", "--model", "fake", "--test", test, "--plots", plots, "--json", json);
        Assert.AreEqual(0, code, error);
        CollectionAssert.AreEquivalent(new[] { "anticipation.png", "confusion.png", "reliability.png" },
            Directory.GetFiles(plots).Select(Path.GetFileName).ToArray());
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        Assert.AreEqual(JsonValueKind.Null, doc.RootElement.GetProperty("ood_rejection").ValueKind);
        Assert.AreEqual(1.0, doc.RootElement.GetProperty("accuracy").GetDouble());
        StringAssert.Contains(output, "no --ood given");
    }

    [TestMethod]
    public void WithoutJsonOrPlotsNothingIsWritten()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.csv", "text,intent\nturn on,on\n");
        var (code, output, _) = EvalCli.Fake("eval", "--model", "fake", "--test", test);
        Assert.AreEqual(0, code);
        Assert.HasCount(1, Directory.GetFiles(folder.Path));
        Assert.DoesNotContain("wrote", output);
    }
}

/// <summary>Runs `saffu eval` with a fake model loader (SaffuCli.Run runs the real one).</summary>
internal static class EvalCli
{
    /// <summary>Same parse-then-invoke path as <see cref="SaffuCommand.Run"/>, with `--model` loading <see cref="KeywordModel"/>.</summary>
    public static (int Code, string Output, string Error) Fake(params string[] args)
    {
        var root = new RootCommand { EvalCommand.Create(_ => new KeywordModel()) };
        var output = new StringWriter();
        var error = new StringWriter();
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0) return (SaffuCommand.Usage, "", string.Join('\n', parsed.Errors.Select(e => e.Message)));
        int code = parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}

/// <summary>A three-intent model: "on", "off" and "rain" each add 3 to their intent's logit.</summary>
internal sealed class KeywordModel : IIntentScorer
{
    public IReadOnlyList<string> Intents { get; } = ["on", "off", "weather"];
    public int NoneIntent => -1;
    public double Temperature => 1;
    public double RejectThreshold => 0.5;

    public float[][] PrefixLogits(string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = new List<float[]>();
        var logits = new float[3];
        foreach (string word in words)
        {
            int i = Array.IndexOf(new[] { "on", "off", "rain" }, word);
            if (i >= 0) logits[i] += 3;
            rows.Add((float[])logits.Clone());
        }
        return rows.Count > 0 ? rows.ToArray() : [new float[3]];
    }
}
