using Saffu.Training.Corpus;
using Saffu.Training.Slots;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Training;

/// <summary>Recognition-like error copies (docs/voice.md §6): one error per copy, never inside a slot span, never of a protected word, seeded.</summary>
[TestClass]
public class SpeechErrorCopiesTests
{
    static readonly string[] Labels = ["O", "B-name", "I-name"];

    static EncodedCorpus Corpus(out WordVocabulary vocabulary)
    {
        var utterances = Enumerable.Range(0, 200).Select(i => new Utterance(
            i % 4 == 0 ? "what time is it" : "turn on the floor lamp please", i % 4 == 0 ? "<none>" : "on", Utterance.NoSlots,
            new SourceLine("u", i + 1), i % 4 == 0 ? null : ["O", "O", "O", "B-name", "I-name", "O"])).ToList();
        vocabulary = VocabularyBuilder.Build(utterances.Select(u => u.Text).Append("term a it"), 16, prependSod: true);
        return EncodedCorpus.Encode(utterances, vocabulary, ["<none>", "on"], new SlotTagger(Labels), out _, "<none>");
    }

    static readonly SpeechError[] Table =
    [
        new("sub", "turn", "term", 3), new("del", "please", "-", 2), new("ins", "-", "a", 1),
        new("sub", "on", "it", 50), new("sub", "lamp", "it", 50), new("del", "floor", "-", 50), new("ins", "-", "please", 50),
    ];

    [TestMethod]
    public void EachCopyHasOneAllowedErrorOutsideTheSlotSpan()
    {
        var corpus = Corpus(out var vocabulary);
        var more = SpeechErrorCopies.Add(corpus, vocabulary, Table, 0.5, seed: 3, skipIntent: 0, maxWords: 16, new HashSet<int> { 2 }, 0, anchors: null);
        int copies = more.Count - corpus.Count;
        Assert.IsTrue(copies is > 50 and < 100, $"{copies} copies of 150 commands at share 0.5");
        var seen = new HashSet<string>();
        for (int u = corpus.Count; u < more.Count; u++)
        {
            Assert.AreEqual(1, more.Intents[u]);
            string text = string.Join(' ', more.Texts[u].Tokens.Skip(1));
            seen.Add(text);
            CollectionAssert.AreEqual(new[] { 1, 2 }, more.Tags![u].Where(t => t > 0).ToArray(), text);
            Assert.AreEqual(more.Texts[u].Length, more.Tags[u].Length);
        }
        // "on" is protected, "lamp"/"floor" are inside the name span, "please" is longer than an insertion may be.
        CollectionAssert.AreEquivalent(new[] { "term on the floor lamp please", "turn on the floor lamp", "a turn on the floor lamp please",
            "turn a on the floor lamp please", "turn on a the floor lamp please", "turn on the a floor lamp please", "turn on the floor lamp a please", "turn on the floor lamp please a" }
            .Where(seen.Contains).ToArray(), seen.ToArray(), string.Join(" | ", seen));
        Assert.IsTrue(seen.Contains("term on the floor lamp please") && seen.Contains("turn on the floor lamp"), string.Join(" | ", seen));
        var again = SpeechErrorCopies.Add(corpus, vocabulary, Table, 0.5, seed: 3, skipIntent: 0, maxWords: 16, new HashSet<int> { 2 }, 0, anchors: null);
        for (int u = 0; u < more.Count; u++) CollectionAssert.AreEqual(more.Texts[u].Ids, again.Texts[u].Ids, "seeded: the same copies");
    }

    [TestMethod]
    public void AnchorWordsAreNeverChangedAndShareZeroChangesNothing()
    {
        var corpus = Corpus(out var vocabulary);
        var anchors = new HashSet<int> { vocabulary.IdOf("turn") };
        var more = SpeechErrorCopies.Add(corpus, vocabulary, [new("sub", "turn", "term", 1)], 1, 1, 0, 16, new HashSet<int> { 2 }, 0, anchors);
        Assert.AreEqual(corpus.Count, more.Count);
        Assert.AreSame(corpus, SpeechErrorCopies.Add(corpus, vocabulary, Table, 0, 1, 0, 16, new HashSet<int>(), 0, null));
    }

    [TestMethod]
    public void TheTableFormatIsCheckedLineByLine()
    {
        var rows = SpeechErrorTable.Parse("# comment\nsub\tlights\tlight\t12\ndel\tthe\t-\t3\r\n\nins\t-\ta\t1\n");
        Assert.HasCount(3, rows);
        Assert.AreEqual(new SpeechError("sub", "lights", "light", 12), rows[0]);
        StringAssert.Contains(Assert.ThrowsExactly<FormatException>(() => SpeechErrorTable.Parse("sub\ta\tb\n")).Message, "line 1");
        Assert.ThrowsExactly<FormatException>(() => SpeechErrorTable.Parse("swap\ta\tb\t1\n"));
        Assert.ThrowsExactly<FormatException>(() => SpeechErrorTable.Parse("sub\ta\tb\t0\n"));
    }
}
