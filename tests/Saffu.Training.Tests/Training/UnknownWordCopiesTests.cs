using Saffu.Training.Model;
using Saffu.Training.Corpus;
using Saffu.Training.Slots;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Training;

[TestClass]
public class UnknownWordCopiesTests
{
    static readonly string[] Labels = ["O", "B-name", "I-name"];

    static EncodedCorpus Corpus(out WordVocabulary vocabulary)
    {
        var utterances = Enumerable.Range(0, 200).Select(i => new Utterance(
            i % 4 == 0 ? "what time is it" : "turn on the floor lamp please", i % 4 == 0 ? "<none>" : "on", Utterance.NoSlots,
            new SourceLine("u", i + 1), i % 4 == 0 ? null : ["O", "O", "O", "B-name", "I-name", "O"])).ToList();
        vocabulary = VocabularyBuilder.Build(utterances.Select(u => u.Text), 16, prependSod: true);
        return EncodedCorpus.Encode(utterances, vocabulary, ["<none>", "on"], new SlotTagger(Labels), out _, FloatModel.IsUntagged);
    }

    [TestMethod]
    public void CopiesAShareOfTheCommandsWithOneOovOutsideSlotSpans()
    {
        var corpus = Corpus(out var vocabulary);
        var more = UnknownWordCopies.Add(corpus, vocabulary.OovId, 0.25, seed: 3, skipIntent: 0, maxWords: 16, new HashSet<int> { 2 }, 0);
        int copies = more.Count - corpus.Count;
        Assert.IsTrue(copies is > 20 and < 60, $"{copies} copies of 150 commands at share 0.25");
        for (int u = corpus.Count; u < more.Count; u++)
        {
            Assert.AreEqual(1, more.Intents[u], "the none class is never copied");
            EncodedText text = more.Texts[u];
            Assert.AreEqual(8, text.Length, "<sod> + 6 words + the unknown one");
            int at = Array.IndexOf(text.Ids, vocabulary.OovId);
            Assert.IsGreaterThanOrEqualTo(1, at, "never before <sod>");
            Assert.AreEqual(0, more.Tags![u][at], "the unknown word is tagged O");
            CollectionAssert.AreEqual(new[] { 1, 2 }, more.Tags[u].Where(t => t > 0).ToArray(), "the name span stays whole: " + string.Join(' ', text.Tokens));
        }
        var again = UnknownWordCopies.Add(corpus, vocabulary.OovId, 0.25, seed: 3, skipIntent: 0, maxWords: 16, new HashSet<int> { 2 }, 0);
        for (int u = 0; u < more.Count; u++) CollectionAssert.AreEqual(more.Texts[u].Ids, again.Texts[u].Ids, "seeded: the same copies");
        Assert.AreSame(corpus, UnknownWordCopies.Add(corpus, vocabulary.OovId, 0, 3, 0, 16, new HashSet<int>(), 0));
    }

    [TestMethod]
    public void UtterancesAtMaxWordsAreNotCopied()
    {
        var corpus = Corpus(out var vocabulary);
        var more = UnknownWordCopies.Add(corpus, vocabulary.OovId, 1, seed: 1, skipIntent: 0, maxWords: 7, new HashSet<int> { 2 }, 0);
        Assert.AreEqual(corpus.Count, more.Count, "7 positions are full: no room for another word");
    }
}
