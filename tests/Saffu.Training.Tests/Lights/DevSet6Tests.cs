namespace Saffu.Training.Tests.Lights;

/// <summary>
/// Pins the shape of the sixth dev pair of issue 11 (tests/data/lights/nearmiss-dev6.jsonl, chit-chat only, and
/// commands-dev6.jsonl, commands said like remarks; tuning sets): the checks of <see cref="DevPairTests"/>, sentences of
/// 3–20 words, every area the target of a command, and indirect requests that change brightness only by a step.
/// </summary>
[TestClass]
public sealed class DevSet6Tests : DevPairTests
{
    protected override string NearMiss => "nearmiss-dev6.jsonl";
    protected override string Commands => "commands-dev6.jsonl";
    protected override int MinNearMiss => 160;
    protected override int MinCommands => 80;
    protected override SetRules Rules { get; } = new(PlainWords: true, MinWords: 3, MaxWords: 20, Strict: true);

    protected override Dictionary<string, (int Min, int Max)> NearMissCategories { get; } = new()
    {
        ["chitchat"] = (160, int.MaxValue),
    };

    protected override Dictionary<string, int> CommandCategories { get; } = new()
    {
        ["indirect"] = 40, ["single"] = 10, ["area"] = 10, ["set"] = 10,
    };

    /// <summary>Toggle is rare in remarks, so it may be absent.</summary>
    protected override string[] RequiredIntents => ["HassTurnOn", "HassTurnOff", "HassLightSet"];

    [TestMethod]
    public void EveryAreaIsTheTargetOfACommandAndIndirectRequestsStepTheBrightness()
    {
        var rows = CommandRows();
        foreach (var r in rows.Where(r => r.Category == "indirect"))
            Assert.IsTrue(r.Intent != "HassLightSet" || r.Slots.ContainsKey("step"), $"{r.At}: an indirect request changes brightness only by a step");
        foreach (var area in LabelledSet.Home.Value.Areas)
            Assert.IsTrue(rows.Any(r => r.Slots.TryGetValue("area", out var a) && a.GetString() == area.Name), $"no command is about the area {area.Name}");
    }
}
