using Saffu.Training.Corpus;
using Saffu.Training.Model;
using Saffu.Training.Slots;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Training;

[TestClass]
public class WordDropoutCopiesTests
{
    static readonly string[] Labels = ["O", "B-name", "I-name", "B-brightness"];
    static readonly string[] Intents = ["<none>", "HassTurnOn", "HassLightSet"];

    /// <summary>400 utterances: every fourth a none sentence, the others a command with a two-word name span, half with a number.</summary>
    static EncodedCorpus Corpus(out WordVocabulary vocabulary)
    {
        var utterances = Enumerable.Range(0, 400).Select(i => i % 4 == 0
            ? new Utterance("what time is it now", "<none>", Utterance.NoSlots, new SourceLine("u", i + 1))
            : i % 2 == 0
                ? new Utterance("could you please set the floor lamp to 40 percent", "HassLightSet", Utterance.NoSlots, new SourceLine("u", i + 1),
                    ["O", "O", "O", "O", "O", "B-name", "I-name", "O", "B-brightness", "O"])
                : new Utterance("hey please turn on the floor lamp now", "HassTurnOn", Utterance.NoSlots, new SourceLine("u", i + 1),
                    ["O", "O", "O", "O", "O", "B-name", "I-name", "O"])).ToList();
        vocabulary = VocabularyBuilder.Build(utterances.Select(u => u.Text), 16, prependSod: true);
        return EncodedCorpus.Encode(utterances, vocabulary, Intents, new SlotTagger(Labels), out _, FloatModel.IsUntagged);
    }

    static HashSet<int> Kept(WordVocabulary vocabulary, params string[] words) => words.Select(vocabulary.IdOf).ToHashSet();

    static EncodedCorpus Copies(EncodedCorpus corpus, WordVocabulary vocabulary, int copies, double rate, int seed, params string[] kept) =>
        WordDropoutCopies.Make(corpus, vocabulary.OovId, copies, rate, seed, id => id != 0, Kept(vocabulary, kept), outsideTag: 0);

    [TestMethod]
    public void CopiesKeepSlotWordsNumbersKeptWordsAndTheLabels()
    {
        var corpus = Corpus(out var vocabulary);
        var copies = Copies(corpus, vocabulary, 2, 0.5, seed: 7, "on", "percent");
        Assert.IsGreaterThan(300, copies.Count, "600 copies tried at rate 0.5 of 4–5 droppable words: few have none dropped");
        int droppedWords = 0;
        for (int c = 0; c < copies.Count; c++)
        {
            EncodedText text = copies.Texts[c];
            int[] tags = copies.Tags![c];
            Assert.AreNotEqual(0, copies.Intents[c], "the none class is not in scope");
            Assert.AreEqual(vocabulary.SodId, text.Ids[0], "<sod> is never dropped");
            var original = copies.Intents[c] == 2 ? corpus.Texts[2] : corpus.Texts[1];
            Assert.AreEqual(original.Length, text.Length, "a word is replaced, never inserted or removed");
            CollectionAssert.AreEqual(copies.Intents[c] == 2 ? corpus.Tags![2] : corpus.Tags![1], tags, "the copy keeps its tags");
            int dropped = 0;
            for (int p = 1; p < text.Length; p++)
            {
                bool kept = tags[p] > 0 || original.Values[p] >= 0 || original.Tokens[p] is "on" or "percent";
                if (kept) Assert.AreEqual(original.Ids[p], text.Ids[p], $"{original.Tokens[p]} (tag {tags[p]}) must be kept: {string.Join(' ', text.Tokens)}");
                else if (text.Ids[p] != original.Ids[p])
                {
                    Assert.AreEqual(vocabulary.OovId, text.Ids[p]);
                    Assert.AreEqual(SpecialWords.Oov, text.Tokens[p]);
                    dropped++;
                }
            }
            Assert.IsGreaterThan(0, dropped, "a copy with nothing dropped is not made");
            droppedWords += dropped;
        }
        Assert.IsGreaterThan(copies.Count, droppedWords, "some copies drop more than one word");
    }

    [TestMethod]
    public void RemovedWordsLeaveTheCopyWithTheRestAndTheirTags()
    {
        var corpus = Corpus(out var vocabulary);
        var copies = WordDropoutCopies.Make(corpus, vocabulary.OovId, 2, 0.5, 7, id => id != 0, Kept(vocabulary, "on", "percent"), 0,
            DropoutCopyMode.Remove);
        var replaced = Copies(corpus, vocabulary, 2, 0.5, seed: 7, "on", "percent");
        Assert.AreEqual(replaced.Count, copies.Count, "the same draws: the same copies are made");
        for (int c = 0; c < copies.Count; c++)
        {
            EncodedText text = copies.Texts[c], same = replaced.Texts[c];
            CollectionAssert.AreEqual(same.Ids.Where(id => id != vocabulary.OovId).ToArray(), text.Ids, "the words of the <oov> copy, without the <oov>s");
            CollectionAssert.AreEqual(replaced.Tags![c].Where((_, p) => same.Ids[p] != vocabulary.OovId).ToArray(), copies.Tags![c]);
            CollectionAssert.AreEqual(same.Values.Where((_, p) => same.Ids[p] != vocabulary.OovId).ToArray(), text.Values, "the number stays with its value");
            Assert.AreEqual(text.Length, text.Tokens.Length);
        }
    }

