using Saffu.Training.Model;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Model;

[TestClass]
public class FloatModelTests
{
    static readonly TrainingResult Trained = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid,
        new TrainOptions { BlockSize = 4, RadialSize = 2, FineTune = false });

    [TestMethod]
    public void OneRowOfLogitsPerWordWithoutTheSod()
    {
        FloatModel m = Trained.Model;
        float[][] rows = m.PrefixLogits("turn on the kitchen light");
        Assert.HasCount(5, rows);
        Assert.IsTrue(rows.All(r => r.Length == m.Intents.Count));
        Assert.HasCount(1, m.PrefixLogits(""), "an empty text gives the <sod>-only row");
        Assert.HasCount(1, m.PrefixLogits("!!"));
    }

    [TestMethod]
    public void PredictsTheTrainingIntentsAndTags()
    {
        FloatModel m = Trained.Model;
        string[] expected = ["on", "off", "dim"];
        string[] texts = ["switch the hall lights on", "turn off the kitchen light", "dim the kitchen to 30 percent"];
        for (int i = 0; i < texts.Length; i++)
            Assert.AreEqual(expected[i], m.Intents[Softmax.ArgMax(m.PrefixLogits(texts[i])[^1])], texts[i]);

        var text = m.Vocabulary.Encode("dim the kitchen to 30 percent");
        var state = m.NewState();
        var tags = new int[text.Length];
        m.Run(state, text, s => tags[s.T - 1] = Softmax.ArgMax(s.TagScores));
        var slots = Saffu.Training.Slots.TagDecoder.Decode(m.TagLabels, text, tags);
        Assert.AreEqual("kitchen", slots["area"]);
        Assert.AreEqual("30", slots["brightness"]);
    }

    [TestMethod]
    public void StepRefusesMoreThanMaxWords()
    {
        FloatModel m = Trained.Model;
        var state = m.NewState();
        for (int i = 0; i < m.Config.MaxWords; i++) Assert.IsTrue(m.Step(state, m.Vocabulary.OovId));
        Assert.IsFalse(m.Step(state, m.Vocabulary.OovId));
    }

    [TestMethod]
    public void CalibrationIsStored()
    {
        Assert.IsTrue(Trained.Model.Temperature > 0);
        Assert.IsTrue(Trained.Model.RejectThreshold is > 0 and <= 1);
    }
}
