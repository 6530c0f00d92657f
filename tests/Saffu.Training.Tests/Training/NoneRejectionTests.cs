using Saffu.Training.Corpus;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Training;

[TestClass]
public class NoneRejectionTests
{
    // Intent 0 is the none class; logits [none, a, b].
    static readonly float[][] Logits =
    [
        [0, 5, 1], [0, 4, 1], [0, 1, 6], [2, 1, 0], [0, 3, 2],   // in-domain; the 4th has none on top (margin −1)
        [5, 0, 1], [0, 0.5f, 0], [1, 1.5f, 0],                    // labelled none; the 2nd and 3rd are not none-top at δ = 0
    ];
    static readonly int[] Labels = [1, 1, 2, 1, 2, 0, 0, 0];

    [TestMethod]
    public void NoneOnTopCountsAsRejectedSoTheOffsetMakesRoom()
    {
        // With δ = 0 one in-domain utterance in five (20%) is none-top: no threshold brings that to ≤ 20% − ε.
        var choice = NoneRejection.Choose(Logits, Labels, none: 0, temperature: 1, maxFalseRejection: 0.1);
        Assert.IsLessThan(-1.0, choice.Offset, "δ below the worst in-domain margin (−1)");
        Assert.AreEqual(0.0, choice.FalseRejection);
        Assert.IsGreaterThan(0.0, choice.NoneRejected);
    }

    [TestMethod]
    public void AmongFeasibleOffsetsTheMostNoneRejectedWins()
    {
        // 20% tolerated: δ = 0 is feasible, and a positive δ below the next margins rejects more of the none-labelled rows.
        var choice = NoneRejection.Choose(Logits, Labels, none: 0, temperature: 1, maxFalseRejection: 0.2);
        Assert.IsLessThanOrEqualTo(0.2, choice.FalseRejection);
        Assert.AreEqual(1.0, choice.NoneRejected, "all three none rows rejected");
        var zero = NoneRejection.Choose(Logits, [1, 1, 2, 1, 2, 1, 1, 1], none: 0, temperature: 1, maxFalseRejection: 0.5);
        Assert.IsTrue(double.IsNaN(zero.NoneRejected), "no none-labelled rows");
        Assert.AreEqual(0.0, zero.Offset, "then the feasible δ nearest 0");
    }

    [TestMethod]
    public void ApplyAddsTheOffsetToTheNoneLogitExactly()
    {
        var train = new[]
        {
            new Utterance("turn on the light", "on", Utterance.NoSlots, new SourceLine("t", 1)),
            new Utterance("lights off", "off", Utterance.NoSlots, new SourceLine("t", 2)),
            new Utterance("what time is it", "<none>", Utterance.NoSlots, new SourceLine("t", 3)),
        };
        var model = Trainer.Train(train, null, new TrainOptions { BlockSize = 4, RadialSize = 2 }).Model;
        float[] before = model.PrefixLogits("turn the light off")[^1];
        NoneRejection.Apply(model, 1.5);
        float[] after = model.PrefixLogits("turn the light off")[^1];
        for (int i = 0; i < before.Length; i++)
            Assert.AreEqual(before[i] + (i == model.NoneIntent ? 1.5f : 0f), after[i], 1e-4f, model.Intents[i]);
    }
}
