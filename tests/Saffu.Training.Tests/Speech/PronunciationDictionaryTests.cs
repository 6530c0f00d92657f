using Saffu.Training.Speech;

namespace Saffu.Training.Tests.Speech;

/// <summary>The dictionary restricted to a vocabulary (docs/voice.md §3): stock entries and alternatives, and each fallback.</summary>
[TestClass]
public sealed class PronunciationDictionaryTests
{
    // A cmudict-en-us.dict excerpt in its own format (alternatives as word(2)).
    const string Stock = """
        a AH
        a(2) EY
        b B IY
        desk D EH S K
        g JH IY
        kitchen K IH CH AH N
        lamp L AE M P
        light L AY T
        night N AY T
        r AA R
        the DH AH
        the(2) DH IY
        turn T ER N
        """;

    static PronunciationDictionary Dictionary => PronunciationDictionary.Parse(Stock);

    [TestMethod]
    public void RestrictsToTheVocabularySortedWithAlternativesInStockOrder()
    {
        var (text, entries, missing) = Dictionary.Restrict(["turn", "the", "lamp", "turn"]);
        Assert.AreEqual("lamp L AE M P\nthe DH AH\nthe(2) DH IY\nturn T ER N\n", text);
        Assert.HasCount(3, entries);
        Assert.IsEmpty(missing);
    }

    [TestMethod]
    public void MissingWordsGetThePossessiveTheCompoundOrTheSpeltFallback()
    {
        var (text, entries, missing) = Dictionary.Restrict(["kitchen's", "desk's", "nightlight", "rgb", "日本"]);
        Assert.AreEqual("desk's D EH S K S\nkitchen's K IH CH AH N Z\nnightlight N AY T L AY T\nrgb AA R JH IY B IY\n", text);
        CollectionAssert.AreEqual(new[] { PronunciationSource.Possessive, PronunciationSource.Possessive, PronunciationSource.Compound, PronunciationSource.Spelled },
            entries.Select(e => e.Source).ToArray());
        CollectionAssert.AreEqual(new[] { "日本" }, missing.ToArray(), "no ASCII letter to spell");
    }

    [TestMethod]
    public void TheLetterAIsSpeltAsItsNameNotTheArticle() =>
        Assert.AreEqual("EY B IY", Dictionary.Find("ab")!.Phones[0]);

    [TestMethod]
    public void BlankAndMalformedLinesAreSkipped() =>
        Assert.AreEqual(1, PronunciationDictionary.Parse("\n  \nlamp\nlamp L AE M P\r\n").Count);
}
