using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Tests.Training;

namespace Saffu.Training.Tests.FineTuning;

[TestClass]
public class RobustFineTuneTests
{
    static readonly FineTuneOptions Short = new() { Epochs = 3, BatchSize = 3, LearningRate = 0.05, Patience = 3, FoldTemperature = false };

    static float[] Tuned(FineTuneOptions options)
    {
        var (model, corpus) = TinyCorpus.RandomModel(scale: 0.1);
        int checks = 0;
        new FineTuner(model, options) { Selection = _ => checks++ }.Run(corpus, corpus); // every check better: the last weights are kept
        return Flat(model.Weights, model.Config);
    }

    static float[] Flat(SaffuWeights w, SaffuConfig c) => w.Tensors(c).SelectMany(t => t.Data).ToArray();

    [TestMethod]
    public void WordDropoutRepeatsForTheSameSeedAndChangesTheSteps()
    {
        float[] dropped = Tuned(Short with { WordDropout = 0.3 });
        CollectionAssert.AreEqual(dropped, Tuned(Short with { WordDropout = 0.3 }), "the draws depend on seed, epoch and utterance only");
        CollectionAssert.AreNotEqual(dropped, Tuned(Short), "some words were read as <oov>");
        CollectionAssert.AreNotEqual(dropped, Tuned(Short with { WordDropout = 0.3, Seed = 2 }));
    }

    [TestMethod]
    public void AveragedRunsKeepTheMeanOfTheRunsWithConsecutiveSeeds()
    {
        var (model, corpus) = TinyCorpus.RandomModel(scale: 0.1);
        var expected = new[] { 1, 2 }.Select(seed =>
        {
            var (m, c) = TinyCorpus.RandomModel(scale: 0.1);
            new FineTuner(m, Short with { Seed = seed }).Run(c, c);
            return Flat(m.Weights, m.Config);
        }).ToArray();
        var history = new List<EpochReport>();
        double accuracy = AveragedFineTune.Run(model, Short with { AveragedRuns = 2 }, corpus, corpus, ITrainingObserverNone, history);
        float[] mean = Flat(model.Weights, model.Config);
        for (int i = 0; i < mean.Length; i++) Assert.AreEqual((expected[0][i] + expected[1][i]) / 2, mean[i], 1e-6);
        Assert.AreEqual(HeldOutAccuracy.Of(model, corpus), accuracy, "the mean's own validation accuracy");
        Assert.AreEqual(2, history.Count(e => e.Epoch == 0), "both runs report their curves");
    }

    static Saffu.Training.Training.ITrainingObserver ITrainingObserverNone => Saffu.Training.Training.ITrainingObserver.None;

    [TestMethod]
    public void ASingleRunIsThePlainFineTune()
    {
        var (a, corpus) = TinyCorpus.RandomModel(scale: 0.1);
        var (b, _) = TinyCorpus.RandomModel(scale: 0.1);
        new FineTuner(a, Short).Run(corpus, corpus);
        AveragedFineTune.Run(b, Short, corpus, corpus, ITrainingObserverNone, []);
        CollectionAssert.AreEqual(Flat(a.Weights, a.Config), Flat(b.Weights, b.Config));
    }

    [TestMethod]
    public void OutOfRangeKnobsAreRefusedByName()
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => new FineTuneOptions { WordDropout = 1 }.Validate());
        StringAssert.Contains(e.Message, "word dropout");
        e = Assert.ThrowsExactly<ArgumentException>(() => new FineTuneOptions { AveragedRuns = 0 }.Validate());
        StringAssert.Contains(e.Message, "averaged runs");
    }
}
