using Saffu.Training.Speech;

namespace Saffu.Training.Tests.Speech;

/// <summary>The rival classes the fitted language model balances (docs/voice.md §2, "Rival classes").</summary>
[TestClass]
public sealed class RivalWordClassesTests
{
    [TestMethod]
    public void ParticlesComparativesOneWordColoursAndNumberWords()
    {
        var classes = RivalWordClasses.For(["<oov>", "<num>", "turn", "on"], ["red", "warm white", "gold", "blue"]);
        Assert.HasCount(4, classes);
        CollectionAssert.AreEqual(new[] { "on", "off", "up", "down", "out" }, classes[0].ToArray());
        CollectionAssert.AreEqual(new[] { "brighter", "dimmer", "darker", "lighter" }, classes[1].ToArray());
        CollectionAssert.AreEqual(new[] { "red", "gold", "blue" }, classes[2].ToArray(), "'warm white' is two words: no one-word rival");
        CollectionAssert.Contains(classes[3].ToArray(), "fifteen");
        CollectionAssert.Contains(classes[3].ToArray(), "fifty");
        CollectionAssert.DoesNotContain(classes[3].ToArray(), "hundred");
        Assert.HasCount(28, classes[3]); // zero … nineteen and the eight tens
    }

    [TestMethod]
    public void NoNumberClassWithoutNumbersAndNoColourClassWithoutColours()
    {
        var classes = RivalWordClasses.For(["turn", "on"], []);
        Assert.HasCount(2, classes);
    }

    [TestMethod]
    public void EveryClassWordIsInOneClassOnly()
    {
        var words = RivalWordClasses.For(["<num>"], ["red", "blue", "lighter"]).SelectMany(c => c).ToList();
        Assert.HasCount(words.Count, words.Distinct().ToList());
    }
}
