using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Training;

/// <summary>The one test on real data: the default explicit solution on HWU64 (a few seconds).</summary>
[TestClass]
public class Hwu64TrainingTests
{
    [TestMethod]
    public void DefaultExplicitModelReachesItsMeasuredValidationAccuracy()
    {
        string? train = SharedData.Find("hwu64/train"), valid = SharedData.Find("hwu64/valid");
        if (train is null || valid is null) Assert.Inconclusive("../shared/data/hwu64 not present");
        var result = Trainer.Train(DatasetReader.Read(train).Utterances, DatasetReader.Read(valid).Utterances, new TrainOptions { FineTune = false });
        // docs/ablation.md: 83.36% explicit with the defaults (softened for fine-tuning, which takes them to 88.38%);
        // a drop below 83% means a regression.
        Assert.IsGreaterThanOrEqualTo(0.83, result.Measurements.ExplicitValidAccuracy);
        Assert.AreEqual(64, result.Model.Intents.Count);
    }
}
