namespace Saffu.Training.Tests.Lights;

/// <summary>
/// Pins the shape of the fifth dev pair of issue 11 (tests/data/lights/nearmiss-dev5.jsonl and commands-dev5.jsonl,
/// tuning sets): the checks of <see cref="DevPairTests"/>, and every name and alias of the home said by a command.
/// </summary>
[TestClass]
public sealed class DevSet5Tests : DevPairTests
{
    protected override string NearMiss => "nearmiss-dev5.jsonl";
    protected override string Commands => "commands-dev5.jsonl";
    protected override int MinNearMiss => 300;
    protected override int MinCommands => 250;
    protected override SetRules Rules { get; } = new(PlainWords: true, Strict: true);

    protected override Dictionary<string, (int Min, int Max)> NearMissCategories { get; } = new()
    {
        ["chitchat"] = (110, int.MaxValue), ["negation"] = (30, int.MaxValue),
        ["unknown_light"] = (30, int.MaxValue), ["state_question"] = (30, int.MaxValue),
        ["media"] = (10, 20), ["climate"] = (10, 20), ["cover"] = (10, 20),
        ["switch_plug"] = (10, 20), ["scene"] = (10, 20), ["appliance"] = (10, 20),
    };

    protected override Dictionary<string, int> CommandCategories { get; } = new()
    {
        ["single"] = 40, ["area"] = 25, ["set"] = 40, ["multi"] = 25, ["all"] = 20, ["indirect"] = 30,
    };

    [TestMethod]
    public void CommandSetSaysEveryNameOfTheHome()
    {
        var rows = CommandRows();
        var home = LabelledSet.Home.Value;
        foreach (string phrase in home.Lights.SelectMany(l => l.AllNames).Concat(home.Areas.SelectMany(a => a.AllNames)))
            Assert.IsTrue(rows.Any(r => LabelledSet.Says(r.Text, [phrase])), $"no command says \"{phrase}\"");
    }
}
