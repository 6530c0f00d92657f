using Saffu.Training.Simulation;
using Saffu.Training.Speech;
using Saffu.Training.Tests.Export;

namespace Saffu.Training.Tests.Speech;

/// <summary>
/// The rival grammar of docs/voice.md §10: phone distances, a transcript's grammar (which words alternate, with what),
/// its FSG text, and the decision comparison, on hand-made pronunciations and the lights model.
/// </summary>
[TestClass]
public sealed class RivalGrammarTests
{
    // Pronunciations as in cmudict-en-us (the words these tests need; "on" with both of its entries).
    const string Dictionary = """
        turn T ER N
        on AA N
        on(2) AO N
        off AO F
        up AH P
        down D AW N
        in IH N
        out AW T
        the DH AH
        floor F L AO R
        lamp L AE M P
        lamps L AE M P S
        forty F AO R T IY
        fourteen F AO R T IY N
        fifty F IH F T IY
        set S EH T
        to T UW
        percent P ER S EH N T
        tomato T AH M EY T OW
        too T UW
        two T UW
        """;

    static readonly PronunciationDictionary Pronunciations = PronunciationDictionary.Parse(Dictionary.Replace("        ", ""));

    static RivalGrammar Rivals(bool deletions = true, int distance = 2)
    {
        var model = SimulatedModel.Load(LightsFixture.Blob, "lights.blob");
        return new RivalGrammar(new DecisionJudge(model), PhoneNeighbours.OfModel(model, Pronunciations), deletions, distance);
    }

    [TestMethod]
    public void PhoneDistanceIsTheFewestPhoneEditsOverThePronunciations()
    {
        Assert.AreEqual(0, PhoneNeighbours.Distance(["AA", "N"], ["AA", "N"]));
        Assert.AreEqual(2, PhoneNeighbours.Distance(["AA", "N"], ["D", "AW", "N"]));
        Assert.AreEqual(1, PhoneNeighbours.Distance(["F", "AO", "R", "T", "IY"], ["F", "AO", "R", "T", "IY", "N"]));
        Assert.AreEqual(3, PhoneNeighbours.Distance([], ["D", "AW", "N"]));
        // "on" AO N is one edit from "off" AO F; its other pronunciation AA N is two.
        Assert.AreEqual(1, PhoneNeighbours.Distance([["AA", "N"], ["AO", "N"]], [["AO", "F"]]));
    }

    [TestMethod]
    public void NeighboursAreTheListedWordsWithinTheDistanceNearestFirst()
    {
        var neighbours = new PhoneNeighbours(Pronunciations, ["on", "off", "up", "down", "in", "out", "lamp", "lamps", "forty", "fourteen", "unsayable"]);
        CollectionAssert.AreEqual(new[] { "in", "off", "down", "out", "up" }, neighbours.Near("on", 2).ToArray());
        CollectionAssert.AreEqual(new[] { "in", "off" }, neighbours.Near("on", 1).ToArray());
        CollectionAssert.AreEqual(new[] { "fourteen" }, neighbours.Near("forty", 2).ToArray());
        CollectionAssert.AreEqual(new[] { "lamps" }, neighbours.Near("lamp", 1).ToArray());
        Assert.IsEmpty(neighbours.Near("unsayable", 2));
        var homophones = new PhoneNeighbours(Pronunciations, ["too", "two", "to", "up"]);
        CollectionAssert.AreEqual(new[] { "to", "two" }, homophones.Near("too", 1).ToArray(), "the same phones: distance 0");
        Assert.IsEmpty(homophones.Near("too", 1, minDistance: 1));
    }

    [TestMethod]
    public void TheFsgHasOneEquallyWeightedTransitionPerAlternativeAndANullOneForADeletion()
    {
        string fsg = RivalGrammar.FsgOf([["turn"], ["on", "off", "down", ""], ["the"], ["lamp"]], "g");
        Assert.AreEqual("""
            FSG_BEGIN g
            NUM_STATES 5
            START_STATE 0
            FINAL_STATE 4
            TRANSITION 0 1 1 turn
            TRANSITION 1 2 0.25 on
            TRANSITION 1 2 0.25 off
            TRANSITION 1 2 0.25 down
            TRANSITION 1 2 0.25
            TRANSITION 2 3 1 the
            TRANSITION 3 4 1 lamp
            FSG_END

            """.Replace("            ", ""), fsg);
        Assert.Contains("TRANSITION 0 1 0.333333 a\n", RivalGrammar.FsgOf([["a", "b", "c"]]));
        Assert.ThrowsExactly<ArgumentException>(() => RivalGrammar.FsgOf([]));
        Assert.ThrowsExactly<ArgumentException>(() => RivalGrammar.FsgOf([["turn"], []]));
        Assert.ThrowsExactly<ArgumentException>(() => RivalGrammar.FsgOf([["turn on"]]));
    }

