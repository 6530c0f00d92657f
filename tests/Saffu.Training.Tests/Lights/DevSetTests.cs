using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.Lights;

/// <summary>tests/data/lights/dev.jsonl, the tuning set: well labelled, and no sentence of the test sets or the training list.</summary>
[TestClass]
public class DevSetTests
{
    static IReadOnlyList<Utterance> Read(string name) =>
        DatasetReader.Read(RepoFiles.Path("tests/data/lights/" + name), new ReadOptions { RequireIntent = false }).Utterances;

    [TestMethod]
    public void EveryCommandIsLabelledAsTheGrammarSays()
    {
        var home = HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml"));
        var finder = new SlotSpanFinder(SlotPhrases.For(home, CommandGrammar.Shipped));
        var dev = Read("dev.jsonl").Concat(Read("dev-hard.jsonl")).ToList();
        Assert.IsGreaterThanOrEqualTo(200, dev.Count);
        foreach (Utterance u in dev) Assert.AreNotEqual(LightIntents.None, finder.Label(u).Intent, u.Text);
        foreach (string intent in LightIntents.Lights) Assert.IsTrue(dev.Any(u => u.Intent == intent), intent);
    }

    [TestMethod]
    public void NoDevSentenceIsATestOrTrainingSentence()
    {
        var tokens = new SentenceTokens();
        string Key(string text) => SentenceTokens.Key(tokens.Tokenize(text)!);
        var others = Read("heldout.jsonl").Concat(Read("heldout-none.jsonl")).Select(u => Key(u.Text))
            .Concat(NotLightsList.Shipped.Sentences.Select(s => Key(s.Text))).ToHashSet();
        foreach (Utterance u in Read("dev.jsonl").Concat(Read("dev-hard.jsonl"))) Assert.DoesNotContain(Key(u.Text), others, u.Text);
    }
}
