using Saffu.Runtime.Blob;
using Saffu.Training.Corpus;
using Saffu.Training.Export;
using Saffu.Training.Training;

namespace Saffu.Cli.Tests;

/// <summary>`saffu export` held to docs/cli.md: usage exit 2, bad input exit 1 naming the file, the size report, atomic deterministic output.</summary>
[TestClass]
public sealed class ExportCommandTests
{
    [TestMethod]
    public void MissingRequiredOptionsIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("export", "--out", "x.blob");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--model");
        StringAssert.Contains(error, "--help");
    }

    [TestMethod]
    [DataRow("--bits-u", "12")]
    [DataRow("--bits-w", "4")]
    [DataRow("--early-threshold", "1.5")]
    [DataRow("--early-threshold", "soon")]
    [DataRow("--early-min-words", "0")]
    [DataRow("--per-column", "maybe")]
    public void OutOfRangeValuesAreUsageNamingThem(string flag, string value)
    {
        var (code, _, error) = SaffuCli.Run("export", "--model", "m", "--out", "x.blob", flag, value);
        Assert.AreEqual(2, code, error);
        StringAssert.Contains(error, value);
    }

    [TestMethod]
    public void HelpStatesEveryDefault()
    {
        var (code, output, _) = SaffuCli.Run("export", "--help");
        Assert.AreEqual(0, code);
        foreach (string option in new[] { "--model", "--out", "--bits-w", "--bits-u", "--bits-o", "--bits-tag-u", "--bits-tag-o", "--per-column", "--early-threshold", "--early-min-words", "--quiet" })
            StringAssert.Contains(output, option);
        Assert.IsGreaterThanOrEqualTo(9, output.Split("Default").Length - 1, output);
    }

    [TestMethod]
    public void MissingModelFolderIsBadInputNamingIt()
    {
        using var folder = new TestFolder();
        string model = Path.Combine(folder.Path, "no-such-model");
        var (code, _, error) = SaffuCli.Run("export", "--model", model, "--out", Path.Combine(folder.Path, "m.blob"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, model);
        Assert.IsFalse(File.Exists(Path.Combine(folder.Path, "m.blob")));
    }

    [TestMethod]
    public void ExportPrintsSizesBySectionAndWritesALoadableBlob()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string blob = Path.Combine(folder.Path, "out", "tiny.blob");
        var (code, output, error) = SaffuCli.Run("export", "--model", model, "--out", blob);
        Assert.AreEqual(0, code, error);
        foreach (string name in new[] { "Config", "Vocabulary", "Intents", "MathTables", "BlockContext", "DocumentContext", "IntentHead", "Decision", "Identity", "total" })
            StringAssert.Contains(output, name);
        StringAssert.Contains(output, "clipped values: 0");
        StringAssert.Contains(output, $"wrote {blob}");
        byte[] bytes = File.ReadAllBytes(blob);
        StringAssert.Contains(output, bytes.Length.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        Assert.IsTrue(ModelBlob.Load(bytes).Ok);
        string[] expected = File.Exists(Saffu.Training.Speech.StockSpeechModel.Default.Dictionary) ? ["tiny.arpa", "tiny.blob", "tiny.dict"] : ["tiny.arpa", "tiny.blob"];
        CollectionAssert.AreEqual(expected, Directory.GetFiles(Path.GetDirectoryName(blob)!).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(),
            "the blob and the speech files beside it (docs/voice.md), no temporary file left");
        StringAssert.Contains(output, $"wrote {Path.ChangeExtension(blob, ".arpa")} (trigram, Witten-Bell");

        var (again, _, _) = SaffuCli.Run("export", "--model", model, "--out", blob + "2");
        Assert.AreEqual(0, again);
        CollectionAssert.AreEqual(bytes, File.ReadAllBytes(blob + "2"), "same model folder, same bytes");
    }

    [TestMethod]
    public void FlagsReachTheBlob()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string blob = Path.Combine(folder.Path, "tiny.blob");
        var (code, output, error) = SaffuCli.Run("export", "--model", model, "--out", blob, "--bits-u", "8", "--per-column", "false",
            "--early-threshold", "off", "--early-min-words", "3");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "per tensor");
        var layout = BlobLayout.Read(File.ReadAllBytes(blob));
        Assert.AreEqual(BlobFormat.NoEarlyDecision, layout.Decision!.EarlyThresholdQ15);
        Assert.AreEqual(3, layout.Decision.EarlyMinWords);
        Assert.IsTrue(ModelBlob.Load(File.ReadAllBytes(blob)).Ok);
    }

    [TestMethod]
    public void OutputFolderIsBadInput()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        var (code, _, error) = SaffuCli.Run("export", "--model", model, "--out", folder.Path);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, folder.Path);
    }

    [TestMethod]
    public void BadHomeInTheModelFolderIsBadInputNamingIt()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string home = Path.Combine(model, ModelFolderExport.HomeFile);
        File.WriteAllText(home, "version: 7\n");
        var (code, _, error) = SaffuCli.Run("export", "--model", model, "--out", Path.Combine(folder.Path, "m.blob"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, home);
    }

    [TestMethod]
    public void HomeTheVocabularyCannotSayIsBadInputNamingTheWord()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        File.Copy(Path.Combine(RepoRoot(), "models", "lights", "home.yaml"), Path.Combine(model, ModelFolderExport.HomeFile));
        var (code, _, error) = SaffuCli.Run("export", "--model", model, "--out", Path.Combine(folder.Path, "m.blob"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "not in the model's vocabulary");
    }

    internal static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SaffuEmbedded.sln"))) return dir.FullName;
        throw new InvalidOperationException("SaffuEmbedded.sln not found");
    }
}

