using Saffu.Training.Simulation;
using Saffu.Training.Speech;
using Saffu.Training.Tests.Export;
using Vote = Saffu.Training.Speech.DecisionConsensus.Vote;

namespace Saffu.Training.Tests.Speech;

/// <summary>
/// The decision consensus over the recogniser's N-best list (docs/voice.md §9): the arithmetic on hand-made lists, and
/// the rule on the lights model — a driving decision is refused when too little of the list's mass agrees with it.
/// </summary>
[TestClass]
public sealed class DecisionConsensusTests
{
    [TestMethod]
    public void AListThatAllAgreesGivesOneAndAnEmptyListZero()
    {
        Assert.AreEqual(1.0, DecisionConsensus.Agreement([new Vote(-900, true), new Vote(-1200, true)], 500), 1e-12);
        Assert.AreEqual(0.0, DecisionConsensus.Agreement([], 500));
        Assert.AreEqual(0.0, DecisionConsensus.Agreement([new Vote(-900, false)], 500));
    }

    [TestMethod]
    public void AnInfiniteScaleCountsEveryHypothesisAlike()
    {
        Vote[] votes = [new(-26916, true), new(-27147, false), new(-27235, true), new(-99999, true)];
        Assert.AreEqual(0.75, DecisionConsensus.Agreement(votes, double.PositiveInfinity), 1e-12);
    }

    [TestMethod]
    public void MassFollowsTheScoreDifferenceOverTheScale()
    {
        // exp(-69.3 / 100) = 1/2: the disagreeing runner-up has half the best's mass, so 2/3 agrees.
        Assert.AreEqual(2.0 / 3, DecisionConsensus.Agreement([new Vote(-1000, true), new Vote(-1069, false)], 100), 2e-3);
        // The same list with the disagreeing hypothesis best: 1/3 agrees; order in the list does not matter.
        Assert.AreEqual(1.0 / 3, DecisionConsensus.Agreement([new Vote(-1069, true), new Vote(-1000, false)], 100), 2e-3);
        // A runner-up far behind barely counts; a smaller scale sharpens the distribution.
        Assert.IsGreaterThan(0.999, DecisionConsensus.Agreement([new Vote(-1000, true), new Vote(-6000, false)], 500));
        Assert.IsGreaterThan(DecisionConsensus.Agreement([new Vote(-1000, true), new Vote(-1300, false)], 500),
            DecisionConsensus.Agreement([new Vote(-1000, true), new Vote(-1300, false)], 100));
    }

    [TestMethod]
    public void ANonPositiveScaleIsRejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DecisionConsensus.Agreement([new Vote(0, true)], 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DecisionConsensus.Agreement([new Vote(0, true)], double.NaN));
    }

    [TestMethod]
    public void NBestLinesAreParsedBestFirstWithoutFillers()
    {
        // Captured from pocketsphinx_batch -nbest 10 -nbestdir (Debian 0.8+5prealpha), flite awb saying "turn on the bedroom lights".
        var list = PocketSphinx.ParseNBest(["turn on the bedroom lights -26916", "turn on the bedroom light is -27147",
            "uh turn on the <sil> bedroom lights(2) -27180", "garbage", "-27300", ""]);
        Assert.HasCount(4, list);
        Assert.AreEqual(new Hypothesis("turn on the bedroom lights", -26916), list[0]);
        Assert.AreEqual(new Hypothesis("uh turn on the bedroom lights", -27180), list[2]);
        Assert.AreEqual(new Hypothesis("", -27300), list[3]);
    }

    static HearingCheck Check(double consensus) => new(SimulatedModel.Load(LightsFixture.Blob, "lights.blob"), 0, consensus, 100);

    /// <summary>A recognition of the first hypothesis, sure of every word, with the given N-best list.</summary>
    static Recognition Heard(params (string Text, long Score)[] nbest) => new(nbest[0].Text, nbest[0].Score,
        nbest[0].Text.Split(' ').Select(w => new HeardWord(w, 1)).ToList()) { Alternatives = nbest.Select(h => new Hypothesis(h.Text, h.Score)).ToList() };

    [TestMethod]
    public void TheModelVotesOnEveryHypothesis()
    {
        var votes = Check(0.9).Votes(Heard(("switch off the desk lamp", -1000), ("switch on the desk lamp", -1069), ("uh switch off the desk lamp", -1100)));
        Assert.IsNotNull(votes);
        CollectionAssert.AreEqual(new[] { true, false, true }, votes.Select(v => v.Agrees).ToArray());
    }

    [TestMethod]
    public void AnOnOffFlipCloseBehindIsRefusedAndAFillerVariantIsNot()
    {
        var flip = Heard(("switch off the desk lamp", -1000), ("switch on the desk lamp", -1069));
        HearingDoubt? doubt = Check(0.9).Doubt(flip);
        Assert.IsNotNull(doubt);
        Assert.IsNull(doubt.Word);
        Assert.AreEqual(2.0 / 3, doubt.Agreement!.Value, 2e-3);
        Assert.IsNull(Check(0.6).Doubt(flip));
        Assert.IsNull(Check(0).Doubt(flip));
        Assert.IsNull(Check(0.99).Doubt(Heard(("switch off the desk lamp", -1000), ("uh switch off the desk lamp", -1010), ("switch off the desk lamp please", -1020))));
    }

    [TestMethod]
    public void SentencesThatDriveNothingAreNotJudgedAndADrivingOneWithoutAListIsRefused()
    {
        Assert.IsNull(Check(0.9).Votes(Heard(("what's the weather like tomorrow", -1000), ("turn on the desk lamp", -1001))));
        Assert.IsNull(Check(0.9).Doubt(Heard(("what's the weather like tomorrow", -1000), ("turn on the desk lamp", -1001))));
        var bare = new Recognition("turn on the desk lamp", 0, "turn on the desk lamp".Split(' ').Select(w => new HeardWord(w, 1)).ToList());
        Assert.AreEqual(0, Check(0.9).Votes(bare)!.Count);
        Assert.AreEqual(0.0, Check(0.9).Doubt(bare)!.Agreement);
    }
}
