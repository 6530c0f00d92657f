namespace Saffu.Training.Tests.Lights;

/// <summary>
/// Pins the shape of the seventh dev pair of issue 11 (tests/data/lights/nearmiss-dev7.jsonl and commands-dev7.jsonl,
/// tuning sets written blind in the sixth session, after the training phrasings of models/lights/): the checks of
/// <see cref="DevPairTests"/>.
/// </summary>
[TestClass]
public sealed class DevSet7Tests : DevPairTests
{
    protected override string NearMiss => "nearmiss-dev7.jsonl";
    protected override string Commands => "commands-dev7.jsonl";
    protected override int MinNearMiss => 170;
    protected override int MinCommands => 170;
    protected override SetRules Rules { get; } = new(PlainWords: true, Strict: true, ColourWithBrightness: true);

    protected override Dictionary<string, (int Min, int Max)> NearMissCategories { get; } = new()
    {
        ["chitchat"] = (60, int.MaxValue), ["negation"] = (15, int.MaxValue),
        ["state_question"] = (15, int.MaxValue), ["unknown_light"] = (20, int.MaxValue),
        ["media"] = (10, 20), ["climate"] = (10, 20), ["cover"] = (10, 20), ["switch_plug"] = (5, 20), ["scene"] = (10, 20),
    };

    protected override Dictionary<string, int> CommandCategories { get; } = new()
    {
        ["single"] = 30, ["area"] = 20, ["set"] = 35, ["multi"] = 30, ["all"] = 10, ["indirect"] = 35,
    };
}
