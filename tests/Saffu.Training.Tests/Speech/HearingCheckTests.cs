using Saffu.Training.Simulation;
using Saffu.Training.Speech;
using Saffu.Training.Tests.Export;

namespace Saffu.Training.Tests.Speech;

/// <summary>
/// The hearing check (docs/voice.md §5) on the lights model: a command is refused exactly when a word its decision
/// depends on was heard below the threshold; fillers, sure words and sentences that switch nothing are let through.
/// </summary>
[TestClass]
public sealed class HearingCheckTests
{
    static HearingCheck Check(double threshold) => new(SimulatedModel.Load(LightsFixture.Blob, "lights.blob"), threshold);

    /// <summary>A recognition of <paramref name="text"/> whose words all have posterior 1 except those given.</summary>
    static Recognition Heard(string text, params (string Word, double P)[] unsure) => new(text, 0, text.Split(' ')
        .Select(w => new HeardWord(w, unsure.FirstOrDefault(u => u.Word == w) is { Word: not null } u ? u.P : 1.0)).ToList());

    [TestMethod]
    public void AnUnsureNumberOfASettingIsRefused()
    {
        var check = Check(0.8);
        HeardWord? unsure = check.UnsureWord(Heard("set the floor lamp to forty percent", ("forty", 0.62)));
        Assert.AreEqual(new HeardWord("forty", 0.62), unsure);
        TranscriptResult refused = check.Refused(Heard("set the floor lamp to forty percent"));
        Assert.IsFalse(refused.Understood);
        Assert.IsNull(refused.Intent);
        Assert.IsNull(refused.Action);
        Assert.AreEqual(HearingCheck.Reason, refused.Reason);
        Assert.AreEqual(HearingCheck.Answer, refused.Answer);
    }

    [TestMethod]
    public void AnUnsureNameOrOnOffWordIsRefused()
    {
        var check = Check(0.8);
        Assert.AreEqual("desk", check.UnsureWord(Heard("turn on the desk lamp", ("desk", 0.5)))?.Word);
        Assert.AreEqual("off", check.UnsureWord(Heard("switch off the desk lamp", ("off", 0.7)))?.Word);
    }

    [TestMethod]
    public void AnUnsureFillerDoesNotRefuse()
    {
        Assert.IsNull(Check(0.8).UnsureWord(Heard("turn on the desk lamp", ("the", 0.3))));
    }

    [TestMethod]
    public void SureWordsAThresholdOfZeroAndSentencesThatSwitchNothingAreLetThrough()
    {
        Assert.IsNull(Check(0.8).UnsureWord(Heard("turn on the desk lamp", ("desk", 0.85))));
        Assert.IsNull(Check(0).UnsureWord(Heard("turn on the desk lamp", ("desk", 0.1))));
        Assert.IsNull(Check(0.8).UnsureWord(Heard("what's the weather like tomorrow", ("weather", 0.1))));
        Assert.IsNull(Check(0.8).UnsureWord(new Recognition("", 0)));
    }

    [TestMethod]
    public void ACommandWithoutPosteriorsIsNotKnownToBeSure()
    {
        Assert.AreEqual(new HeardWord("", 0), Check(0.8).UnsureWord(new Recognition("turn on the desk lamp", 0)));
    }

    [TestMethod]
    public void TheWeakestNeededWordIsTheLeastSureOneTheDecisionDependsOn()
    {
        var check = Check(0.8);
        var heard = Heard("set the floor lamp to forty percent", ("the", 0.2), ("floor", 0.9), ("forty", 0.7));
        Assert.AreEqual(new HeardWord("forty", 0.7), check.WeakestNeededWord(heard));
        Assert.IsNull(check.WeakestNeededWord(heard, below: 0.6));
    }

