using Saffu.Training.FineTuning;
using Saffu.Training.Tests.Training;

namespace Saffu.Training.Tests.FineTuning;

[TestClass]
public class FineTunerTests
{
    [TestMethod]
    public void BackpropOnlyFromRandomLearnsTheTrainingSetAndReportsItsCurve()
    {
        var (model, corpus) = TinyCorpus.RandomModel(scale: 0.1);
        double before = HeldOutAccuracy.Of(model, corpus);
        var tuner = new FineTuner(model, new FineTuneOptions { Epochs = 60, BatchSize = 4, LearningRate = 0.05, Patience = 60 });
        double best = tuner.Run(corpus, corpus);
        Assert.AreEqual(1.0, best, $"from {before:P0}");
        Assert.AreEqual(0, tuner.History[0].Epoch, "the starting point is the first report");
        Assert.AreEqual(0, tuner.History[0].Seconds);
        Assert.IsTrue(tuner.History.Skip(1).All(e => e.Seconds >= 0 && e.Steps > 0));
        Assert.AreEqual(best, HeldOutAccuracy.Of(model, corpus), "the model keeps the best weights");
    }

    [TestMethod]
    public void EarlyStoppingKeepsTheBestWeights()
    {
        var (model, corpus) = TinyCorpus.RandomModel(scale: 0.1);
        var tuner = new FineTuner(model, new FineTuneOptions { Epochs = 50, BatchSize = 2, LearningRate = 0.5, Patience = 1 });
        double best = tuner.Run(corpus, corpus);
        Assert.AreEqual(tuner.History.Max(e => e.ValidAccuracy), best);
        Assert.AreEqual(best, HeldOutAccuracy.Of(model, corpus));
        Assert.IsLessThan(50.0, tuner.History[^1].Epoch, "patience 1 stops early");
    }
}
