using Saffu.Training.Grammar;
using Saffu.Training.Home;

namespace Saffu.Training.Tests.Grammar;

[TestClass]
public sealed class GrammarExpanderTests
{
    static readonly HomeDescription OneLamp = HomeDescription.Parse(
        "version: 1\nlights:\n  - {name: desk lamp, aliases: [office lamp], area: office, pin: 13, dimmable: true}\n", "one.yaml");

    static CommandGrammar Grammar(string lightSetTemplate) => CommandGrammar.Parse($"""
        @color red = 255 0 0
        @color blue = 0 0 255
        @intent HassTurnOn
        (turn | switch) on [the] {"{name}"}
        @intent HassTurnOff
        turn off the {"{area}"} lights
        @intent HassToggle
        toggle everything
        @intent HassLightSet
        {lightSetTemplate}
        """, "tiny.txt");

    [TestMethod]
    public void SmallTemplatesAreCountedExactlyAndEnumeratedWhole()
    {
        CommandGrammar g = Grammar("make the {name} {color}");
        var expander = new GrammarExpander(g, OneLamp);
        Assert.AreEqual(8, expander.Count(g.Templates[0]));
        var all = expander.Expand(g.Templates[0], 100, 1);
        Assert.HasCount(8, all);
        Assert.AreEqual("turn on desk lamp", all[0].Sentence.Text);
        Assert.IsTrue(all.All(s => s.Sentence.Slots["name"] == "desk lamp"));
        Assert.IsTrue(all.Any(s => s.Sentence.Text == "switch on the office lamp"));
        Assert.AreEqual(4, expander.Count(g.Templates[3]));
        Assert.AreEqual(1, expander.Count(g.Templates[2]));
        Assert.AreEqual("toggle everything", expander.Expand(g.Templates[2], 100, 1).Single().Sentence.Text);
    }

    [TestMethod]
    public void LargeTemplatesAreSampledToTheirQuotaWithoutRepeats()
    {
        CommandGrammar g = Grammar("set the {name} to {brightness} [percent | %]");
        var expander = new GrammarExpander(g, OneLamp);
        Assert.AreEqual(2 * 3 * 202, expander.Count(g.Templates[3]));
        var sample = expander.Expand(g.Templates[3], 100, 5);
        Assert.HasCount(100, sample);
        Assert.HasCount(100, sample.Select(s => s.Key).Distinct());
        Assert.IsTrue(sample.Any(s => s.Sentence.Text.Any(char.IsAsciiDigit)) && sample.Any(s => !s.Sentence.Text.Any(char.IsAsciiDigit)));
        Assert.IsTrue(sample.Any(s => s.Sentence.Text.EndsWith('%')));
        CollectionAssert.AreEqual(sample.Select(s => s.Key).ToList(), expander.Expand(g.Templates[3], 100, 5).Select(s => s.Key).ToList());
    }

    [TestMethod]
    public void ATemplatesSampleDoesNotDependOnItsPositionInTheGrammar()
    {
        const string template = "set the {name} to {brightness} [percent | %]";
        CommandGrammar g = Grammar(template);
        CommandGrammar moved = CommandGrammar.Parse($"""
            @color red = 255 0 0
            @color blue = 0 0 255
            @intent HassTurnOn
            turn on the {"{name}"}
            light up the {"{name}"}
            @intent HassTurnOff
            turn off the {"{name}"}
            @intent HassToggle
            toggle the {"{name}"}
            @intent HassLightSet
            dim the {"{name}"} to {"{brightness}"}
            {template}
            """, "moved.txt");
        Assert.AreNotEqual(g.Templates[3].Index, moved.Templates[5].Index);
        var keys = new GrammarExpander(g, OneLamp).Expand(g.Templates[3], 100, 5).Select(s => s.Key).ToList();
        var movedKeys = new GrammarExpander(moved, OneLamp).Expand(moved.Templates[5], 100, 5).Select(s => s.Key).ToList();
        CollectionAssert.AreEqual(keys, movedKeys);
        var otherSeed = new GrammarExpander(g, OneLamp).Expand(g.Templates[3], 100, 6).Select(s => s.Key).ToList();
        CollectionAssert.AreNotEqual(keys, otherSeed);
    }

    [TestMethod]
    public void ANumberWordGluedToTheBrightnessIsTokensMerge()
    {
        CommandGrammar g = Grammar("set the {name} to twenty {brightness}");
        var e = Assert.ThrowsExactly<GrammarException>(() => new GrammarExpander(g, OneLamp).Expand(g.Templates[3], 1000, 1));
        Assert.AreEqual(GrammarError.TokensMerge, e.Error);
        Assert.AreEqual(10, e.Line);
        StringAssert.Contains(e.Found, "set the desk lamp to twenty");
    }

    [TestMethod]
    public void AreaIsTheLightsOwnWhenBothAreSaid()
    {
        var home = HomeDescription.Parse("version: 1\nlights:\n  - {name: desk lamp, area: office, pin: 13}\n  - {name: hall light, area: hallway, pin: 14}\n", "two.yaml");
        CommandGrammar g = Grammar("dim the {name} in the {area}".Replace("dim", "make") + " {color}");
        foreach (var (s, _) in new GrammarExpander(g, home).Expand(g.Templates[3], 100, 1))
            Assert.AreEqual(s.Slots["name"] == "desk lamp" ? "office" : "hallway", s.Slots["area"], s.Text);
    }
}
