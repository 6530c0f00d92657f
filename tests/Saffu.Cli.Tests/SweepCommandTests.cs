using System.Text.Json;

namespace Saffu.Cli.Tests;

/// <summary>`saffu sweep` held to docs/cli.md: a three-configuration sweep writes its rows, plot and summary; a rerun resumes.</summary>
[TestClass]
public sealed class SweepCommandTests
{
    const string Train =
        "{\"text\": \"turn on the kitchen light\", \"intent\": \"on\"}\n{\"text\": \"lights on please\", \"intent\": \"on\"}\n" +
        "{\"text\": \"switch the hall lights on\", \"intent\": \"on\"}\n{\"text\": \"turn off the kitchen light\", \"intent\": \"off\"}\n" +
        "{\"text\": \"lights off\", \"intent\": \"off\"}\n{\"text\": \"switch off the hall lights\", \"intent\": \"off\"}\n" +
        "{\"text\": \"dim the hall to 30 percent\", \"intent\": \"dim\"}\n{\"text\": \"make it darker\", \"intent\": \"dim\"}\n";
    const string Valid = "text,intent\nkitchen lights on,on\nhall light off,off\ndim the kitchen,dim\n";

    [TestMethod]
    public void ThreeConfigurationsWriteRowsPlotAndSummaryAndResume()
    {
        using var folder = new TestFolder();
        string train = folder.File("train.jsonl", Train), valid = folder.File("valid.csv", Valid), dev = folder.File("dev.csv", Valid);
        string ood = folder.File("ood.csv", "text,intent\nwhat is the weather,oos\nplay some jazz,oos\n");
        string outDir = Path.Combine(folder.Path, "sweep");
        string[] args = ["sweep", "--train", train, "--valid", valid, "--dev", dev, "--ood", ood, "--out", outDir, "--configs", "3",
            "--threads", "1", "--max-fine-tuned", "1", "--budget-bytes", "100000000", "--quiet"];
        var (code, output, error) = SaffuCli.Run(args);
        Assert.AreEqual(0, code, error);
        string[] lines = File.ReadAllLines(Path.Combine(outDir, "results.jsonl"));
        Assert.HasCount(4, lines, "three explicit rows and one fine-tuned");
        foreach (string line in lines)
        {
            using var row = JsonDocument.Parse(line);
            foreach (string key in new[] { "key", "config", "valid_accuracy", "dev_accuracy", "ood_rejection", "blob_bytes", "ram_bytes", "macs_per_word", "train_seconds" })
                Assert.IsTrue(row.RootElement.TryGetProperty(key, out _), key);
            Assert.IsTrue(row.RootElement.GetProperty("dev_accuracy").TryGetProperty("dev", out _));
        }
        Assert.IsTrue(File.Exists(Path.Combine(outDir, "sweep.png")));
        StringAssert.Contains(output, "Pareto front");
        StringAssert.Contains(output, "Best within the budget");

        var (again, secondOutput, secondError) = SaffuCli.Run(args);
        Assert.AreEqual(0, again, secondError);
        Assert.HasCount(4, File.ReadAllLines(Path.Combine(outDir, "results.jsonl")), "nothing trained twice");
        StringAssert.Contains(secondOutput, "4 rows");
    }

    [TestMethod]
    public void ABadValueIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("sweep", "--train", "t", "--valid", "v", "--out", "o", "--threads", "0");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--threads");
    }

    [TestMethod]
    public void NoTrainingSourceIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("sweep", "--valid", "v", "--out", "o");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--home");
        (code, _, error) = SaffuCli.Run("sweep", "--home", "h.yaml", "--out", "o", "--budget-ram", "0");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--budget-ram");
    }
}