    [TestMethod]
    public void TheRateIsTheShareOfDroppableWordsDropped()
    {
        var corpus = Corpus(out var vocabulary);
        // droppable per command: "could you please set the … to … " 6 words ("to" too); "hey please turn the … now" 5 ("on" kept)
        const int droppable = 150 * 6 + 150 * 5;
        foreach (double rate in new[] { 0.1, 0.3 })
        {
            var copies = Copies(corpus, vocabulary, 4, rate, seed: 1, "on", "percent");
            int dropped = copies.Texts.Sum(t => t.Ids.Count(id => id == vocabulary.OovId));
            double share = dropped / (4.0 * droppable);
            Assert.IsLessThan(0.02, Math.Abs(share - rate), $"rate {rate}: {share:F3} of the droppable words dropped");
            double copied = copies.Count / (4.0 * 300);
            double expected = 1 - (0.5 * Math.Pow(1 - rate, 6) + 0.5 * Math.Pow(1 - rate, 5));
            Assert.IsLessThan(0.04, Math.Abs(copied - expected), $"rate {rate}: {copied:F3} of the copies made, expected {expected:F3}");
        }
    }

    [TestMethod]
    public void TheDrawsDependOnTheSeedOnly()
    {
        var corpus = Corpus(out var vocabulary);
        var first = Copies(corpus, vocabulary, 1, 0.2, seed: 3);
        var again = Copies(corpus, vocabulary, 1, 0.2, seed: 3);
        Assert.AreEqual(first.Count, again.Count);
        for (int c = 0; c < first.Count; c++) CollectionAssert.AreEqual(first.Texts[c].Ids, again.Texts[c].Ids, "seeded: the same copies");
        var other = Copies(corpus, vocabulary, 1, 0.2, seed: 4);
        Assert.IsFalse(first.Count == other.Count && Enumerable.Range(0, first.Count).All(c => first.Texts[c].Ids.SequenceEqual(other.Texts[c].Ids)),
            "another seed draws other copies");
        var eight = Copies(corpus.First(2), vocabulary, 8, 0.5, seed: 3);
        Assert.IsGreaterThan(3, eight.Texts.Select(t => string.Join(' ', t.Ids)).Distinct().Count(), "each copy of an utterance draws anew");
    }

    [TestMethod]
    public void NoCopiesWhenOff()
    {
        var corpus = Corpus(out var vocabulary);
        Assert.AreEqual(0, Copies(corpus, vocabulary, 0, 0.2, seed: 1).Count);
        Assert.AreEqual(0, WordDropoutCopies.Make(corpus, vocabulary.OovId, 2, 0.2, 1, _ => false, new HashSet<int>(), 0).Count, "nothing in scope");
    }

    [TestMethod]
    public void TheScopeSaysWhichIntentsAreCopied()
    {
        Assert.IsTrue(WordDropoutCopies.InScope("HassTurnOn", DropoutCopyScope.Commands));
        Assert.IsFalse(WordDropoutCopies.InScope("HassGetState", DropoutCopyScope.Commands), "a state question never acts");
        Assert.IsFalse(WordDropoutCopies.InScope("other:climate", DropoutCopyScope.Commands));
        Assert.IsFalse(WordDropoutCopies.InScope("<none>", DropoutCopyScope.Commands));
        Assert.IsTrue(WordDropoutCopies.InScope("HassNevermind", DropoutCopyScope.Intents));
        Assert.IsFalse(WordDropoutCopies.InScope("<none>", DropoutCopyScope.Intents));
        Assert.IsTrue(WordDropoutCopies.InScope("<none>", DropoutCopyScope.All));
    }

    [TestMethod]
    public void TheTrainerAddsTheCopiesAndTheModelFolderRemembersThem()
    {
        var train = Enumerable.Range(0, 60).Select(i => new Utterance(
            i % 3 == 0 ? "what is the weather like today" : i % 3 == 1 ? "please switch the lamp on now" : "could you turn the lamp off",
            i % 3 == 0 ? "<none>" : i % 3 == 1 ? "on" : "off", Utterance.NoSlots, new SourceLine("t", i + 1))).ToList();
        var options = new TrainOptions { FineTune = false, DropoutCopies = 2, DropoutCopyRate = 0.3, DropoutCopyScope = DropoutCopyScope.Commands };
        var result = Trainer.Train(train, null, options);
        Assert.IsGreaterThan(20, result.Measurements.DropoutCopies, "80 copies tried of 40 commands at rate 0.3");
        Assert.IsLessThanOrEqualTo(80, result.Measurements.DropoutCopies);
        var all = Trainer.Train(train, null, options with { DropoutCopyScope = DropoutCopyScope.All });
        Assert.IsGreaterThan(result.Measurements.DropoutCopies, all.Measurements.DropoutCopies, "the none sentences are copied too");
        Assert.AreEqual(0, Trainer.Train(train, null, options with { DropoutCopies = 0 }).Measurements.DropoutCopies);

        var json = OptionsJson.Training(options);
        TrainOptions read = OptionsJson.Training(json, new JsonReader("model.json"));
        Assert.AreEqual((2, 0.3, DropoutCopyScope.Commands), (read.DropoutCopies, read.DropoutCopyRate, read.DropoutCopyScope));
        Assert.IsFalse(OptionsJson.Training(options with { DropoutCopies = 0 }).ContainsKey("dropoutCopies"), "off: model.json as before");
        read = OptionsJson.Training(OptionsJson.Training(options with { DropoutCopyMode = DropoutCopyMode.Remove }), new JsonReader("model.json"));
        Assert.AreEqual(DropoutCopyMode.Remove, read.DropoutCopyMode);
        Assert.ThrowsExactly<ArgumentException>(() => (options with { DropoutCopyRate = 1 }).Validate());
        Assert.ThrowsExactly<ArgumentException>(() => (options with { DropoutCopies = TrainOptions.MaxDropoutCopies + 1 }).Validate());
    }
}
