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

    [TestMethod]
    public void AnUnanchoredCommandIsRejectedWhateverTheRule()
    {
        // The first in-domain row says no anchor word: it is rejected at any (δ, θ), so 1 in 5 is the least false rejection.
        bool[] anchored = [false, true, true, true, true, true, true, true];
        var strict = NoneRejection.Choose(Logits, Labels, none: 0, temperature: 1, maxFalseRejection: 0.1, anchored);
        Assert.AreEqual(0.2, strict.FalseRejection, 1e-12, "the budget cannot be met: the rule that rejects the fewest");
        var loose = NoneRejection.Choose(Logits, Labels, none: 0, temperature: 1, maxFalseRejection: 0.2, anchored);
        Assert.AreEqual(0.2, loose.FalseRejection, 1e-12);
        Assert.IsLessThan(-1.0, loose.Offset, "the none-top command (margin −1) must pass now: the budget is spent");
        Assert.AreEqual(1 / 3.0, loose.NoneRejected, 1e-12, "only the clear none row stays rejected (it was all three without the anchor rule)");
    }

    [TestMethod]
    [DataRow(0.0)]    // the anchor rule alone (1 of 3) meets it: δ rejects no anchored none row
    [DataRow(0.34)]   // 1 of 3 is 0.333… < 0.34: one anchored row more
    [DataRow(0.5)]
    [DataRow(0.67)]   // ⌈0.67 · 3⌉ = 3 rows: the unanchored one and both anchored ones
    [DataRow(1.0)]
    public void TheNoneShareRuleIsTheMostPermissiveOffsetThatRejectsTheTarget(double target)
    {
        // None rows (label 0): [9, 0, 0] unanchored; [0, 0.5, 0] margin 0.5; [1, 3, 0] margin 2.
        float[][] logits = [[0, 5, 1], [0, 4, 1], [0, 1, 6], [9, 0, 0], [0, 0.5f, 0], [1, 3, 0]];
        int[] labels = [1, 1, 2, 0, 0, 0];
        bool[] anchored = [true, true, true, false, true, true];
        var choice = NoneRejection.ChooseForNoneShare(logits, labels, none: 0, temperature: 1, target, anchored);
        Assert.AreEqual(0.0, choice.Threshold);
        int needed = Math.Max(1, (int)Math.Ceiling(target * 3 - 1e-9));
        Assert.AreEqual(needed / 3.0, choice.NoneRejected, 1e-12, $"target {target}");
        // Most permissive: a smaller offset (by more than the gap) rejects fewer none rows.
        double[] margins = [0.5, 2.0];
        if (needed >= 2) Assert.IsTrue(choice.Offset > margins[needed - 2] && choice.Offset < margins[needed - 2] + 0.01, $"δ {choice.Offset}");
        else Assert.IsLessThan(margins[0], choice.Offset);
        Assert.AreEqual(0.0, choice.FalseRejection, "no command has a margin below δ");
    }
}
