namespace Saffu.Training.Tests.Lights;

/// <summary>
/// Pins the shape of the blind sets of issue 11 (tests/data/lights/nearmiss-blind.jsonl with
/// commands-blind2.jsonl, and nearmiss-blind3.jsonl with commands-blind3.jsonl): they parse, are large
/// enough, use the agreed labels, and every light and area they name is one of the shipped home's; the
/// third set repeats no sentence of any other JSONL file of the folder. Independent of any model.
/// </summary>
[TestClass]
public sealed class BlindNearMissSetTests
{
    const string NearMiss = "nearmiss-blind.jsonl", Commands = "commands-blind2.jsonl";
    const string NearMiss3 = "nearmiss-blind3.jsonl", Commands3 = "commands-blind3.jsonl";
    const int MinNearMiss = 450, MinCommands = 170, MinPerCategory = 30;
    const int MinMulti = 25, MinAll = 20;

    static readonly string[] NearMissCategories =
    [
        "media", "timer_alarm", "climate", "cover", "fan", "lock", "vacuum", "switch_plug", "scene",
        "weather", "state_question", "negation", "chitchat", "unknown_light",
    ];
    static readonly string[] CommandCategories = ["single", "area", "multi", "all", "set"];

    static List<LabelledRow> Read(string file) => LabelledSet.Read(file, SetRules.Blind);

    [TestMethod]
    [DataRow(NearMiss, 13)]
    [DataRow(NearMiss3, 14)]
    public void NearMissSetHasEnoughSentencesInEveryCategory(string file, int minCategories)
    {
        var rows = Read(file);
        Assert.IsTrue(rows.Count >= MinNearMiss, $"{rows.Count} near-miss sentences, expected at least {MinNearMiss}");
        var counts = rows.GroupBy(r => r.Category).ToDictionary(g => g.Key, g => g.Count());
        foreach (var r in rows)
            Assert.IsTrue(NearMissCategories.Contains(r.Category), $"{r.At}: category {r.Category} is not one of {string.Join(", ", NearMissCategories)}");
        Assert.IsTrue(counts.Count >= minCategories, $"{counts.Count} categories, expected at least {minCategories}");
        foreach (var (category, n) in counts)
            Assert.IsTrue(n >= MinPerCategory, $"category {category} has {n} sentences, expected at least {MinPerCategory}");
    }

    [TestMethod]
    [DataRow(NearMiss)]
    [DataRow(NearMiss3)]
    public void NearMissLabelsAreNoneOrAStateQuestionAboutARealLightOrArea(string file) =>
        LabelledSet.CheckNearMissLabels(Read(file), SetRules.Blind);

    [TestMethod]
    [DataRow(Commands)]
    [DataRow(Commands3)]
    public void CommandSetHasEnoughCommandsOfEveryKind(string file)
    {
        var rows = Read(file);
        var home = LabelledSet.Home.Value;
        Assert.IsTrue(rows.Count >= MinCommands, $"{rows.Count} commands, expected at least {MinCommands}");
        Assert.IsTrue(rows.Count(r => r.Category == "multi") >= MinMulti, $"expected at least {MinMulti} multi-target commands");
        Assert.IsTrue(rows.Count(r => r.Category == "all") >= MinAll, $"expected at least {MinAll} all-lights commands");
        foreach (string intent in LabelledSet.CommandIntents)
            Assert.IsTrue(rows.Any(r => r.Intent == intent), $"no command with intent {intent}");
        foreach (var light in home.Lights)
            Assert.IsTrue(rows.Any(r => r.Lights!.Contains(light.Name) && r.Category != "all"), $"no command names the light {light.Name}");
        foreach (string phrase in home.Lights.SelectMany(l => l.AllNames).Concat(home.Areas.SelectMany(a => a.AllNames)))
            Assert.IsTrue(rows.Any(r => LabelledSet.Says(r.Text, [phrase])), $"no command says \"{phrase}\"");
    }

    [TestMethod]
    [DataRow(Commands)]
    [DataRow(Commands3)]
    public void EveryCommandIsLabelledWithTheHomesLightsAndAreas(string file) =>
        LabelledSet.CheckCommandLabels(Read(file), CommandCategories, SetRules.Blind);

    [TestMethod]
    [DataRow(NearMiss, Commands)]
    [DataRow(NearMiss3, Commands3)]
    public void NoSentenceRepeats(string nearMissFile, string commandsFile) =>
        LabelledSet.CheckNoRepeats(Read(nearMissFile).Concat(Read(commandsFile)));

    /// <summary>A new blind set must be new: none of its sentences is a sentence of another set of the folder.</summary>
    [TestMethod]
    [DataRow(NearMiss3)]
    [DataRow(Commands3)]
    public void NoSentenceRepeatsAnotherSetOfTheFolder(string file)
    {
        var elsewhere = LabelledSet.OtherSets(file);
        string[] repeats = Read(file).Where(r => elsewhere.ContainsKey(LabelledSet.Key(r.Text)))
            .Select(r => $"{r.At} repeats {elsewhere[LabelledSet.Key(r.Text)]}").ToArray();
        Assert.AreEqual(0, repeats.Length, string.Join(Environment.NewLine, repeats));
    }
}
