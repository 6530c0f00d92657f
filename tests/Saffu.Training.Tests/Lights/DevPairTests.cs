namespace Saffu.Training.Tests.Lights;

/// <summary>
/// The shape tests every dev pair of issue 11 shares (a near-miss file and a command file written for tuning): they
/// parse, are large enough in every category, use the agreed labels, name only the shipped home's lights and areas (said
/// in their sentences), and repeat no sentence of each other or of any other JSONL file of the folder. Independent of
/// any model. A pair's class gives its files and bounds and adds what is particular to it.
/// </summary>
public abstract class DevPairTests
{
    protected abstract string NearMiss { get; }
    protected abstract string Commands { get; }
    protected abstract int MinNearMiss { get; }
    protected abstract int MinCommands { get; }
    protected abstract SetRules Rules { get; }
    /// <summary>Each near-miss category with the least and most sentences it may have.</summary>
    protected abstract Dictionary<string, (int Min, int Max)> NearMissCategories { get; }
    /// <summary>Each command category with the least commands it must have.</summary>
    protected abstract Dictionary<string, int> CommandCategories { get; }
    /// <summary>Intents the command set must use.</summary>
    protected virtual string[] RequiredIntents => LabelledSet.CommandIntents;

    protected List<LabelledRow> NearMissRows() => LabelledSet.Read(NearMiss, Rules);
    protected List<LabelledRow> CommandRows() => LabelledSet.Read(Commands, Rules);

    [TestMethod]
    public void NearMissSetHasEnoughSentencesInEveryCategory()
    {
        var rows = NearMissRows();
        Assert.IsTrue(rows.Count >= MinNearMiss, $"{rows.Count} near-miss sentences, expected at least {MinNearMiss}");
        foreach (var r in rows)
            Assert.IsTrue(NearMissCategories.ContainsKey(r.Category), $"{r.At}: category {r.Category} is not one of {string.Join(", ", NearMissCategories.Keys)}");
        foreach (var (category, (min, max)) in NearMissCategories)
        {
            int n = rows.Count(r => r.Category == category);
            Assert.IsTrue(n >= min && n <= max, $"category {category} has {n} sentences, expected {min}..{max}");
        }
    }

    [TestMethod]
    public void NearMissLabelsAreNoneOrAStateQuestionAboutARealLightOrArea() => LabelledSet.CheckNearMissLabels(NearMissRows(), Rules);

    [TestMethod]
    public void CommandSetHasEnoughCommandsOfEveryKindAndNamesEveryLight()
    {
        var rows = CommandRows();
        Assert.IsTrue(rows.Count >= MinCommands, $"{rows.Count} commands, expected at least {MinCommands}");
        foreach (var (category, min) in CommandCategories)
            Assert.IsTrue(rows.Count(r => r.Category == category) >= min, $"expected at least {min} commands of category {category}");
        foreach (string intent in RequiredIntents)
            Assert.IsTrue(rows.Any(r => r.Intent == intent), $"no command with intent {intent}");
        foreach (var light in LabelledSet.Home.Value.Lights)
            Assert.IsTrue(rows.Any(r => r.Lights!.Contains(light.Name) && r.Category != "all"), $"no command names the light {light.Name}");
    }

    [TestMethod]
    public void EveryCommandIsLabelledWithTheHomesLightsAndAreas() =>
        LabelledSet.CheckCommandLabels(CommandRows(), CommandCategories.Keys, Rules);

    [TestMethod]
    public void NoSentenceRepeatsWithinOrAcrossThePair() => LabelledSet.CheckNoRepeats(NearMissRows().Concat(CommandRows()));

    /// <summary>
    /// A fresh dev set must be new: none of its sentences is a sentence of another set of the folder. The message names
    /// only this pair's line numbers, so that fixing a repeat does not show the other sets' sentences (some are test sets).
    /// </summary>
    [TestMethod]
    public void NoSentenceRepeatsAnotherSetOfTheFolder()
    {
        var elsewhere = LabelledSet.OtherSets(NearMiss, Commands);
        foreach (var rows in new[] { NearMissRows(), CommandRows() })
        {
            int[] repeats = rows.Where(r => elsewhere.ContainsKey(LabelledSet.Key(r.Text))).Select(r => r.Line).ToArray();
            Assert.AreEqual(0, repeats.Length, $"{repeats.Length} lines of {rows[0].File} repeat a sentence of another set of the folder: lines {string.Join(", ", repeats)}");
        }
    }
}
