using Saffu.Training.Grammar;

namespace Saffu.Training.Tests.Grammar;

[TestClass]
public sealed class GrammarParsingTests
{
    /// <summary>A valid minimal grammar: one template per light intent.</summary>
    const string Minimal = """
        @color red = 255 0 0
        @list dim -> step=down = dim | lower
        @intent HassTurnOn
        turn on the {name}
        @intent HassTurnOff
        turn off the {name}
        @intent HassToggle
        toggle the {name}
        @intent HassLightSet
        {dim} the {name}
        """;

    [TestMethod]
    public void ShippedGrammarParses()
    {
        CommandGrammar g = CommandGrammar.Shipped;
        Assert.AreEqual(CommandGrammar.ShippedPath, g.Path);
        Assert.IsGreaterThanOrEqualTo(15, g.Colors.Count);
        Assert.AreEqual(new NamedColor("warm white", 255, 180, 107, g.Colors.Single(c => c.Name == "warm white").Line), g.Colors.Single(c => c.Name == "warm white"));
        foreach (string intent in LightIntents.Lights.Append(LightIntents.GetState).Append(LightIntents.None))
            Assert.IsGreaterThanOrEqualTo(15, g.Templates.Count(t => t.Intent == intent), intent);
        foreach (string intent in LightIntents.All.Except(LightIntents.Lights))
            Assert.IsGreaterThanOrEqualTo(5, g.Templates.Count(t => t.Intent == intent), intent);
        var steps = g.FixedSlotPhrases().ToList();
        Assert.Contains((LightSlots.Step, "dim", LightSlots.Down), steps);
        Assert.Contains((LightSlots.Step, "brighter", LightSlots.Up), steps);
        Assert.Contains((LightSlots.Step, "too bright", LightSlots.Down), steps);
    }

    [TestMethod]
    public void ListNamesMayHoldDigitsAfterTheirFirstLetter()
    {
        CommandGrammar g = CommandGrammar.Parse("@list x2 = full\n@list level_100 = {x2} | max\n" + Minimal, "g.txt");
        Assert.AreEqual("x2", g.Lists["x2"].Id);
        CollectionAssert.AreEqual(new[] { "full", "max" }, Saffu.Training.Blob.ActionMapSection.Levels(g).Select(l => l.Phrase).ToArray());
    }

    [TestMethod]
    public void MinimalGrammarParsesWithSlotsAndLines()
    {
        CommandGrammar g = CommandGrammar.Parse(Minimal, "g.txt");
        Assert.HasCount(4, g.Templates);
        Template set = g.Templates[3];
        Assert.AreEqual(LightIntents.LightSet, set.Intent);
        Assert.AreEqual(10, set.Line);
        CollectionAssert.AreEqual(new[] { LightSlots.Name, LightSlots.Step }, set.Slots.ToArray());
    }

    [TestMethod]
    public void OptionalAndAlternativesParseToChoices()
    {
        CommandGrammar g = CommandGrammar.Parse(Minimal + "\n@intent <none>\n[please] (a | b c | ) d\n", "g.txt");
        var root = (SequenceNode)g.Templates[4].Root;
        var optional = (ChoiceNode)root.Items[0];
        Assert.AreEqual(SequenceNode.Empty, optional.Alternatives[0]);
        Assert.AreEqual(new WordNode("please"), optional.Alternatives[1]);
        Assert.HasCount(3, ((ChoiceNode)root.Items[1]).Alternatives);
    }

