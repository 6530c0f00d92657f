using Saffu.Training.Simulation;
using Saffu.Training.Speech;
using Saffu.Training.Tests.Export;
using Verdict = Saffu.Training.Speech.DecisionConsensus.Verdict;
using Vote = Saffu.Training.Speech.DecisionConsensus.Vote;

namespace Saffu.Training.Tests.Speech;

/// <summary>
/// The decision consensus over the recogniser's N-best list (docs/voice.md §9): the arithmetic on hand-made lists, and
/// the rule on the lights model — a driving decision is refused when too little of the list's mass agrees with it.
/// </summary>
[TestClass]
public sealed class DecisionConsensusTests
{
    const Verdict Agrees = Verdict.Agrees, Differs = Verdict.Differs, Idle = Verdict.DrivesNothing;

    [TestMethod]
    public void AListThatAgreesOrDrivesNothingGivesOne()
    {
        Assert.AreEqual(1.0, DecisionConsensus.Agreement([new Vote(-900, Agrees), new Vote(-1200, Agrees)], 100), 1e-12);
        Assert.AreEqual(1.0, DecisionConsensus.Agreement([new Vote(-900, Idle), new Vote(-905, Idle)], 100), 1e-12);
        Assert.AreEqual(1.0, DecisionConsensus.Agreement([], 100));
    }

    [TestMethod]
    public void TheTranscriptCountsAsOneAgreeingVoteAtTheBestScore()
    {
        // One disagreeing hypothesis, the best of the list: the transcript's own vote has the same mass, so half agrees.
        Assert.AreEqual(0.5, DecisionConsensus.Agreement([new Vote(-900, Differs)], 100), 1e-12);
        Assert.AreEqual(0.5, DecisionConsensus.Agreement([new Vote(-900, Differs), new Vote(-901, Idle)], 100), 1e-12);
    }

    [TestMethod]
    public void AnInfiniteScaleCountsEveryHypothesisAlike()
    {
        Vote[] votes = [new(-26916, Agrees), new(-27147, Differs), new(-27235, Agrees), new(-99999, Differs), new(-27300, Idle)];
        Assert.AreEqual(3.0 / 5, DecisionConsensus.Agreement(votes, double.PositiveInfinity), 1e-12);
    }

    [TestMethod]
    public void MassFollowsTheScoreDifferenceOverTheScale()
    {
        // exp(-69.3 / 100) = 1/2: the disagreeing runner-up has half the best's mass: (1 + 1) / (1 + 1 + 1/2) agrees.
        Assert.AreEqual(0.8, DecisionConsensus.Agreement([new Vote(-1000, Agrees), new Vote(-1069, Differs)], 100), 2e-3);
        // The disagreeing hypothesis best and the agreeing one half as likely: (1 + 1/2) / (1 + 1 + 1/2); order does not matter.
        Assert.AreEqual(0.6, DecisionConsensus.Agreement([new Vote(-1069, Agrees), new Vote(-1000, Differs)], 100), 2e-3);
        // A runner-up far behind barely counts; a smaller scale sharpens the distribution.
        Assert.IsGreaterThan(0.999, DecisionConsensus.Agreement([new Vote(-1000, Agrees), new Vote(-6000, Differs)], 500));
        Assert.IsGreaterThan(DecisionConsensus.Agreement([new Vote(-1000, Agrees), new Vote(-1300, Differs)], 500),
            DecisionConsensus.Agreement([new Vote(-1000, Agrees), new Vote(-1300, Differs)], 100));
    }

