using Saffu.Runtime.Text;
using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.Grammar;

[TestClass]
public sealed class LightsCorpusTests
{
    static readonly Lazy<HomeDescription> shippedHome = new(() => HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml")));
    static readonly Lazy<LightsCorpus> shipped = new(() => LightsCorpus.Build(shippedHome.Value));

    const string CustomHome = """
        version: 1
        areas:
          - name: conservatory
            aliases: [sun room]
        lights:
          - name: fairy lights
            aliases: [twinkle lights]
            area: conservatory
            color: { red: 25, green: 26, blue: 27 }
          - name: shed lamp
            area: garden shed
            pin: 4
          - name: Anna's lamp
            area: nursery
            pin: 5
            dimmable: true
        """;

    static IEnumerable<LabelledSentence> All(LightsCorpus c) => c.Train.Concat(c.Valid);

    [TestMethod]
    public void SameHomeAndOptionsGiveTheSameSentences()
    {
        var again = LightsCorpus.Build(shippedHome.Value);
        Assert.AreEqual(Describe(shipped.Value.Train), Describe(again.Train));
        Assert.AreEqual(Describe(shipped.Value.Valid), Describe(again.Valid));
        var otherSeed = LightsCorpus.Build(shippedHome.Value, new LightsCorpusOptions { Seed = 2 });
        Assert.AreNotEqual(Describe(shipped.Value.Train), Describe(otherSeed.Train));
    }

    /// <summary>Pinned so that an unintended change to the grammar, expander or split shows up in review.</summary>
    [TestMethod]
    public void ShippedCorpusHasTheExpectedSize()
    {
        var c = shipped.Value;
        // 1500 wanted per intent (at least 15 per template: HassLightSet 181 × 15 = 2715); a little fewer where templates
        // overlap (a sentence two templates say is kept once).
        var expected = new Dictionary<string, int>
        {
            ["HassTurnOn"] = 1498, ["HassTurnOff"] = 1499, ["HassToggle"] = 1483, ["HassLightSet"] = 2715, ["HassGetState"] = 1499,
            ["HassNevermind"] = 599, ["other:climate"] = 600, ["other:weather"] = 599,
        };
        string Counts(Func<string, int> count) => string.Join(", ", expected.Keys.Select(intent => $"{intent} {count(intent)}"));
        Assert.AreEqual(Counts(i => expected[i]), Counts(i => All(c).Count(s => s.Intent == i)));
        Assert.IsGreaterThanOrEqualTo(1500 + 500, All(c).Count(s => s.Intent == LightIntents.None));
        Assert.IsEmpty(c.Report.Conflicts, string.Join("; ", c.Report.Conflicts));
        double validShare = (double)c.Valid.Count / (c.Train.Count + c.Valid.Count);
        Assert.IsTrue(validShare is > 0.08 and < 0.25, $"valid share {validShare:F3}");
    }

    [TestMethod]
    public void EverySlotSpanIsTheRuntimeTokenizersTokens()
    {
        var tokens = new TokenBuffer(256);
        var phrases = shipped.Value.Phrases;
        foreach (LabelledSentence s in All(shipped.Value))
        {
            Tokenizer.Tokenize(s.Text, tokens);
            Assert.AreEqual(tokens.Count, s.TokenCount, s.Text);
            Assert.HasCount(s.Slots.Count, s.SlotSpans, s.Text);
            var covered = new bool[tokens.Count];
            foreach (var (slot, span) in s.SlotSpans)
            {
                Assert.IsTrue(span.Count > 0 && span.End <= tokens.Count, $"{s.Text}: {slot} {span}");
                for (int i = span.First; i < span.End; i++)
                {
                    Assert.IsFalse(covered[i], $"{s.Text}: spans overlap at {i}");
                    covered[i] = true;
                }
                string words = string.Join(' ', Enumerable.Range(span.First, span.Count).Select(tokens.TokenText));
                if (slot == LightSlots.Brightness)
                {
                    Assert.AreEqual(1, span.Count, s.Text);
                    Assert.AreEqual(s.Slots[slot], tokens.Values[span.First].ToString(System.Globalization.CultureInfo.InvariantCulture), s.Text);
                }
                else Assert.AreEqual(s.Slots[slot], phrases.Canonical(slot, words), $"{s.Text}: {slot} said as \"{words}\"");
            }
        }
    }

    [TestMethod]
    public void BioTagsMarkTheSpans()
    {
        LabelledSentence s = All(shipped.Value).First(x => x.Slots.TryGetValue(LightSlots.Name, out string? n) && n == "floor lamp"
            && x.Text.Contains("reading lamp") && x.Slots.ContainsKey(LightSlots.Brightness));
        string[] tags = s.BioTags();
        Assert.HasCount(s.TokenCount, tags);
        TokenSpan name = s.SlotSpans[LightSlots.Name], brightness = s.SlotSpans[LightSlots.Brightness];
        Assert.AreEqual("B-name", tags[name.First]);
        Assert.AreEqual("I-name", tags[name.First + 1]);
        Assert.AreEqual("B-brightness", tags[brightness.First]);
        Assert.AreEqual(s.TokenCount - s.SlotSpans.Values.Sum(span => span.Count), tags.Count(t => t == LabelledSentence.Outside));
        Assert.IsTrue(tags.All(LabelledSentence.TagLabels.Contains));
        Utterance u = s.ToUtterance();
        Assert.AreEqual(s.Text, u.Text);
        CollectionAssert.AreEqual(tags, u.Tags!.ToArray(), "the trainer gets the exact tags");
        Assert.AreEqual("floor lamp", u.Slots[LightSlots.Name]);
        Assert.AreEqual(CommandGrammar.ShippedPath, u.Source.Path);
        Assert.AreEqual("reading lamp", s.ToUtterance(SlotValues.Said).Slots[LightSlots.Name]);
        Assert.AreEqual(s.Slots[LightSlots.Brightness], s.SaidSlots()[LightSlots.Brightness]);
        LabelledSentence dim = All(shipped.Value).First(x => x.Slots.GetValueOrDefault(LightSlots.Step) == LightSlots.Down && x.Text.StartsWith("dim "));
        Assert.AreEqual("dim", dim.SaidSlots()[LightSlots.Step]);
    }

    [TestMethod]
    public void EveryIntentAndSlotIsCoveredInTrainingAndValidation()
    {
        foreach (var part in new[] { shipped.Value.Train, shipped.Value.Valid })
        {
            foreach (string intent in LightIntents.All) Assert.IsTrue(part.Any(s => s.Intent == intent), intent);
            foreach (string slot in LightSlots.All) Assert.IsTrue(part.Any(s => s.Slots.ContainsKey(slot)), slot);
            Assert.IsTrue(part.Any(s => s.Slots.GetValueOrDefault(LightSlots.Step) == LightSlots.Up));
            Assert.IsTrue(part.Any(s => s.Slots.GetValueOrDefault(LightSlots.Step) == LightSlots.Down));
        }
        var all = All(shipped.Value).ToList();
        foreach (Light light in shippedHome.Value.Lights)
            foreach (string name in light.AllNames)
                Assert.IsTrue(all.Any(s => s.Slots.GetValueOrDefault(LightSlots.Name) == light.Name && s.Text.Contains(name)), name);
        foreach (Area area in shippedHome.Value.Areas)
            foreach (string name in area.AllNames)
                Assert.IsTrue(all.Any(s => s.Slots.GetValueOrDefault(LightSlots.Area) == area.Name && s.Text.Contains(name)), name);
        foreach (NamedColor color in CommandGrammar.Shipped.Colors)
            Assert.IsTrue(all.Any(s => s.Slots.GetValueOrDefault(LightSlots.Color) == color.Name), color.Name);
        Assert.IsTrue(all.Any(s => s.Intent == LightIntents.LightSet && s.Slots.Count == 1 && s.Slots.ContainsKey(LightSlots.Step)), "a step with no target");
        Assert.IsTrue(all.Any(s => s.Intent == LightIntents.TurnOff && s.Slots.Count == 0), "all the lights");
    }

    [TestMethod]
    public void EveryLabelFollowsTheIntentRules()
    {
        foreach (LabelledSentence s in All(shipped.Value))
        {
            if (s.Intent == LightIntents.None) { Assert.IsEmpty(s.Slots, s.Text); continue; }
            foreach (string slot in s.Slots.Keys) Assert.Contains(slot, LightSlots.AllowedFor(s.Intent), s.Text);
            if (s.Intent != LightIntents.LightSet) continue;
            bool b = s.Slots.ContainsKey(LightSlots.Brightness), st = s.Slots.ContainsKey(LightSlots.Step);
            Assert.IsTrue((b || st || s.Slots.ContainsKey(LightSlots.Color)) && !(b && st), s.Text);
        }
    }

    [TestMethod]
    public void ValidationComesFromHeldOutTemplatesAndNeverRepeatsTraining()
    {
        var c = shipped.Value;
        var tokens = new SentenceTokens();
        var trainKeys = c.Train.Select(s => SentenceTokens.Key(tokens.Tokenize(s.Text)!)).ToHashSet();
        Assert.IsFalse(c.Valid.Any(s => trainKeys.Contains(SentenceTokens.Key(tokens.Tokenize(s.Text)!))));
        var trainLines = c.Train.Where(s => s.Source.Path == CommandGrammar.ShippedPath).Select(s => s.Source.Line).ToHashSet();
        var validLines = c.Valid.Where(s => s.Source.Path == CommandGrammar.ShippedPath).Select(s => s.Source.Line).ToHashSet();
        Assert.IsFalse(trainLines.Overlaps(validLines));
        Assert.AreEqual(validLines.Count, c.Report.Templates.Count(t => t.HeldOut));
        Assert.IsTrue(c.Valid.Any(s => s.Source.Path == NotLightsList.ShippedPath));
    }

    [TestMethod]
    public void ACustomHomesNamesAndRoomsAreInTheCorpus()
    {
        var home = HomeDescription.Parse(CustomHome, "custom.yaml");
        var c = LightsCorpus.Build(home, new LightsCorpusOptions { SentencesPerIntent = 400, NoneTemplateSentences = 200, MinSentencesPerTemplate = 0 });
        var all = All(c).ToList();
        Assert.IsEmpty(c.Report.Conflicts, string.Join("; ", c.Report.Conflicts));
        Assert.IsTrue(all.Any(s => s.Text.Contains("twinkle lights") && s.Slots.GetValueOrDefault(LightSlots.Name) == "fairy lights"));
        Assert.IsTrue(all.Any(s => s.Text.Contains("sun room") && s.Slots.GetValueOrDefault(LightSlots.Area) == "conservatory"));
        Assert.IsTrue(all.Any(s => s.Text.Contains("garden shed") && s.Slots.GetValueOrDefault(LightSlots.Area) == "garden shed"));
        Assert.IsTrue(all.Any(s => s.Text.Contains("anna's lamp") && s.Slots.GetValueOrDefault(LightSlots.Name) == "anna's lamp"));
        Assert.IsFalse(all.Any(s => s.Text.Contains("kitchen light") || s.Text.Contains("floor lamp")));
        var expected = new Dictionary<string, int> { ["HassTurnOn"] = 399, ["HassTurnOff"] = 399, ["HassToggle"] = 394, ["HassLightSet"] = 400 };
        string Counts(Func<string, int> count) => string.Join(", ", expected.Keys.Select(intent => $"{intent} {count(intent)}"));
        Assert.AreEqual(Counts(i => expected[i]), Counts(i => all.Count(s => s.Intent == i)));
        Assert.AreEqual("fairy lights", c.Phrases.Canonical(LightSlots.Name, "Twinkle Lights"));
        Assert.AreEqual(LightSlots.Down, c.Phrases.Canonical(LightSlots.Step, "dim"));
    }

    [TestMethod]
    public void AnchorWordsAreTheAnchorListAndTheHomesNamesAreasAndColours()
    {
        var home = HomeDescription.Parse(CustomHome, "custom.yaml");
        var anchors = AnchorWords.For(home, CommandGrammar.Shipped);
        foreach (string word in new[] { "light", "lamp", "dim", "brighter", "colour", "fairy", "twinkle", "sun", "room", "conservatory",
            "garden", "shed", "anna's", "nursery", "red", "warm", "white" })
            CollectionAssert.Contains(anchors.ToList(), word);
        foreach (string word in new[] { "turn", "switch", "on", "off", "up", "down", "please", "the", "<num>", "kitchen" })
            CollectionAssert.DoesNotContain(anchors.ToList(), word, "verbs other devices share, fillers, numbers and other homes' names are no anchors");
        CollectionAssert.AreEqual(anchors.Order(StringComparer.Ordinal).Distinct().ToArray(), anchors.ToArray(), "ordinal order, once each");
        CollectionAssert.AreEqual(anchors.ToArray(), LightsCorpus.Build(home, new LightsCorpusOptions { SentencesPerIntent = 50, NoneTemplateSentences = 20 }).AnchorWords.ToArray());
    }

    [TestMethod]
    public void ExtraSentencesGetSpansAndOverrideGeneratedOnes()
    {
        var options = new LightsCorpusOptions { SentencesPerIntent = 300, NoneTemplateSentences = 100 };
        // a command the grammar generates with these options, said again as <none> by the user
        string generated = LightsCorpus.Build(shippedHome.Value, options).Train.First(s => s.Intent == LightIntents.TurnOn && s.Slots.Count == 0).Text;
        var extra = new[]
        {
            new Utterance("could you put the reading lamp at 35%", LightIntents.LightSet,
                new Dictionary<string, string> { ["name"] = "floor lamp", ["brightness"] = "35" }, new SourceLine("extra.jsonl", 1)),
            new Utterance(generated, LightIntents.None, Utterance.NoSlots, new SourceLine("extra.jsonl", 2)),
        };
        var c = LightsCorpus.Build(shippedHome.Value, options with { Extra = extra });
        LabelledSentence first = c.Train.Single(s => s.Source.Path == "extra.jsonl" && s.Source.Line == 1);
        Assert.AreEqual(new TokenSpan(4, 2), first.SlotSpans[LightSlots.Name]);
        Assert.AreEqual(new TokenSpan(7, 1), first.SlotSpans[LightSlots.Brightness]);
        Assert.IsFalse(All(c).Any(s => s.Text == generated && s.Intent != LightIntents.None));
        Assert.IsGreaterThanOrEqualTo(1, c.Report.OverriddenByExtra);
    }

    [TestMethod]
    public void ThePlannersLeadAndDevicePhraseWordsAreKeptWhateverTheMinimumCount()
    {
        var c = LightsCorpus.Build(shippedHome.Value, new LightsCorpusOptions { SentencesPerIntent = 50, NoneTemplateSentences = 10 });
        var tokens = new SentenceTokens();
        var phrases = PlaceWords.LeadsAndWords(CommandGrammar.Shipped).Select(l => l.Phrase)
            .Concat(PlaceWords.Devices(shippedHome.Value, CommandGrammar.Shipped).Select(d => d.Phrase)).ToList();
        Assert.IsGreaterThanOrEqualTo(300, phrases.Count);
        foreach (string phrase in phrases)
            foreach (SentenceToken word in tokens.Tokenize(phrase)!.Where(t => t.Value < 0))
                Assert.Contains(word.Word, c.KeepWords, $"\"{word.Word}\" of \"{phrase}\"");
        foreach (string word in new[] { "projector", "router", "found", "neighbours" }) Assert.Contains(word, c.KeepWords);
    }

    [TestMethod]
    public void ExtraWordsAreKeptUnlessCountedAndExtraSentencesRepeat()
    {
        var options = new LightsCorpusOptions { SentencesPerIntent = 50, NoneTemplateSentences = 10 };
        var extra = new[]
        {
            new Utterance("yeet the desk lamp on", LightIntents.TurnOn, new Dictionary<string, string> { ["name"] = "desk lamp" }, new SourceLine("extra.jsonl", 1)),
        };
        var kept = LightsCorpus.Build(shippedHome.Value, options with { Extra = extra });
        Assert.Contains("yeet", kept.KeepWords, "kept: every extra word stays whatever the minimum count");
        Assert.AreEqual(1, kept.Train.Count(s => s.Source.Path == "extra.jsonl"));
        var counted = LightsCorpus.Build(shippedHome.Value, options with { Extra = extra, KeepExtraWords = false, ExtraRepeat = 3 });
        Assert.DoesNotContain("yeet", counted.KeepWords, "counted: an extra word is counted like the grammar's");
        Assert.Contains("desk", counted.KeepWords, "the home's names are kept either way");
        var copies = counted.Train.Where(s => s.Source.Path == "extra.jsonl").ToList();
        Assert.HasCount(3, copies, "each extra sentence trains ExtraRepeat times");
        Assert.IsTrue(copies.All(c => c.SlotSpans[LightSlots.Name] == new TokenSpan(2, 2)), "with its slot tags");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LightsCorpus.Build(shippedHome.Value, options with { Extra = extra, ExtraRepeat = 0 }));
    }

