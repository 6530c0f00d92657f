using Saffu.Training.Sweep;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Sweep;

/// <summary>A three-configuration sweep on the tiny corpus: rows, resume, the Pareto front, the budget, the plot.</summary>
[TestClass]
public class SweepRunnerTests
{
    static readonly SweepConfig[] Three =
    [
        new() { Bits = 0, Block = 3, Passes = 1 },
        new() { Bits = 8, UBits = 8 },
        new() { Bits = 0, Radial = 2, Cooccurrence = 1 },
    ];

    static SweepData Data() => new(TinyCorpus.Train, TinyCorpus.Valid, [("tiny-dev", TinyCorpus.Valid)], TinyCorpus.Valid);

    static SweepSettings Settings() => new()
    {
        Configs = Three, Threads = 1, MaxFineTuned = 1,
        Defaults = new TrainOptions { MaxWords = 12, FineTuning = new() { Epochs = 2 } },
    };

    [TestMethod]
    public void EveryRowIsMeasuredStreamedAndResumed()
    {
        using var folder = new TempFolder();
        string results = Path.Combine(folder.Path, "results.jsonl");
        var first = new Recorder();
        var rows = SweepRunner.Run(Data(), Settings(), results, first);

        Assert.HasCount(4, rows, "three explicit rows and the one fine-tuned");
        Assert.AreEqual(4, first.Trained);
        Assert.AreEqual(1, rows.Count(r => r.Config.FineTune));
        foreach (var r in rows)
        {
            Assert.IsTrue(r.ValidAccuracy is >= 0 and <= 1);
            Assert.IsTrue(r.DevAccuracy.ContainsKey("tiny-dev"));
            Assert.IsNotNull(r.OodRejection);
            Assert.IsGreaterThan(0L, r.BlobBytes);
            Assert.IsGreaterThan(0L, r.RamBytes);
            Assert.IsGreaterThan(0L, r.MacsPerWord);
        }
        Assert.AreEqual(8, rows[1].Config.UBits);
        Assert.HasCount(4, File.ReadAllLines(results));

        var again = new Recorder();
        var resumed = SweepRunner.Run(Data(), Settings(), results, again);
        Assert.AreEqual(0, again.Trained, "every key is already in the file");
        Assert.AreEqual(4, again.FromFile);
        CollectionAssert.AreEqual(rows.Select(r => r.Key).ToList(), resumed.Select(r => r.Key).ToList());
    }

    [TestMethod]
    public void AHalfWrittenLastLineIsTrainedAgain()
    {
        using var folder = new TempFolder();
        string results = Path.Combine(folder.Path, "results.jsonl");
        var settings = Settings() with { Configs = Three.Take(2).ToList(), MaxFineTuned = 0 };
        SweepRunner.Run(Data(), settings, results, new Recorder());
        string[] lines = File.ReadAllLines(results);
        File.WriteAllText(results, lines[0] + "\n" + lines[1][..(lines[1].Length / 2)]);
        var again = new Recorder();
        SweepRunner.Run(Data(), settings, results, again);
        Assert.AreEqual(1, again.Trained);
        Assert.HasCount(2, SweepRunner.Read(results));
    }

    [TestMethod]
    public void TheFrontTheBudgetAndThePlot()
    {
        SweepRow Row(string key, double accuracy, long bytes, long macs) => new()
        {
            Key = key, Config = new SweepConfig(), ValidAccuracy = accuracy, ExplicitValidAccuracy = accuracy,
            DevAccuracy = new Dictionary<string, double>(), FalseRejection = 0.02, BlobBytes = bytes, RamBytes = 100,
            MacsPerWord = macs, CostEstimated = false, Parameters = 1, TrainSeconds = 1,
        };
        var rows = new[] { Row("small", 0.70, 1_000, 500), Row("mid", 0.80, 10_000, 5_000), Row("big-worse", 0.75, 50_000, 100), Row("big", 0.85, 100_000, 9_000) };
        CollectionAssert.AreEqual(new[] { "small", "mid", "big" }, ParetoFront.Of(rows).Select(r => r.Key).ToArray());
        Assert.AreEqual("mid", ParetoFront.BestWithin(rows, 60_000, null)!.Key);
        Assert.AreEqual("big-worse", ParetoFront.BestWithin(rows, 60_000, 200)!.Key);
        Assert.IsNull(ParetoFront.BestWithin(rows, 500, null));
        Assert.IsNull(ParetoFront.BestWithin(rows, null, null, maxRam: 99), "every row needs 100 bytes of RAM");
        Assert.AreEqual("big", ParetoFront.BestWithin(rows, null, null, maxRam: 100)!.Key);
        CollectionAssert.AreEqual(new[] { "small", "mid", "big" }, ParetoFront.NearFront(rows, 0.01).Select(r => r.Key).ToArray());
        byte[] png = SweepPlot.Png(rows, rows[1]);
        CollectionAssert.AreEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png.Take(4).ToArray());
    }

    sealed class Recorder : ISweepProgress
    {
        public int Trained, FromFile;
        public void Started(int total, int alreadyDone) { }
        public void RowFinished(SweepRow row, bool fromFile) { if (fromFile) FromFile++; else Trained++; }
        public void FineTuningStarted(int count) { }
    }
}
