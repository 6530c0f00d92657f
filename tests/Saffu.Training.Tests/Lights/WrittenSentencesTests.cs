using System.Text.Json;
using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.Lights;

/// <summary>
/// The blind-written sentences the shipped model trains on (models/README.md): models/lights/written-commands.jsonl
/// (`--extra`) and written-non-acting.jsonl (`--phrasings`). Every line parses with the lights labels and the shipped
/// home's names, and no sentence is a sentence of an evaluation set (tests/data/lights/*.jsonl), so training on them spends
/// none of those sets. The sets are compared by their token sequences only.
/// </summary>
[TestClass]
public sealed class WrittenSentencesTests
{
    const string Commands = "models/lights/written-commands.jsonl", NonActing = "models/lights/written-non-acting.jsonl";

    static readonly Lazy<HomeDescription> home = new(() => HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml")));

    static IReadOnlyList<Utterance> Read(string file) =>
        DatasetReader.Read(RepoFiles.Path(file), new ReadOptions { KnownIntents = LightIntents.All.ToHashSet(StringComparer.Ordinal) }).Utterances;

    [TestMethod]
    public void CommandsAreLightCommandsWhoseSlotWordsTheHomeHas()
    {
        var commands = Read(Commands);
        Assert.IsGreaterThanOrEqualTo(500, commands.Count);
        var finder = new SlotSpanFinder(SlotPhrases.For(home.Value, CommandGrammar.Shipped));
        foreach (Utterance u in commands)
        {
            string where = $"{Commands}:{u.Source.Line}";
            Assert.Contains(u.Intent!, LightIntents.Lights, where);
            AssertKnownNames(u, where);
            Assert.HasCount(u.Slots.Count, finder.Label(u).SlotSpans, $"{where}: every slot's words are in the sentence (as `--extra` requires)");
        }
    }

    [TestMethod]
    public void NonActingSentencesCarryOnlyTheirTarget()
    {
        var sentences = Read(NonActing);
        Assert.IsGreaterThanOrEqualTo(200, sentences.Count);
        foreach (Utterance u in sentences)
        {
            string where = $"{NonActing}:{u.Source.Line}";
            Assert.IsTrue(LightIntents.IsNonActing(u.Intent!) || u.Intent == LightIntents.None, $"{where}: {u.Intent} is a light command");
            Assert.IsTrue(u.Slots.Keys.All(k => k is LightSlots.Name or LightSlots.Area), $"{where}: only name or area");
            AssertKnownNames(u, where);
        }
        foreach (string intent in new[] { LightIntents.None, LightIntents.GetState, LightIntents.Nevermind })
            Assert.IsGreaterThanOrEqualTo(30, sentences.Count(u => u.Intent == intent), intent);
        foreach (string domain in LightIntents.Domains)
            Assert.IsGreaterThanOrEqualTo(5, sentences.Count(u => u.Intent == LightIntents.OtherPrefix + domain), domain);
    }

    [TestMethod]
    public void NoSentenceTwiceAndNoneIsASentenceOfAnEvaluationSet()
    {
        var tokens = new SentenceTokens();
        var ours = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string file in new[] { Commands, NonActing })
            foreach (Utterance u in Read(file))
                Assert.IsTrue(ours.TryAdd(SentenceTokens.Key(tokens.Tokenize(u.Text)!), $"{file}:{u.Source.Line}"),
                    $"{file}:{u.Source.Line} says a sentence said before");
        var sets = Directory.GetFiles(RepoFiles.Path("tests/data/lights"), "*.jsonl");
        Assert.IsGreaterThanOrEqualTo(10, sets.Length);
        var shared = new List<string>();
        foreach (string set in sets)
            foreach (string line in File.ReadLines(set).Where(l => !string.IsNullOrWhiteSpace(l)))
            {
                string text = JsonDocument.Parse(line).RootElement.GetProperty("text").GetString()!;
                if (tokens.Tokenize(text) is { } said && ours.TryGetValue(SentenceTokens.Key(said), out string? at))
                    shared.Add($"{at} is a sentence of {Path.GetFileName(set)}");
            }
        Assert.IsEmpty(shared, string.Join("; ", shared));
    }

    static void AssertKnownNames(Utterance u, string where)
    {
        if (u.Slots.TryGetValue(LightSlots.Name, out string? name)) Assert.IsTrue(home.Value.Lights.Any(l => l.Name == name), $"{where}: light {name}");
        if (u.Slots.TryGetValue(LightSlots.Area, out string? area)) Assert.IsTrue(home.Value.Areas.Any(a => a.Name == area), $"{where}: area {area}");
        if (u.Slots.TryGetValue(LightSlots.Color, out string? color))
            Assert.IsTrue(CommandGrammar.Shipped.Colors.Any(c => c.Name == color), $"{where}: colour {color}");
        if (u.Slots.TryGetValue(LightSlots.Step, out string? step)) Assert.IsTrue(step is LightSlots.Up or LightSlots.Down, $"{where}: step {step}");
        foreach (string light in u.Lights ?? []) Assert.IsTrue(home.Value.Lights.Any(l => l.Name == light), $"{where}: lights {light}");
    }
}