    [TestMethod]
    public void EveryJudgementStartsFromTheLoadStatesAndLeavesThem()
    {
        // A check runs the model on the same transcript several times: no run may see the lights as an earlier run left them.
        var model = SimulatedModel.Load(LightsFixture.Blob, "lights.blob");
        var check = new HearingCheck(model, 0.8, consensus: 0.5, floor: 0.4);
        foreach (string text in new[] { "turn on the floor lamp", "set the floor lamp to forty percent", "make the mood light red" })
        {
            var heard = Heard(text, ("the", 0.5)) with { Alternatives = [new Hypothesis(text, 0)] };
            Assert.IsNull(check.Doubt(heard), text);
            Assert.IsNull(check.UnsureWord(heard), text);
            for (int light = 0; light < model.Actions.States.Count; light++)
            {
                Assert.AreEqual(0, model.Actions.States.Level(light), $"light {light} after checking '{text}'");
                Assert.AreEqual(255, model.Actions.States.Color(light, 1), $"light {light}'s green after checking '{text}'");
            }
        }
    }

    [TestMethod]
    public void CtmLinesGiveEachWordItsPosteriorWithoutFillers()
    {
        // Captured from pocketsphinx_batch -ctm (Debian 0.8+5prealpha), flite kal16 saying "set the bedroom lamp to fifteen percent".
        var words = PocketSphinx.ParseCtm([
            "u2 1 0.10 0.31 set 1.000", "u2 1 0.42 0.09 the 1.000", "u2 1 0.52 0.40 bedroom 1.000", "u2 1 0.93 0.34 lamps 0.815",
            "u2 1 1.28 0.09 to 0.829", "u2 1 1.38 0.52 fifteen 0.695", "u2 1 1.60 0.10 <sil> 0.990", "u2 1 1.91 0.48 percent 1.000",
            "u3 1 0.10 0.20 [NOISE] 0.500", "garbage",
        ]);
        Assert.HasCount(1, words);
        Assert.AreEqual("set the bedroom lamps to fifteen percent", string.Join(' ', words["u2"].Select(w => w.Word)));
        Assert.AreEqual(0.695, words["u2"][5].Posterior);
        Assert.AreEqual(new TimedWord("fifteen", 1.38, 1.90, 0.695), words["u2"][5] with { End = Math.Round(words["u2"][5].End, 2) });
        var heard = new Recognition("set the bedroom lamps to fifteen percent", -7613, words["u2"].Select(w => new HeardWord(w.Word, w.Posterior)).ToList());
        Assert.IsTrue(heard.HasPosteriors);
        Assert.IsFalse((heard with { Text = "set the bedroom lamp to fifteen percent" }).HasPosteriors);
    }

    [TestMethod]
    public void LatticePosteriorsSumAWordsLinksOverItsMidpoint()
    {
        // Cut from pocketsphinx_batch -outlatdir -outlatfmt htk for the same recording: "to" leaves two nodes with
        // different start times (its CTM link alone has 0.829); "fifteen" competes with "fifty".
        var lattice = WordLattice.Parse([
            "VERSION=1.0", "N=6\tL=6", "I=0\tt=2.40\tW=!SENT_END\tv=1", "I=1\tt=1.91\tW=percent\tv=1", "I=2\tt=1.38\tW=fifteen\tv=1",
            "I=3\tt=1.38\tW=fifty\tv=1", "I=4\tt=1.28\tW=to\tv=3", "I=5\tt=1.30\tW=to\tv=1",
            "J=0\tS=1\tE=0\ta=-85.0\tp=1", "J=1\tS=2\tE=1\ta=-60.1\tp=0.695", "J=2\tS=3\tE=1\ta=-61.2\tp=0.305",
            "J=3\tS=4\tE=2\ta=-20.5\tp=0.6", "J=4\tS=5\tE=2\ta=-19.5\tp=0.39", "J=5\tS=4\tE=3\ta=-20.0\tp=0.01", "garbage=",
        ]);
        Assert.AreEqual(0.695, lattice.Posterior("fifteen", 1.6), 1e-9);
        Assert.AreEqual(1.0, lattice.Posterior("to", 1.33), 1e-9);
        Assert.AreEqual(0.0, lattice.Posterior("to", 1.6), 1e-9);
        Assert.AreEqual(0.0, lattice.Posterior("lamp", 1.33), 1e-9);
    }
}