    [TestMethod]
    [DataRow("@intent HassTurnOn\nturn on (the {name}\n", GrammarError.Syntax, 2, 9)]
    [DataRow("@intent HassTurnOn\nturn on the {name}]\n", GrammarError.Syntax, 2, 19)]
    [DataRow("@intent HassTurnOn\nturn on the {Name}\n", GrammarError.Syntax, 2, 13)]
    [DataRow("@intent HassTurnOn\nturn on the {name\n", GrammarError.Syntax, 2, 13)]
    [DataRow("@define x = y\n", GrammarError.Syntax, 1, 1)]
    [DataRow("@list = a | b\n", GrammarError.Syntax, 1, 1)]
    [DataRow("@list 1st = a | b\n", GrammarError.Syntax, 1, 1)]
    [DataRow("@list level_50 = a\n@intent HassTurnOn\nturn on the {1st}\n", GrammarError.Syntax, 3, 13)]
    [DataRow("@color red = 300 0 0\n", GrammarError.Syntax, 1, 1)]
    [DataRow("@color lamp 2 = 1 2 3\n", GrammarError.Syntax, 1, 1)]
    [DataRow("@intent HassTurnOn\nturn on the {lamp}\n", GrammarError.UnknownList, 2, 13)]
    [DataRow("@list a = x\n@list a = y\n", GrammarError.DuplicateList, 2, 1)]
    [DataRow("@list name = x\n", GrammarError.DuplicateList, 1, 1)]
    [DataRow("@color red = 1 2 3\n  @color Red = 1 2 3\n", GrammarError.DuplicateList, 2, 3)]
    [DataRow("@list a = x {b}\n@list b = y {a}\n", GrammarError.RecursiveList, 2, 13)]
    [DataRow("@intent HassDance\n", GrammarError.UnknownIntent, 1, 1)]
    [DataRow("turn on the {name}\n", GrammarError.TemplateOutsideIntent, 1, 1)]
    [DataRow("@intent HassTurnOn\nset the {name} to {brightness}\n", GrammarError.SlotNotAllowed, 2, 1)]
    [DataRow("@list x -> name=up = a\n", GrammarError.SlotNotAllowed, 1, 1)]
    [DataRow("@list x -> step=sideways = a\n", GrammarError.SlotNotAllowed, 1, 1)]
    [DataRow("@list x -> step=up = up the {name}\n", GrammarError.SlotNotAllowed, 1, 0)]
    [DataRow("@intent HassTurnOn\n  turn on the {name} and the {name}\n", GrammarError.DuplicateSlot, 2, 3)]
    [DataRow("@intent HassTurnOn\nturn on the lights\n", GrammarError.MissingIntent, 0, 0)]
    public void BadGrammarGivesItsErrorWithLineAndColumn(string text, GrammarError error, int line, int column)
    {
        var e = Assert.ThrowsExactly<GrammarException>(() => CommandGrammar.Parse(text, "bad.txt"));
        Assert.AreEqual(error, e.Error, e.Message);
        Assert.AreEqual(line, e.Line, e.Message);
        Assert.AreEqual(column, e.Column, e.Message);
        Assert.StartsWith(line > 0 ? $"bad.txt:{line}" : "bad.txt:", e.Message);
        Assert.Contains("; expected ", e.Message);
    }

    [TestMethod]
    public void ErrorsInAValidGrammarsTailKeepTheirLine()
    {
        var e = Assert.ThrowsExactly<GrammarException>(() => CommandGrammar.Parse(Minimal + "\n{dim} the {name} to {brightness}\n", "g.txt"));
        Assert.AreEqual(GrammarError.MissingSlot, e.Error);
        Assert.AreEqual(11, e.Line);
        StringAssert.Contains(e.Found, "name, brightness, step");
        e = Assert.ThrowsExactly<GrammarException>(() => CommandGrammar.Parse(Minimal + "\n[{dim}] the {name}\n", "g.txt"));
        Assert.AreEqual(GrammarError.MissingSlot, e.Error);
        Assert.AreEqual("a path with name", e.Found);
        e = Assert.ThrowsExactly<GrammarException>(() => CommandGrammar.Parse(Minimal.Replace("toggle the {name}", "toggle the {name} {dim}"), "g.txt"));
        Assert.AreEqual(GrammarError.SlotNotAllowed, e.Error);
        Assert.AreEqual(8, e.Line);
        StringAssert.Contains(e.Found, "\"step\" under HassToggle");
    }

    [TestMethod]
    public void MissingFileIsUnreadable()
    {
        var e = Assert.ThrowsExactly<GrammarException>(() => CommandGrammar.Load(Path.Combine(Path.GetTempPath(), "no-such-grammar-" + Guid.NewGuid())));
        Assert.AreEqual(GrammarError.Unreadable, e.Error);
    }

    [TestMethod]
    public void NotLightsListIsShippedCleanAndLarge()
    {
        NotLightsList list = NotLightsList.Shipped;
        Assert.IsGreaterThanOrEqualTo(500, list.Sentences.Count);
        Assert.IsTrue(list.Utterances().All(u => u.Intent == LightIntents.None && u.Slots.Count == 0));
    }

    [TestMethod]
    public void NotLightsListRejectsRepeatsAndWordlessLines()
    {
        var e = Assert.ThrowsExactly<GrammarException>(() => NotLightsList.Parse("# c\nset it to 40%\n\nset it to forty percent\n", "n.txt"));
        Assert.AreEqual(GrammarError.DuplicateSentence, e.Error);
        Assert.AreEqual(4, e.Line);
        StringAssert.Contains(e.Found, "line 2");
        e = Assert.ThrowsExactly<GrammarException>(() => NotLightsList.Parse("hello\n?!\n", "n.txt"));
        Assert.AreEqual(GrammarError.EmptySentence, e.Error);
        Assert.AreEqual(2, e.Line);
    }
}