    [TestMethod]
    public void ANonPositiveScaleIsRejected()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DecisionConsensus.Agreement([new Vote(0, Agrees)], 0));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => DecisionConsensus.Agreement([new Vote(0, Agrees)], double.NaN));
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

    static HearingCheck Check(double consensus, double floor = 0) => new(SimulatedModel.Load(LightsFixture.Blob, "lights.blob"), 0, consensus, 100, floor);

    /// <summary>A recognition of the first hypothesis, sure of every word, with the given N-best list.</summary>
    static Recognition Heard(params (string Text, long Score)[] nbest) => new(nbest[0].Text, nbest[0].Score,
        nbest[0].Text.Split(' ').Select(w => new HeardWord(w, 1)).ToList()) { Alternatives = nbest.Select(h => new Hypothesis(h.Text, h.Score)).ToList() };

    [TestMethod]
    public void TheModelVotesOnEveryHypothesis()
    {
        var votes = Check(0.9).Votes(Heard(("switch off the desk lamp", -1000), ("switch on the desk lamp", -1069), ("uh switch off the desk lamp", -1100),
            ("switch off the desk fan", -1200)));
        Assert.IsNotNull(votes);
        CollectionAssert.AreEqual(new[] { Agrees, Differs, Agrees, Idle }, votes.Select(v => v.Verdict).ToArray());
    }

    [TestMethod]
    public void AnOnOffFlipCloseBehindIsRefusedAndAFillerVariantIsNot()
    {
        // The transcript's vote (at -1000) and its own line agree, the flip at half the mass differs: 4/5.
        var flip = Heard(("switch off the desk lamp", -1000), ("switch on the desk lamp", -1069));
        HearingDoubt? doubt = Check(0.9).Doubt(flip);
        Assert.IsNotNull(doubt);
        Assert.IsNull(doubt.Word);
        Assert.IsNull(doubt.Confidence);
        Assert.AreEqual(0.8, doubt.Agreement!.Value, 2e-3);
        Assert.AreEqual(HearingCheck.Reason, Check(0.9).Refused(flip, doubt).Reason);
        Assert.IsNull(Check(0.7).Doubt(flip));
        Assert.IsNull(Check(0).Doubt(flip));
        Assert.IsNull(Check(0.99).Doubt(Heard(("switch off the desk lamp", -1000), ("uh switch off the desk lamp", -1010), ("switch off the desk lamp please", -1020))));
    }

    [TestMethod]
    public void SentencesThatDriveNothingAreNotJudgedAndADrivingOneWithoutAListIsLetThrough()
    {
        Assert.IsNull(Check(0.9).Votes(Heard(("what's the weather like tomorrow", -1000), ("turn on the desk lamp", -1001))));
        Assert.IsNull(Check(0.9).Doubt(Heard(("what's the weather like tomorrow", -1000), ("turn on the desk lamp", -1001))));
        var bare = new Recognition("turn on the desk lamp", 0, "turn on the desk lamp".Split(' ').Select(w => new HeardWord(w, 1)).ToList());
        Assert.AreEqual(0, Check(0.9).Votes(bare)!.Count);
        Assert.IsNull(Check(0.9).Doubt(bare));
    }

    [TestMethod]
    public void TheActionFloorRefusesADrivingDecisionBelowItAsLowConfidence()
    {
        var heard = Heard(("turn on the desk lamp", -1000));
        double confidence = new TranscriptRunner(SimulatedModel.Load(LightsFixture.Blob, "lights.blob")).Run("turn on the desk lamp").Confidence;
        HearingDoubt? doubt = Check(0, floor: confidence + 0.01).Doubt(heard);
        Assert.IsNotNull(doubt);
        Assert.AreEqual(confidence, doubt.Confidence!.Value, 1e-12);
        TranscriptResult refused = Check(0, floor: confidence + 0.01).Refused(heard, doubt);
        Assert.IsFalse(refused.Understood);
        Assert.IsNull(refused.Action);
        Assert.AreEqual(HearingCheck.LowConfidenceReason, refused.Reason);
        Assert.AreEqual(HearingCheck.LowConfidenceAnswer, refused.Answer);
        Assert.IsNull(Check(0, floor: confidence - 0.01).Doubt(heard));
        Assert.IsNull(Check(0, floor: 0.99).Doubt(Heard(("what's the weather like tomorrow", -1000))));
    }
}
