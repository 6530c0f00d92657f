using Saffu.Training.Simulation;
using Saffu.Training.Speech;
using Saffu.Training.Tests.Export;

namespace Saffu.Training.Tests.Speech;

/// <summary>
/// Every light only when heard surely (docs/voice.md §14): the guard's logic on hand-made decisions and recognitions, and
/// the rule on the lights model — a transcript that switches every light without naming a light, an area or an
/// every-light word is refused when any word is unsure; one that names its target or says "all" is left to §8's check.
/// </summary>
[TestClass]
public sealed class EveryLightGuardTests
{
    static readonly ActionResult Pins = new(ActionResult.KindPins, "on", null, "on", [new PinCommand(4, "digital", 1)], [new LightState("kitchen light", 100, false, null)]);

    static TranscriptResult Decision(bool acts, params SlotValue[] slots) =>
        new("text", "HassTurnOn", acts ? "HassTurnOn" : null, acts, 0.9, slots, acts ? Pins : null, acts ? null : "none_intent", null, false, null);

    /// <summary>A recognition of <paramref name="text"/> whose words all have posterior 1 except those given.</summary>
    static Recognition Heard(string text, params (string Word, double P)[] unsure) => new(text, 0, text.Split(' ')
        .Select(w => new HeardWord(w, unsure.FirstOrDefault(u => u.Word == w) is { Word: not null } u ? u.P : 1.0)).ToList());

    [TestMethod]
    public void OnlyADrivingDecisionWithoutATargetOrAnEveryLightWordIsGuarded()
    {
        Assert.IsTrue(EveryLightGuard.Guards(Decision(true), saysEveryLight: false));
        Assert.IsFalse(EveryLightGuard.Guards(Decision(true), saysEveryLight: true));
        Assert.IsFalse(EveryLightGuard.Guards(Decision(true, new SlotValue("name", "kitchen light", null)), saysEveryLight: false));
        Assert.IsFalse(EveryLightGuard.Guards(Decision(true, new SlotValue("area", "kitchen", null)), saysEveryLight: false));
        Assert.IsTrue(EveryLightGuard.Guards(Decision(true, new SlotValue("brightness", "50", 50)), saysEveryLight: false));
        Assert.IsFalse(EveryLightGuard.Guards(Decision(false), saysEveryLight: false));
    }

    [TestMethod]
    public void TheWeakestWordOfAllIsReportedBelowTheThreshold()
    {
        var heard = Heard("hello way light on cheers", ("hello", 0.549), ("way", 0.645));
        Assert.AreEqual(new HeardWord("hello", 0.549), EveryLightGuard.Weakest(heard));
        Assert.AreEqual(new HeardWord("hello", 0.549), EveryLightGuard.Weakest(heard, below: 0.6));
        Assert.IsNull(EveryLightGuard.Weakest(heard, below: 0.5));
        Assert.IsNull(EveryLightGuard.Weakest(new Recognition("", 0)));
    }

    [TestMethod]
    public void ARecognitionWithoutPosteriorsIsNotKnownToBeSure()
    {
        Assert.AreEqual(new HeardWord("", 0), EveryLightGuard.Weakest(new Recognition("light on please", 0), below: 0.1));
    }

    static HearingCheck Check(double everyLight) => new(SimulatedModel.Load(LightsFixture.Blob, "lights.blob"), 0, everyLight: everyLight);

    [TestMethod]
    public void ALostNameThatLeavesEveryLightIsRefusedOnTheLightsModel()
    {
        // "hallway light on cheers" heard so (dev-wide, flite-slt): all nine lights on, on words §8's check does not guard.
        var heard = Heard("hello way light on cheers", ("hello", 0.549), ("way", 0.645));
        Assert.IsNull(Check(0).Doubt(heard));
        Assert.AreEqual(new HeardWord("hello", 0.549), Check(0.6).Doubt(heard)?.Word);
        Assert.IsNull(Check(0.5).Doubt(heard));
    }

    [TestMethod]
    public void ANamedTargetAnEveryLightWordOrNoActionIsLeftAlone()
    {
        var check = Check(0.9);
        Assert.IsNull(check.WeakestEveryLightWord(Heard("turn on the desk lamp", ("the", 0.1))));
        Assert.IsNull(check.WeakestEveryLightWord(Heard("turn off all the lights", ("all", 0.2))));
        Assert.IsNull(check.WeakestEveryLightWord(Heard("what's the weather like tomorrow", ("weather", 0.1))));
        Assert.AreEqual(new HeardWord("the", 0.3), check.WeakestEveryLightWord(Heard("turn the lights on", ("the", 0.3))));
    }
}