    [TestMethod]
    [DataRow("dim the desk lamp", "HassDance", "step", "down", "the intent \"HassDance\"")]
    [DataRow("dim the desk lamp", "HassTurnOn", "step", "down", "the slot step with HassTurnOn")]
    [DataRow("dim the desk lamp", "HassLightSet", "step", "sideways", "step = \"sideways\"")]
    [DataRow("turn on the desk lamp", "HassTurnOn", "name", "floor lamp", "no words for the slot name = \"floor lamp\"")]
    [DataRow("set the desk lamp to 20", "HassLightSet", "brightness", "30", "no words for the slot brightness = \"30\"")]
    [DataRow("turn on the desk lamp", "HassLightSet", "name", "desk lamp", "HassLightSet with name")]
    public void BadExtraSentencesNameTheirLine(string text, string intent, string slot, string value, string found)
    {
        var extra = new Utterance(text, intent, new Dictionary<string, string> { [slot] = value }, new SourceLine("mine.jsonl", 7));
        var e = Assert.ThrowsExactly<SentenceLabelException>(() =>
            LightsCorpus.Build(shippedHome.Value, new LightsCorpusOptions { SentencesPerIntent = 10, Extra = [extra] }));
        Assert.StartsWith("mine.jsonl:7: found " + found, e.Message);
    }

