using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Vocabulary;

[TestClass]
public class VocabularyBuilderTests
{
    [TestMethod]
    public void RanksByCountThenFirstSeenWithSpecialPseudoCounts()
    {
        // Counts: the 3, on 2, light 2 (on seen first), then turn, off, at, <num>, percent once each.
        // 8 types → <oov> has the pseudo-count 7; <sod> has 3 (utterances) and is seen before every word.
        string[] texts = ["turn on the light", "the light on", "off the at 50%"];
        var v = VocabularyBuilder.Build(texts, maxWords: 16, prependSod: true);
        Assert.AreEqual(0, v.OovId, "<oov> has pseudo-count types − 1 = 7, the largest");
        Assert.AreEqual(1, v.SodId, "<sod> has 3 (utterances) and is seen before every word; 'the' also has 3");
        CollectionAssert.AreEqual(new[] { "the", "on", "light", "turn", "off", "at", "<num>", "percent" }, v.Words.Skip(2).ToArray());
        Assert.AreEqual(v.Words.ToList().IndexOf("<num>"), v.NumId);
    }

    [TestMethod]
    public void AlwaysWordsNoTranscriptSaysComeLastWithCountZero()
    {
        // "lamp" is said, "dim" and "bulb" are not: they are types with count 0 after the others, in ordinal order, and
        // they count as types for <oov>'s pseudo-count (4 types → 3, which ranks it first).
        var v = VocabularyBuilder.Build(["turn on the lamp"], 8, prependSod: false, always: ["lamp", "dim", "bulb", "dim", "<oov>"]);
        CollectionAssert.AreEqual(new[] { "<oov>", "turn", "on", "the", "lamp", "bulb", "dim" }, v.Words.ToArray());
        Assert.AreNotEqual(v.OovId, v.IdOf("bulb"));
    }

    [TestMethod]
    public void OovTiesGoAfterEveryWord()
    {
        // Two types, each seen once: <oov> has pseudo-count 1 and ties with both; it ranks last among them.
        var v = VocabularyBuilder.Build(["hello world"], 8, prependSod: false);
        CollectionAssert.AreEqual(new[] { "hello", "world", "<oov>" }, v.Words.ToArray());
        Assert.AreEqual(-1, v.SodId);
        Assert.AreEqual(-1, v.NumId);
    }

    [TestMethod]
    public void EncodeLooksUpWithTheRuntimeTokenizer()
    {
        var v = VocabularyBuilder.Build(["set the light to 50 percent"], 8, prependSod: true);
        EncodedText e = v.Encode("Set the LAMP to twenty five%");
        CollectionAssert.AreEqual(new[] { "<sod>", "set", "the", "lamp", "to", "<num>", "percent" }, e.Tokens);
        Assert.AreEqual(v.SodId, e.Ids[0]);
        Assert.AreEqual(v.OovId, e.Ids[3], "an unseen word is <oov>");
        Assert.AreEqual(v.NumId, e.Ids[5]);
        Assert.AreEqual(25, e.Values[5]);
        Assert.AreEqual(1, e.FirstWord);
        Assert.AreEqual(6, e.WordCount);
        Assert.IsFalse(e.Truncated);
    }

    [TestMethod]
    public void EncodeKeepsAtMostMaxWordsPositions()
    {
        var v = VocabularyBuilder.Build(["a b c"], maxWords: 3, prependSod: true);
        EncodedText e = v.Encode("a b c a b");
        Assert.AreEqual(3, e.Length, "<sod> + 2 words");
        Assert.IsTrue(e.Truncated);
    }

    [TestMethod]
    public void CountsFollowIds()
    {
        string[] texts = ["on on off", "off on"];
        var v = VocabularyBuilder.Build(texts, 8, prependSod: true);
        long[] counts = VocabularyBuilder.Counts(v, texts);
        Assert.AreEqual(3, counts[v.IdOf("on")]);
        Assert.AreEqual(2, counts[v.IdOf("off")]);
        Assert.AreEqual(0, counts[v.OovId]);
    }
}
