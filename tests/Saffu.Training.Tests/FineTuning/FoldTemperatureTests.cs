using Saffu.Training.FineTuning;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.FineTuning;

[TestClass]
public class FoldTemperatureTests
{
    [TestMethod]
    public void FoldingDividesOByTheValidationTemperatureAndKeepsTheFirstCheck()
    {
        var (model, corpus) = TinyCorpus.RandomModel(scale: 3.0);
        float[] before = (float[])model.Weights.O.Clone();
        double accuracy = HeldOutAccuracy.Of(model, corpus);
        var tuner = new FineTuner(model, new FineTuneOptions { Epochs = 0, FoldTemperature = true });
        tuner.Run(corpus, corpus);
        Assert.AreNotEqual(1.0, tuner.FoldedTemperature, "random weights at scale 3 are mis-calibrated");
        for (int i = 0; i < before.Length; i++)
            Assert.AreEqual(before[i] / tuner.FoldedTemperature, model.Weights.O[i], 1e-5 * Math.Max(1, Math.Abs(before[i])));
        Assert.AreEqual(accuracy, tuner.History[0].ValidAccuracy, "dividing O by T > 0 changes no decision");
    }

    [TestMethod]
    public void WithoutFoldingONeverMovesWhenNothingTrains()
    {
        var (model, corpus) = TinyCorpus.RandomModel(scale: 3.0);
        float[] before = (float[])model.Weights.O.Clone();
        var tuner = new FineTuner(model, new FineTuneOptions { Epochs = 0, FoldTemperature = false });
        tuner.Run(corpus, corpus);
        Assert.AreEqual(1.0, tuner.FoldedTemperature);
        CollectionAssert.AreEqual(before, model.Weights.O);
    }

    [TestMethod]
    public void TheLightsDefaultsDoNotFold()
    {
        Assert.IsFalse(TrainOptions.Lights.FineTuning.FoldTemperature, "the shipped lights model was measured without it");
        Assert.IsTrue(new TrainOptions().FineTuning.FoldTemperature);
    }
}