    [TestMethod]
    public void TheWordsTheDecisionDependsOnAlternateWithSoundAlikesThatChangeItTheOthersStay()
    {
        var positions = Rivals().Positions("turn on the floor lamp")!;
        Assert.HasCount(5, positions);
        CollectionAssert.AreEqual(new[] { "the" }, positions[2].ToArray(), "a word the decision does not depend on stays as heard");
        Assert.AreEqual("on", positions[1][0]);
        foreach (string rival in new[] { "off", "down", "up", "" }) CollectionAssert.Contains(positions[1].ToArray(), rival);
        CollectionAssert.DoesNotContain(positions[1].ToArray(), "tomato", "too far from \"on\" to be heard for it");
        CollectionAssert.DoesNotContain(Rivals(deletions: false).Positions("turn on the floor lamp")![1].ToArray(), "");
        CollectionAssert.DoesNotContain(Rivals(distance: 1).Positions("turn on the floor lamp")![1].ToArray(), "down", "two phones from \"on\"");
        CollectionAssert.Contains(Rivals(distance: 1).Positions("turn on the floor lamp")![1].ToArray(), "off", "one phone from \"on\" (AO N)");
        var number = Rivals().Positions("set the floor lamp to forty percent")!;
        CollectionAssert.Contains(number[5].ToArray(), "fourteen");
    }

    [TestMethod]
    public void ClassRivalsAlternateWithADecisiveWordHoweverFarTheySound()
    {
        var model = SimulatedModel.Load(LightsFixture.Blob, "lights.blob");
        var grammar = new RivalGrammar(new DecisionJudge(model), PhoneNeighbours.OfModel(model, Pronunciations), deletions: false, maxDistance: 1,
            classes: RivalWordClasses.Of(model));
        string[] particle = grammar.Positions("turn on the floor lamp")![1].ToArray();
        CollectionAssert.Contains(particle, "down", "two phones from \"on\" but its class mate");
        CollectionAssert.Contains(particle, "off");
        CollectionAssert.DoesNotContain(Rivals(deletions: false, distance: 1).Positions("turn on the floor lamp")![1].ToArray(), "down");
        CollectionAssert.Contains(grammar.Positions("set the floor lamp to forty percent")![5].ToArray(), "fifty", "a number's class mates");
    }

    [TestMethod]
    public void NothingToGuardWhenTheDecisionDrivesNoLight()
    {
        Assert.IsNull(Rivals().Positions("what's the weather like tomorrow"));
        Assert.IsNull(Rivals().Fsg(""));
        Assert.IsNotNull(Rivals().Fsg("turn on the floor lamp"));
    }

    [TestMethod]
    public void TheVerdictComparesTheDecisionOnTheGrammarSentenceWithTheTranscripts()
    {
        var rivals = Rivals();
        Assert.AreEqual(RivalGrammar.Outcome.Agrees, rivals.Verdict("turn on the floor lamp", "turn on the floor lamp"));
        Assert.AreEqual(RivalGrammar.Outcome.Agrees, rivals.Verdict("turn on the floor lamp", "switch on the floor lamp"));
        Assert.AreEqual(RivalGrammar.Outcome.Agrees, rivals.Verdict("turn on the floor lamp", ""), "no path: no second opinion");
        Assert.AreEqual(RivalGrammar.Outcome.Agrees, rivals.Verdict("turn on the floor lamp", null));
        Assert.AreEqual(RivalGrammar.Outcome.Differs, rivals.Verdict("turn on the floor lamp", "turn off the floor lamp"));
        Assert.AreEqual(RivalGrammar.Outcome.Differs, rivals.Verdict("set the floor lamp to forty percent", "set the floor lamp to fourteen percent"));
        Assert.AreEqual(RivalGrammar.Outcome.DrivesNothing, rivals.Verdict("turn on the floor lamp", "turn on the floor"));
    }

    [TestMethod]
    public void TheHearingCheckRefusesByItsRivalRule()
    {
        HearingCheck Check(RivalRule rule)
        {
            var model = SimulatedModel.Load(LightsFixture.Blob, "lights.blob");
            return new HearingCheck(model, 0, neighbours: PhoneNeighbours.OfModel(model, Pronunciations), rival: rule, distance: 2);
        }
        var heard = new Recognition("turn on the floor lamp", 0);
        Assert.IsNull(Check(RivalRule.Differs).Doubt(heard), "no grammar decode made");
        Assert.IsNull(Check(RivalRule.Off).RivalFsg(heard));
        Assert.IsNotNull(Check(RivalRule.Differs).RivalFsg(heard));
        var off = heard with { Rival = "turn off the floor lamp" };
        Assert.AreEqual("turn off the floor lamp", Check(RivalRule.Differs).Doubt(off)?.Rival);
        Assert.IsNull(Check(RivalRule.Off).Doubt(off));
        var nothing = heard with { Rival = "turn on the floor" };
        Assert.IsNull(Check(RivalRule.Differs).Doubt(nothing));
        Assert.AreEqual("turn on the floor", Check(RivalRule.Any).Doubt(nothing)?.Rival);
        TranscriptResult refused = Check(RivalRule.Differs).Refused(off, Check(RivalRule.Differs).Doubt(off));
        Assert.AreEqual(HearingCheck.Reason, refused.Reason);
        Assert.IsNull(refused.Action);
    }
}
