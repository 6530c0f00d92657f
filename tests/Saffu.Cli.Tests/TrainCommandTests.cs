using System.Text;
using Saffu.Cli;
using Saffu.Training.Training;

namespace Saffu.Cli.Tests;

/// <summary>`saffu train` held to docs/cli.md: usage errors exit 2, bad data exits 1 naming the file, a run writes the model folder.</summary>
[TestClass]
public sealed class TrainCommandTests
{
    const string TrainJsonl =
        "{\"text\": \"turn on the kitchen light\", \"intent\": \"on\", \"slots\": {\"area\": \"kitchen\"}}\n" +
        "{\"text\": \"lights on please\", \"intent\": \"on\"}\n" +
        "{\"text\": \"switch the hall lights on\", \"intent\": \"on\", \"slots\": {\"area\": \"hall\"}}\n" +
        "{\"text\": \"turn off the kitchen light\", \"intent\": \"off\", \"slots\": {\"area\": \"kitchen\"}}\n" +
        "{\"text\": \"lights off\", \"intent\": \"off\"}\n" +
        "{\"text\": \"dim the hall to 30 percent\", \"intent\": \"dim\", \"slots\": {\"area\": \"hall\", \"brightness\": 30}}\n" +
        "{\"text\": \"make it darker\", \"intent\": \"dim\"}\n";
    const string ValidCsv = "text,intent\nkitchen lights on,on\nhall light off,off\n\"dim it, to 20 percent\",dim\n";

    [TestMethod]
    public void MissingRequiredOptionsIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("train", "--out", "x");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--train");
        StringAssert.Contains(error, "--help");
    }

    [TestMethod]
    public void HelpListsEveryOptionWithItsDefault()
    {
        var (code, output, _) = SaffuCli.Run("train", "--help");
        Assert.AreEqual(0, code);
        string[] flags = ["--train", "--home", "--extra", "--extra-words", "--extra-repeat", "--phrasings", "--phrasings-repeat", "--valid", "--out", "--bits", "--min-count", "--unknown-word-share", "--speech-error-share", "--word-dropout-copies", "--word-dropout-copy-rate", "--word-dropout-copy-scope", "--word-dropout-copy-mode", "--prepend-sod", "--max-words", "--block", "--radial", "--document",
            "--tag-head", "--tag-offsets", "--tag-intent-parts", "--epsilon", "--epsilon-w", "--epsilon-o", "--tau-u", "--tau-d", "--tau-o",
            "--passes", "--prefix-weight", "--cooccurrence", "--cooccurrence-mix", "--cooccurrence-entries", "--u-rank", "--start", "--fine-tune", "--epochs",
            "--batch-size", "--learning-rate", "--patience", "--fold-temperature", "--word-dropout", "--averaged-runs", "--seed", "--init-scale", "--max-false-rejection", "--temperature-scale", "--none-rejection-target", "--none-needs-anchor", "--non-acting-offset", "--paired-codes", "--skip-bad-lines", "--quiet"];
        foreach (string flag in flags) StringAssert.Contains(output, flag);
        Assert.AreEqual(flags.Length - 5, output.Split("Default:").Length - 1, "every option but --train, --home, --extra, --phrasings and --out states its default");
    }

    [TestMethod]
    [DataRow("--epsilon", "0", "epsilon")]
    [DataRow("--bits", "5000", "bits")]
    [DataRow("--passes", "7", "refinement passes")]
    [DataRow("--max-false-rejection", "2", "max false rejection")]
    [DataRow("--none-rejection-target", "1.5", "none rejection target")]
    public void KnobOutOfRangeIsUsageNamingIt(string flag, string value, string name)
    {
        var (code, _, error) = SaffuCli.Run("train", "--train", "t.jsonl", "--out", "m", flag, value);
        Assert.AreEqual(2, code, error);
        StringAssert.Contains(error, name);
    }

    [TestMethod]
    public void WrongTypeIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("train", "--train", "t.jsonl", "--out", "m", "--block", "big");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "big");
    }

    [TestMethod]
    public void MissingTrainingFileIsBadInputNamingIt()
    {
        using var folder = new TestFolder();
        string missing = Path.Combine(folder.Path, "nope.jsonl");
        var (code, _, error) = SaffuCli.Run("train", "--train", missing, "--out", Path.Combine(folder.Path, "m"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, missing);
    }

    [TestMethod]
    public void UnknownValidationLabelIsBadInputWithFileAndLine()
    {
        using var folder = new TestFolder();
        string train = folder.File("train.jsonl", TrainJsonl);
        string valid = folder.File("valid.csv", "kitchen lights on,on\nplay jazz,music\n");
        var (code, _, error) = SaffuCli.Run("train", "--train", train, "--valid", valid, "--out", Path.Combine(folder.Path, "m"), "--quiet");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, valid + ":2");
        StringAssert.Contains(error, "\"music\"");
    }

    [TestMethod]
    public void TrainsAndWritesTheModelFolder()
    {
        using var folder = new TestFolder();
        string train = folder.File("train.jsonl", TrainJsonl), valid = folder.File("valid.csv", ValidCsv);
        string model = Path.Combine(folder.Path, "model");
        var (code, output, error) = SaffuCli.Run("train", "--train", train, "--valid", valid, "--out", model, "--epochs", "2", "--block", "4");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "trained " + model);
        StringAssert.Contains(output, "3 intents");
        StringAssert.Contains(error, "solved document.U");
        foreach (string file in new[] { "model.json", "weights.bin", "training-state.bin", "heldout.jsonl", "training-log.json" })
            Assert.IsTrue(File.Exists(Path.Combine(model, file)), file);
        var loaded = ModelFolder.Load(model);
        Assert.AreEqual(4, loaded.Model.Config.BlockSize);
        Assert.AreEqual(5, loaded.Model.TagLabels.Count, "O plus B/I of area and brightness");
        Assert.HasCount(3, loaded.HeldOut);
    }

    [TestMethod]
    public void QuietPrintsNothingOnStderr()
    {
        using var folder = new TestFolder();
        string train = folder.File("train.jsonl", TrainJsonl);
        var (code, output, error) = SaffuCli.Run("train", "--train", train, "--out", Path.Combine(folder.Path, "m"), "--quiet");
        Assert.AreEqual(0, code, error);
        Assert.AreEqual("", error);
        StringAssert.Contains(output, "no --valid");
    }

    [TestMethod]
    public void BadLinesAreSkippedAndCountedWhenAsked()
    {
        using var folder = new TestFolder();
        string train = folder.File("train.jsonl", TrainJsonl + "{broken\n");
        var (code, _, error) = SaffuCli.Run("train", "--train", train, "--out", Path.Combine(folder.Path, "m"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, train + ":8");
        (code, _, error) = SaffuCli.Run("train", "--train", train, "--out", Path.Combine(folder.Path, "m"), "--skip-bad-lines");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, "skipped 1 bad line(s)");
    }
}
