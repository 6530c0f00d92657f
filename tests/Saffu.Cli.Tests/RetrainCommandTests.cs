using System.Text.Json;

namespace Saffu.Cli.Tests;

/// <summary>`saffu retrain` and `saffu lineage` held to docs/cli.md on a tiny model (trained without fine-tuning: the re-solve path).</summary>
[TestClass]
public sealed class RetrainCommandTests
{
    const string Teach = """
        {"verdict":"new","text":"flip the light on","intent":"on"}
        {"verdict":"new","text":"flip the lamp on","intent":"on"}
        {"verdict":"new","text":"flip the light off","intent":"off"}
        {"verdict":"new","text":"is it windy","intent":"weather"}
        """;

    [TestMethod]
    public void RetrainsWritesTheFolderAndBlobAndTheLineageChain()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string parentBlob = Path.Combine(folder.Path, "parent.blob");
        Assert.AreEqual(0, SaffuCli.Run("export", "--model", model, "--out", parentBlob, "--quiet").Code);
        string corrections = folder.File("c.jsonl", Teach);
        string child = Path.Combine(folder.Path, "child"), childBlob = Path.Combine(folder.Path, "child.blob");
        var (code, output, error) = SaffuCli.Run("retrain", "--model", model, "--corrections", corrections, "--out", child, "--blob", childBlob);
        Assert.AreEqual(0, code, error + output);
        foreach (string expected in new[] { "4 correction(s), 4 teaching", "growth: 2 new word(s) (flip, windy)", "lineage: generation 1",
            "heldout.jsonl | 12 |", "wrote ", "child.blob" })
            StringAssert.Contains(output, expected);
        Assert.IsTrue(File.Exists(Path.Combine(child, "model.json")));
        Assert.AreEqual(0, SaffuCli.Run("verify", childBlob).Code);
        string[] parentCorpus = File.ReadAllLines(Path.Combine(model, "corpus.txt")), childCorpus = File.ReadAllLines(Path.Combine(child, "corpus.txt"));
        CollectionAssert.AreEqual(parentCorpus, childCorpus.Take(parentCorpus.Length).ToArray(), "the child's corpus starts with the parent's");
        Assert.AreEqual(4, childCorpus.Length - parentCorpus.Length, "then one line per teaching correction");

        var (runCode, run, _) = SaffuCli.Run("run", "--blob", childBlob, "--json", "flip the lamp off");
        Assert.AreEqual(0, runCode);
        Assert.AreEqual("off", JsonDocument.Parse(run).RootElement.GetProperty("top").GetString(), "the new word was learned");

        // Retrain the child: generation 2, and the chain from the first trained model.
        string grandchild = Path.Combine(folder.Path, "grandchild"), grandBlob = Path.Combine(folder.Path, "grandchild.blob");
        Assert.AreEqual(0, SaffuCli.Run("retrain", "--model", child, "--corrections", corrections, "--out", grandchild, "--blob", grandBlob, "--quiet").Code);
        var (lCode, lineage, lError) = SaffuCli.Run("lineage", grandBlob, parentBlob, childBlob);
        Assert.AreEqual(0, lCode, lError);
        string[] lines = lineage.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        StringAssert.StartsWith(lines[0], "generation 0");
        StringAssert.Contains(lines[0], "parent.blob  trained by saffu train");
        StringAssert.Contains(lines[1], "child.blob  retrained from");
        StringAssert.Contains(lines[1], "(" + parentBlob + ")");
        StringAssert.Contains(lines[2], "(" + childBlob + ")");
        StringAssert.StartsWith(lines[3], "first trained model: ");

        var (jCode, json, _) = SaffuCli.Run("lineage", "--json", childBlob, parentBlob);
        Assert.AreEqual(0, jCode);
        var chain = JsonDocument.Parse(json).RootElement.GetProperty("chain");
        Assert.AreEqual(chain[0].GetProperty("content_hash").GetString(), chain[1].GetProperty("parent_hash").GetString());
        Assert.AreEqual(1, chain[1].GetProperty("generation").GetInt32());