/// <summary>A tiny model folder trained by the trainer's library (block, document, no slots).</summary>
internal static class TinyModel
{
    private static readonly string[] Lines =
    [
        "turn on the light,on", "switch the lamp on,on", "lights on please,on", "turn the kitchen light on,on",
        "turn off the light,off", "switch the lamp off,off", "lights off please,off", "turn the kitchen light off,off",
        "will it rain today,weather", "is it sunny outside,weather", "what is the weather,weather", "how cold is it,weather",
    ];

    public static string Train(TestFolder folder, string name = "model")
    {
        var train = Lines.Select((line, i) =>
        {
            string[] parts = line.Split(',');
            return new Utterance(parts[0], parts[1], Utterance.NoSlots, new SourceLine("train.csv", i + 2));
        }).ToArray();
        var options = new TrainOptions { FineTune = false, MinCount = 1, RadialSize = 0, Solver = new(), TemperatureScale = 1 }; // the defaults before issue 14 softened them (pinned goldens)
        string model = Path.Combine(folder.Path, name);
        ModelFolder.Save(model, Trainer.Train(train, train, options), options, train);
        return model;
    }
}

/// <summary>Models the blob format cannot hold are bad input, not crashes.</summary>
[TestClass]
public sealed class ExportLimitsTests
{
    [TestMethod]
    public void IntentNameLongerThanTheBlobAllowsIsBadInputAndNothingIsWritten()
    {
        using var folder = new TestFolder();
        string longName = new string('x', 70);
        var train = new[] { ("turn on the light", "on"), ("lights on", "on"), ("turn off the light", longName), ("lights off", longName) }
            .Select((p, i) => new Utterance(p.Item1, p.Item2, Utterance.NoSlots, new SourceLine("t.csv", i + 1))).ToArray();
        var options = new TrainOptions { FineTune = false, MinCount = 1, RadialSize = 0, Solver = new(), TemperatureScale = 1 }; // the defaults before issue 14 softened them (pinned goldens)
        string model = Path.Combine(folder.Path, "model");
        ModelFolder.Save(model, Trainer.Train(train, train, options), options, train);
        string blob = Path.Combine(folder.Path, "m.blob");
        var (code, _, error) = SaffuCli.Run("export", "--model", model, "--out", blob);
        Assert.AreEqual(1, code, error);
        StringAssert.Contains(error, "BadString");
        Assert.IsFalse(File.Exists(blob));
    }
}