    [TestMethod]
    public void ExtraFilesAreReadWithTheTrainersReaderAndTheLightIntents()
    {
        using var temp = new TempFolder();
        string good = temp.File("mine.jsonl", "{\"text\": \"porch light on\", \"intent\": \"HassTurnOn\"}\n"
            + "{\"text\": \"desk lamp to 20\", \"intent\": \"HassLightSet\", \"slots\": {\"name\": \"desk lamp\", \"brightness\": 20}}\n");
        var extra = LightsCorpus.ReadExtra(good);
        Assert.HasCount(2, extra);
        var c = LightsCorpus.Build(shippedHome.Value, new LightsCorpusOptions { SentencesPerIntent = 50, NoneTemplateSentences = 10, Extra = extra });
        Assert.AreEqual(new TokenSpan(3, 1), c.Train.Single(s => s.Text == "desk lamp to 20").SlotSpans[LightSlots.Brightness]);
        string bad = temp.File("bad.jsonl", "{\"text\": \"dance\", \"intent\": \"HassDance\"}\n");
        var e = Assert.ThrowsExactly<DatasetException>(() => LightsCorpus.ReadExtra(bad));
        Assert.AreEqual(DatasetError.UnknownLabel, e.Error);
        Assert.AreEqual(1, e.Line);
    }

    [TestMethod]
    public void QuotasAreWaterFilled()
    {
        CollectionAssert.AreEqual(new[] { 3, 49, 48 }, TemplateSplit.Quotas([3, 1000, 1000], 100));
        CollectionAssert.AreEqual(new[] { 3, 5 }, TemplateSplit.Quotas([3, 5], 100));
        CollectionAssert.AreEqual(new[] { 34, 33, 33 }, TemplateSplit.Quotas([1000, 1000, 1000], 100));
    }

    [TestMethod]
    public void NumberWordsReadBackAsOneNumber()
    {
        var tokens = new TokenBuffer(4);
        for (int v = 0; v <= 100; v++)
        {
            Tokenizer.Tokenize(NumberWords.Say(v), tokens);
            Assert.AreEqual(1, tokens.Count, NumberWords.Say(v));
            Assert.AreEqual(v, tokens.Values[0]);
        }
    }

    static string Describe(IEnumerable<LabelledSentence> sentences) =>
        string.Join("\n", sentences.Select(s => $"{s.Intent}|{s.Text}|{string.Join(",", s.Slots.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}@{s.SlotSpans[p.Key]}"))}|{s.Source}"));
}