        var (iCode, inspect, _) = SaffuCli.Run("inspect", grandBlob);
        Assert.AreEqual(0, iCode);
        StringAssert.Contains(inspect, "lineage: generation 2, parent ");
        var (ijCode, inspectJson, _) = SaffuCli.Run("inspect", grandBlob, "--json");
        Assert.AreEqual(0, ijCode);
        Assert.AreEqual(2, JsonDocument.Parse(inspectJson).RootElement.GetProperty("lineage").GetProperty("generation").GetInt32());
    }

    [TestMethod]
    public void TheGuardRefusesAndWritesNothingUnlessForced()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        // Teaching that every "on" command means off breaks the held-out set.
        string corrections = folder.File("bad.jsonl", string.Join("\n", Enumerable.Range(0, 6).Select(_ =>
            """{"verdict":"new","text":"turn on the light","intent":"off"}""" + "\n" + """{"verdict":"new","text":"lights on please","intent":"off"}""")));
        string child = Path.Combine(folder.Path, "child"), blob = Path.Combine(folder.Path, "child.blob");
        var (code, output, error) = SaffuCli.Run("retrain", "--model", model, "--corrections", corrections, "--out", child, "--blob", blob, "--weight", "20");
        Assert.AreEqual(1, code, output);
        StringAssert.Contains(error, "refused: heldout.jsonl: accuracy fell");
        StringAssert.Contains(error, "nothing written");
        StringAssert.Contains(output, "changed decisions: ");
        StringAssert.Contains(output, "\"turn on the light\" (expected on): on → off");
        Assert.IsFalse(Directory.Exists(child));
        Assert.IsFalse(File.Exists(blob));

        var (forced, forcedOutput, _) = SaffuCli.Run("retrain", "--model", model, "--corrections", corrections, "--out", child, "--blob", blob, "--weight", "20", "--force");
        Assert.AreEqual(0, forced, forcedOutput);
        Assert.IsTrue(File.Exists(blob));
        var (lenient, _, _) = SaffuCli.Run("retrain", "--model", model, "--corrections", corrections, "--out", child + "2", "--weight", "20", "--max-drop", "100");
        Assert.AreEqual(0, lenient, "--max-drop 100 lets any drop through");
    }

    [TestMethod]
    public void BadInputAndUsage()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string good = folder.File("c.jsonl", Teach);
        string bad = folder.File("bad.jsonl", Teach + "\n{\"verdict\":\"new\",\"text\":\"x\"}\n");
        var (c1, _, e1) = SaffuCli.Run("retrain", "--model", model, "--corrections", bad, "--out", Path.Combine(folder.Path, "o"));
        Assert.AreEqual(1, c1);
        StringAssert.Contains(e1, "bad.jsonl:5: found no \"intent\"");
        var (c2, _, e2) = SaffuCli.Run("retrain", "--model", model, "--corrections", Path.Combine(folder.Path, "none.jsonl"), "--out", Path.Combine(folder.Path, "o"));
        Assert.AreEqual(1, c2);
        StringAssert.Contains(e2, "none.jsonl: found no such file");
        var (c3, _, e3) = SaffuCli.Run("retrain", "--model", Path.Combine(folder.Path, "missing"), "--corrections", good, "--out", Path.Combine(folder.Path, "o"));
        Assert.AreEqual(1, c3, e3);
        var (c4, _, e4) = SaffuCli.Run("retrain", "--model", model, "--corrections", good, "--out", model);
        Assert.AreEqual(2, c4);
        StringAssert.Contains(e4, "is the --model folder");
        Assert.AreEqual(2, SaffuCli.Run("retrain", "--model", model, "--corrections", good, "--out", "o", "--weight", "0").Code);
        Assert.AreEqual(2, SaffuCli.Run("retrain", "--model", model, "--corrections", good, "--out", "o", "--update", "sometimes").Code);
        string ignoreOnly = folder.File("ignore.jsonl", """{"log":{"text":"x","intent":"on"},"verdict":"ignore"}""" + "\n");
        var (c5, _, e5) = SaffuCli.Run("retrain", "--model", model, "--corrections", ignoreOnly, "--out", Path.Combine(folder.Path, "o"));
        Assert.AreEqual(1, c5);
        StringAssert.Contains(e5, "no correction that teaches anything");
        var (c6, _, e6) = SaffuCli.Run("lineage", Path.Combine(folder.Path, "nope.blob"));
        Assert.AreEqual(1, c6);
        StringAssert.Contains(e6, "nope.blob");
    }

    [TestMethod]
    public void AnUnknownCommandIsAUsageErrorEvenWithHelp()
    {
        var (code, output, error) = SaffuCli.Run("NOSUCHCOMMAND", "--help");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "unknown command 'NOSUCHCOMMAND'");
        StringAssert.Contains(error, "retrain");
        Assert.AreEqual("", output);
        var (bare, bareOutput, bareError) = SaffuCli.Run("NOSUCHCOMMAND");
        Assert.AreEqual(2, bare);
        StringAssert.Contains(bareError, "unknown command 'NOSUCHCOMMAND'");
        Assert.AreEqual("", bareOutput);
        var (nested, _, nestedError) = SaffuCli.Run("device", "NOSUCHCOMMAND", "--help");
        Assert.AreEqual(2, nested, nestedError);
        Assert.AreEqual(0, SaffuCli.Run("--help").Code);
        Assert.AreEqual(0, SaffuCli.Run("retrain", "--help").Code);
    }
}
