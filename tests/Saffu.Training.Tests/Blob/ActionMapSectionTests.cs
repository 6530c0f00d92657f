using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;
using Saffu.Training.Blob;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Quantization;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.Blob;

/// <summary>
/// The host writer of the ActionMap section (docs/action-map.md): golden bytes written by hand for
/// a tiny home, its errors, and a round trip from the shipped home through ModelBlobWriter and
/// ModelBlob.Load to pin commands planned from text by the runtime.
/// </summary>
[TestClass]
public class ActionMapSectionTests
{
    private const string TinyHome = """
        version: 1
        areas:
          - name: office
            aliases: [study]
        lights:
          - name: desk lamp
            aliases: [reading lamp]
            area: office
            pin: 13
            dimmable: true
          - name: porch light
            area: porch
            pin: 4
          - name: mood light
            area: office
            color: { red: 21, green: 22, blue: 23 }
        """;

    private static readonly string[] TinyVocabulary = ["<oov>", "desk", "lamp", "reading", "office", "study", "porch", "light", "mood", "red", "dim", "up", "full", "half"];

    private static byte[] WriteTiny(IReadOnlyList<string> vocabulary) =>
        ActionMapSection.Write(HomeDescription.Parse(TinyHome, "tiny.yaml"), [new NamedColor("red", 255, 0, 0, 1)],
            [new StepPhrase("dim", false), new StepPhrase("up", true)], vocabulary, ["HassTurnOn", "HassLightSet", "<none>"], 20);

    [TestMethod]
    public void TinyHomeGivesTheBytesWrittenByHand()
    {
        string expected =
            "0880 0300 0200 0100 0200" +                // version 0x8008 (layout 8), L 3, A 2, C 1, S 2
            "0000 0000 0000 14 000000" +                // P 0, E 0, D 0, stepPercent 20, reserved
            "010400 00" +                               // on, set, none; pad to 24
            "02 01 0400 01 0500" +                      // office: "office", "study"
            "01 01 0600" +                              // porch
            "0D 01 FFFFFF 00 02 02 0100 0200 02 0300 0200" + // desk lamp: pin 13, dimmable, office, "desk lamp", "reading lamp"
            "04 00 FFFFFF 01 01 02 0600 0700" +         // porch light: pin 4, plain, porch
            "FF 03 151617 00 01 02 0800 0700" +         // mood light: colour on 21, 22, 23, office
            "FF0000 01 0900" +                          // red
            "02 01 0A00 01 01 0B00" +                   // dim: down, up: up
            "0000";                                     // pad to 92
        CollectionAssert.AreEqual(Convert.FromHexString(expected.Replace(" ", "")), WriteTiny(TinyVocabulary));
    }

    [TestMethod]
    public void LevelPhrasesGiveTheBytesWrittenByHand()
    {
        byte[] section = ActionMapSection.Write(HomeDescription.Parse(TinyHome, "tiny.yaml"), [],
            [new StepPhrase("dim", false), new StepPhrase("full", true, 100), new StepPhrase("half", true, 50, Fraction: true)],
            TinyVocabulary, ["HassTurnOn", "HassLightSet", "<none>"], 20);
        string expected =
            "0880 0300 0200 0000 0300" +                // version 0x8008 (layout 8), L 3, A 2, C 0, S 3
            "0000 0000 0000 14 000000" +                // P 0, E 0, D 0, stepPercent 20, reserved
            "010400 00" +                               // on, set, none; pad to 24
            "02 01 0400 01 0500" +                      // office: "office", "study"
            "01 01 0600" +                              // porch
            "0D 01 FFFFFF 00 02 02 0100 0200 02 0300 0200" + // desk lamp
            "04 00 FFFFFF 01 01 02 0600 0700" +         // porch light
            "FF 03 151617 00 01 02 0800 0700" +         // mood light
            "02 01 0A00" +                              // dim: down
            "03 64 01 0C00" +                           // full: level 100
            "04 32 01 0D00" +                           // half: fraction, 50 each
            "0000";                                     // pad to 92
        CollectionAssert.AreEqual(Convert.FromHexString(expected.Replace(" ", "")), section);
        ActionMap map = LoadTinyModel(section).Model!.Actions.Map!;
        Assert.AreEqual(100, map.StepLevel(1));
        Assert.IsTrue(map.IsFraction(2));
        Assert.AreEqual("half", map.StepPhrase(2));
    }

    [TestMethod]
    public void TheShippedGrammarsLevelsAndBadLevelListsAreRefused()
    {
        var levels = ActionMapSection.Levels(CommandGrammar.Shipped);
        Assert.IsTrue(levels.Contains(new StepPhrase("full", true, 100)));
        Assert.IsTrue(levels.Contains(new StepPhrase("the max", true, 100)), "the step list {full} is a level list's");
        Assert.IsTrue(levels.Contains(new StepPhrase("halfway", true, 50)));
        Assert.IsTrue(levels.Contains(new StepPhrase("minimum", true, 1)));
        Assert.IsTrue(levels.Contains(new StepPhrase("half", true, 50, Fraction: true)));
        Assert.IsTrue(levels.Contains(new StepPhrase("quarters", true, 25, Fraction: true)));
        // In the step table, a step phrase that is a level phrase is written as the level, where the step phrase was.
        var steps = ActionMapSection.StepsAndLevels(CommandGrammar.Shipped, ShippedVocabulary());
        int full = steps.ToList().FindIndex(s => s.Phrase == "full");
        Assert.AreEqual(ActionMapSection.StepPhrases(CommandGrammar.Shipped).ToList().FindIndex(s => s.Phrase == "full"), full);
        Assert.AreEqual(100, steps[full].Level);
        var stepPhrases = ActionMapSection.StepPhrases(CommandGrammar.Shipped);
        Assert.AreEqual(stepPhrases.Count + levels.Count(l => stepPhrases.All(s => s.Phrase != l.Phrase)), steps.Count);
        // A level phrase with a word the vocabulary lacks is left out (the trainer's vocabulary does not take them).
        Assert.IsFalse(ActionMapSection.StepsAndLevels(CommandGrammar.Shipped, ShippedVocabulary().Where(w => w != "halfway").ToList()).Any(s => s.Phrase == "halfway"));
        foreach (string id in new[] { "level_0", "level_101", "fraction_x", "level_" })
        {
            var bad = CommandGrammar.Parse(ShippedGrammarText + $"@list {id} = full\n", "g.txt");
            var e = Assert.ThrowsExactly<ActionMapException>(() => ActionMapSection.Levels(bad));
            StringAssert.Contains(e.Message, $"the level list \"{id}\"; expected level_N or fraction_N with N 1..100 (percent)");
        }
        var twice = CommandGrammar.Parse(ShippedGrammarText + "@list fraction_10 = dimmest\n", "g.txt");
        var error = Assert.ThrowsExactly<ActionMapException>(() => ActionMapSection.Levels(twice));
        StringAssert.Contains(error.Message, "the level phrase \"dimmest\" in lists \"level_1\" and \"fraction_10\"");
    }

    [TestMethod]
    public void AnAliasWordMissingFromTheVocabularyIsNamed()
    {
        var e = Assert.ThrowsExactly<ActionMapException>(() => WriteTiny(TinyVocabulary.Where(w => w != "reading").ToArray()));
        Assert.AreEqual("reading", e.Word);
        Assert.AreEqual("reading lamp", e.Phrase);
        StringAssert.Contains(e.Message, "light \"desk lamp\": the word \"reading\" of \"reading lamp\" is not in the model's vocabulary");
    }

    [TestMethod]
    public void CountsPastTheSectionLimitsAreRefused()
    {
        var home = HomeDescription.Parse(TinyHome, "tiny.yaml");
        var colors = Enumerable.Range(0, 65).Select(i => new NamedColor("red", 1, 2, 3, i)).ToArray();
        var e = Assert.ThrowsExactly<ActionMapException>(() => ActionMapSection.Write(home, colors, [], TinyVocabulary, ["HassTurnOn", "<none>"], 20));
        StringAssert.Contains(e.Message, "65 colours");
        e = Assert.ThrowsExactly<ActionMapException>(() => ActionMapSection.Write(home, [], [], TinyVocabulary, ["HassTurnOn", "<none>"], 0));
        StringAssert.Contains(e.Message, "0 stepPercent");
    }

    [TestMethod]
    public void MoreThan1024LeadPlaceOrDevicePhrasesAreRefusedNotDropped()
    {
        var home = HomeDescription.Parse(TinyHome, "tiny.yaml");
        string[] intents = ["HassTurnOn", "other:climate", "<none>"];
        var leads = Enumerable.Range(0, 1025).Select(i => ("up", 1 + i % 4)).ToArray();
        var e = Assert.ThrowsExactly<ActionMapException>(() => ActionMapSection.Write(home, [], [], TinyVocabulary, intents, 20, leads: leads));
        Assert.AreEqual("action map: found 1025 lead phrases; expected 0..1024 lead phrases (docs/action-map.md).", e.Message);
        e = Assert.ThrowsExactly<ActionMapException>(() =>
            ActionMapSection.Write(home, [], [], TinyVocabulary, intents, 20, places: Enumerable.Repeat("study", 1025).ToArray()));
        StringAssert.Contains(e.Message, "found 1025 place phrases; expected 0..1024 place phrases");
        e = Assert.ThrowsExactly<ActionMapException>(() =>
            ActionMapSection.Write(home, [], [], TinyVocabulary, intents, 20, devices: Enumerable.Repeat(("dim", 1), 1025).ToArray()));
        StringAssert.Contains(e.Message, "found 1025 device phrases; expected 0..1024 device phrases");
        // 1,024 of each are written, with the counts as u16.
        byte[] full = ActionMapSection.Write(home, [], [], TinyVocabulary, intents, 20, Enumerable.Repeat("study", 1024).ToArray(),
            leads[..1024], Enumerable.Repeat(("dim", 1), 1024).ToArray());
        CollectionAssert.AreEqual(new byte[] { 0, 4, 0, 4, 0, 4 }, full[10..16]);
        Assert.AreEqual(BlobError.None, LoadTinyModel(full).Error);
    }

    /// <summary>A section over TinyVocabulary in a one-hot model of that vocabulary, loaded by the runtime.</summary>
    private static LoadResult LoadTinyModel(byte[] section)
    {
        int v = TinyVocabulary.Length;
        var u = new short[v * 3];
        var o = new short[9];
        for (int i = 0; i < 3; i++) o[4 * i] = 1000;
        var contents = new BlobContents
        {
            Vocabulary = TinyVocabulary,
            Bits = v,
            PrependSod = false,
            OovId = 0,
            SodId = -1,
            NumId = -1,
            LabelDim = 3,
            Intents = ["HassTurnOn", "other:climate", "<none>"],
            MaxWords = 8,
            DocumentU = new QuantizedTensor(v, 3, 16, false, [32768], [20], u),
            IntentO = new QuantizedTensor(3, 3, 16, false, [32768], [16], o),
            Decision = new DecisionContents(2, 20000, -1, 1, 65536),
            Identity = new IdentityContents(null, new byte[32], 0, "saffu-test"),
            Extra = [new ExtraSection(ActionMapSection.Kind, true, section)],
        };
        return ModelBlob.Load(ModelBlobWriter.Write(contents));
    }

    [TestMethod]
    public void AGrammarWithMoreThan255LeadPhrasesRoundTripsAndThePlannerMatchesThePhrasesPastIndex255()
    {
        // Two more subjects: lead-table phrases past index 255, which a u8 leadCount (layout 6) could not hold.
        string text = File.ReadAllText(RepoFiles.Path("models/lights/grammar.txt"))
            .Replace("@list statement_subject = i | we | they\n", "@list statement_subject = i | we | they | thou | yon\n");
        var grammar = CommandGrammar.Parse(text, "grammar.txt");
        var vocabulary = ShippedVocabulary().Concat(new[] { "thou", "yon" }.Except(ShippedVocabulary())).ToList();
        var leads = ActionMapSection.Leads(grammar, vocabulary);
        int shipped = ActionMapSection.Leads(CommandGrammar.Shipped, vocabulary).Count;
        Assert.AreEqual(shipped + 2, leads.Count, "no lead phrase is dropped");
        int thou = leads.ToList().IndexOf(("thou", ActionMap.WordSubject));
        Assert.IsTrue(thou >= 255, $"'thou' is lead phrase {thou}");
        Assert.AreEqual(thou + 1, leads.ToList().IndexOf(("yon", ActionMap.WordSubject)));

        SaffuModel model = RoundTrip(grammar, vocabulary);
        Assert.AreEqual(shipped + 2, model.Actions.Map!.LeadCount);
        // "yon" and "thou" (two subjects no grammar list has) as the lead, with a word the model does not know after them: a remark (step 0's subject rule).
        Assert.AreEqual("", Say(model, "yon frobbed turn on the reading lamp"));
        Assert.AreEqual(ActionOutcome.NotUnderstood, model.Actions.Outcome);
        Assert.AreEqual(ActionReason.Statement, model.Actions.Reason);
        Assert.AreEqual("", Say(model, "thou frobbed turn on the reading lamp"));
        Assert.AreEqual(ActionReason.Statement, model.Actions.Reason);
        Assert.AreEqual("P19=1000", Say(model, "turn on the reading lamp"));
        // The same words without the two subjects in the map: the sentence acts, so the phrases past 255 decided it.
        SaffuModel without = RoundTrip(CommandGrammar.Shipped, vocabulary);
        Assert.AreEqual(shipped, without.Actions.Map!.LeadCount);
        Assert.AreEqual("P19=1000", Say(without, "yon frobbed turn on the reading lamp"));
    }

    [TestMethod]
    public void TheShippedGrammarsStepPhrasesHaveOneDirectionEach()
    {
        var steps = ActionMapSection.StepPhrases(CommandGrammar.Shipped);
        Assert.IsTrue(steps.Contains(new StepPhrase("dim", false)));
        Assert.IsTrue(steps.Contains(new StepPhrase("brighter", true)));
        Assert.IsTrue(steps.Contains(new StepPhrase("too dim", true)));
        Assert.AreEqual(steps.Count, steps.Select(s => s.Phrase).Distinct().Count());
        var slotPhrases = SlotPhrases.For(ShippedHome, CommandGrammar.Shipped).Of(LightSlots.Step);
        Assert.AreEqual(slotPhrases.Count, steps.Count);
        foreach (var step in steps) Assert.AreEqual(step.Up ? LightSlots.Up : LightSlots.Down, slotPhrases[step.Phrase]);
    }

    private static readonly string ShippedGrammarText = File.ReadAllText(RepoFiles.Path("models/lights/grammar.txt"));

    private static readonly HomeDescription ShippedHome = HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml"));

    /// <summary>Specials, the command words of the round-trip sentences, then every word the shipped home and grammar name, sorted.</summary>
    private static List<string> ShippedVocabulary()
    {
        var grammar = CommandGrammar.Shipped;
        var phrases = ShippedHome.Lights.SelectMany(l => l.AllNames).Concat(ShippedHome.Areas.SelectMany(a => a.AllNames))
            .Concat(grammar.Colors.Select(c => c.Name)).Concat(ActionMapSection.StepPhrases(grammar).Select(s => s.Phrase))
            .Concat(ActionMapSection.Levels(grammar).Select(l => l.Phrase))
            .Concat(PlaceWords.For(ShippedHome, grammar)).Concat(PlaceWords.LeadsAndWords(grammar).Select(l => l.Phrase))
            .Concat(PlaceWords.Devices(ShippedHome, grammar).Select(d => d.Phrase))
            .Concat(["turn on the make set to percent off"]);
        var words = phrases.SelectMany(p => p.Split(' ')).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
        return ["<oov>", "<sod>", "<num>", .. words];
    }

    [TestMethod]
    public void ShippedHomeSection()
    {
        var vocabulary = ShippedVocabulary();
        byte[] section = ActionMapSection.Write(ShippedHome, CommandGrammar.Shipped, vocabulary, LightIntents.All);
        int steps = ActionMapSection.StepsAndLevels(CommandGrammar.Shipped, vocabulary).Count;
        Console.WriteLine($"shipped home action map: {section.Length} bytes ({ShippedHome.Lights.Count} lights, {ShippedHome.Areas.Count} areas, "
            + $"{CommandGrammar.Shipped.Colors.Count} colours, {steps} step phrases)");
        int places = PlaceWords.For(ShippedHome, CommandGrammar.Shipped).Count, leads = PlaceWords.LeadsAndWords(CommandGrammar.Shipped).Count;
        int devices = PlaceWords.Devices(ShippedHome, CommandGrammar.Shipped).Count;
        Console.WriteLine($"  {places} place phrases, {leads} lead phrases and target words, {devices} device phrases");
        // Header, then intentAction: the four light intents, query, cancel, ten other devices, none; padded to 4.
        CollectionAssert.AreEqual(new byte[] { 8, 0x80, 9, 0, 5, 0, 19, 0, (byte)steps, 0, (byte)places, (byte)(places >> 8),
            (byte)leads, (byte)(leads >> 8), (byte)devices, (byte)(devices >> 8), 20, 0, 0, 0,
            1, 2, 3, 4, 5, 6, 7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0 }, section[..40]);
        Assert.AreEqual(0, section.Length % 4);
        Assert.AreEqual(Expected(ShippedHome, CommandGrammar.Shipped, LightIntents.All.Count, vocabulary), section.Length);
        Assert.AreEqual(3036, section.Length, "the shipped home's action map changed size: update docs/action-map.md if that was meant");
    }

    /// <summary>The section's length from docs/action-map.md's layout, counted independently of the writer.</summary>
    private static int Expected(HomeDescription home, CommandGrammar grammar, int intents, IReadOnlyList<string> vocabulary)
    {
        static int Phrase(string p) => 1 + 2 * p.Split(' ').Length;
        int n = 20 + ((intents + 3) & ~3);   // header, intent actions padded to 4
        n += home.Areas.Sum(a => 1 + a.AllNames.Sum(Phrase));
        n += home.Lights.Sum(l => 7 + l.AllNames.Sum(Phrase));
        n += grammar.Colors.Sum(c => 3 + Phrase(c.Name));
        n += ActionMapSection.StepsAndLevels(grammar, vocabulary).Sum(s => (s.Level > 0 ? 2 : 1) + Phrase(s.Phrase));   // a level's u8 level
        n += PlaceWords.For(home, grammar).Sum(Phrase);
        n += PlaceWords.LeadsAndWords(grammar).Sum(l => 1 + Phrase(l.Phrase));
        n += PlaceWords.Devices(home, grammar).Sum(d => 1 + Phrase(d.Phrase));
        return (n + 3) & ~3;
    }

    // Round trip: a handcrafted one-hot model over the shipped home's vocabulary (every word its own
    // code, b = V), whose document part votes the command word's intent and whose tag head gives
    // each word a fixed tag, so that text → session → decision → planner is predictable.
    private static readonly string[] Tags = ["O", "B-name", "I-name", "B-area", "I-area", "B-color", "I-color", "B-brightness", "I-brightness", "B-step", "I-step"];

    private static readonly Dictionary<string, int> TagOf = new()
    {
        ["reading"] = 1, ["night"] = 1, ["kitchen"] = 1, ["desk"] = 1, ["lamp"] = 2, ["light"] = 2,
        ["lounge"] = 3, ["hallway"] = 3, ["red"] = 5, ["<num>"] = 7, ["dim"] = 9,
    };

    private static readonly Dictionary<string, int> VoteOf = new() { ["on"] = 0, ["off"] = 1, ["make"] = 3, ["set"] = 3, ["dim"] = 3 };

    private static SaffuModel ShippedRoundTrip() => RoundTrip(CommandGrammar.Shipped, ShippedVocabulary());

    private static SaffuModel RoundTrip(CommandGrammar grammar, List<string> vocabulary)
    {
        int v = vocabulary.Count, none = LightIntents.All.Count - 1;
        QuantizedTensor OneHot(Func<string, int> column, Func<string, short> strength, int cols, byte e)
        {
            var data = new short[v * cols];
            for (int w = 0; w < v; w++) data[w * cols + column(vocabulary[w])] = strength(vocabulary[w]);
            return new QuantizedTensor(v, cols, 16, false, [32768], [e], data);
        }
        QuantizedTensor Diagonal(int n, short q)
        {
            var data = new short[n * n];
            for (int i = 0; i < n; i++) data[i * n + i] = q;
            return new QuantizedTensor(n, n, 16, false, [32768], [16], data);
        }
        var contents = new BlobContents
        {
            Vocabulary = vocabulary,
            Bits = v,
            PrependSod = true,
            OovId = 0,
            SodId = 1,
            NumId = 2,
            LabelDim = LightIntents.All.Count,
            Intents = LightIntents.All,
            MaxWords = 24,
            DocumentU = OneHot(w => VoteOf.GetValueOrDefault(w, none), w => (short)(VoteOf.ContainsKey(w) ? 2000 : 100), LightIntents.All.Count, 20),
            IntentO = Diagonal(LightIntents.All.Count, 2000),
            TagHead = new TagHeadContents(Tags, false, [OneHot(w => TagOf.GetValueOrDefault(w, 0), _ => 2000, Tags.Length, 20)], Diagonal(Tags.Length, 1000)),
            Decision = new DecisionContents(none, 20000, -1, 1, 65536),
            Identity = new IdentityContents(null, new byte[32], 0, "saffu-test"),
            Extra = [ActionMapSection.Extra(ShippedHome, grammar, vocabulary, LightIntents.All)],
        };
        LoadResult loaded = ModelBlob.Load(ModelBlobWriter.Write(contents));
        if (!loaded.Ok) Assert.Fail($"{loaded.Error}: {loaded.Message}");
        return loaded.Model!;
    }

    private static string Say(SaffuModel model, string line)
    {
        Assert.AreEqual(PushResult.Ok, model.Session.RunLine(line));
        model.Actions.Plan(model.Session.Decision);
        PinCommands c = model.Actions.Commands;
        return string.Join(" ", Enumerable.Range(0, c.Count).Select(i => $"{(c.Kind(i) == PinKind.Pwm ? "P" : "D")}{c.Pin(i)}={c.Level(i)}"));
    }

    [TestMethod]
    public void ShippedHomeRoundTripsThroughTheBlobAndActsFromText()
    {
        SaffuModel model = ShippedRoundTrip();
        ActionPlanner actions = model.Actions;
        Console.WriteLine($"round-trip model: V {model.Config.VocabSize}, RamBytes {model.RamBytes} (actions {actions.RamBytes})");

        Assert.AreEqual("P19=1000", Say(model, "turn on the reading lamp"));
        Assert.AreEqual("floor lamp", actions.LightName());
        Assert.AreEqual("P26=1000 P27=0 P32=0", Say(model, "make the night light red"));
        Assert.AreEqual("bedside lamp", actions.LightName());
        Assert.AreEqual("red", actions.ColorName());
        Assert.AreEqual("", Say(model, "make the kitchen light red"));
        Assert.AreEqual(ActionOutcome.NotSupported, actions.Outcome);
        Assert.AreEqual(ActionReason.ColourUnsupported, actions.Reason);
        Assert.AreEqual("P18=1000 P19=1000 P21=1000 P22=1000 P23=1000", Say(model, "turn on the lounge"));
        Assert.AreEqual("living room", actions.AreaName());
        Assert.AreEqual("P18=800 P19=800 P21=800 P22=800 P23=800", Say(model, "dim the lounge"));
        Assert.AreEqual("P13=300", Say(model, "set the desk lamp to 30 percent"));
        Assert.AreEqual("P13=1000", Say(model, "set the desk lamp to full"));
        Assert.AreEqual("P18=500 P19=500 P21=500 P22=500 P23=500", Say(model, "dim the lounge to half"));
        Assert.AreEqual("P13=750", Say(model, "set the desk lamp to three quarters"));
        Assert.AreEqual("P13=10", Say(model, "set the desk lamp to minimum"));
        Assert.AreEqual("D33=0", Say(model, "turn off the hallway"));
        Assert.AreEqual("", Say(model, "the desk lamp"));
        Assert.AreEqual(ActionOutcome.NotUnderstood, actions.Outcome);
    }

    [TestMethod]
    public void ShippedHomeReadsBackAsWritten()
    {
        ActionMap map = ShippedRoundTrip().Actions.Map!;
        var grammar = CommandGrammar.Shipped;
        Assert.AreEqual(ShippedHome.Lights.Count, map.LightCount);
        for (int i = 0; i < map.LightCount; i++)
        {
            Light light = ShippedHome.Lights[i];
            Assert.AreEqual(light.Name, map.LightName(i));
            Assert.AreEqual(light.Area, map.AreaName(map.AreaOf(i)));
            Assert.AreEqual(light.HasColor, map.HasColor(i));
            Assert.AreEqual(light.Dimmable || light.HasColor, map.IsDimmable(i));
            if (light.Color is { } rgb) CollectionAssert.AreEqual(new[] { rgb.Red, rgb.Green, rgb.Blue }, Enumerable.Range(0, 3).Select(k => map.ColorPin(i, k)).ToArray());
            else Assert.AreEqual(light.Pin, map.Pin(i));
            foreach (string name in light.AllNames) Assert.AreEqual(i, map.FindLight(Ids(map, name), 0, name.Split(' ').Length), name);
        }
        for (int a = 0; a < map.AreaCount; a++)
        {
            foreach (string name in ShippedHome.Areas[a].AllNames) Assert.AreEqual(a, map.FindArea(Ids(map, name), 0, name.Split(' ').Length), name);
        }
        for (int c = 0; c < map.ColorCount; c++)
        {
            Assert.AreEqual(grammar.Colors[c].Name, map.ColorName(c));
            Assert.AreEqual(grammar.Colors[c].Green, map.ColorComponent(c, 1));
        }
        var steps = ActionMapSection.StepsAndLevels(grammar, ShippedVocabulary());
        Assert.AreEqual(steps.Count, map.StepCount);
        for (int s = 0; s < map.StepCount; s++)
        {
            Assert.AreEqual(steps[s].Phrase, map.StepPhrase(s));
            Assert.AreEqual(steps[s].Level > 0 ? 0 : steps[s].Up ? 1 : -1, map.StepDirection(s));
            Assert.AreEqual(steps[s].Level > 0 ? steps[s].Level : -1, map.StepLevel(s));
            Assert.AreEqual(steps[s].Fraction, map.IsFraction(s));
        }
        Assert.AreEqual(ActionMapSection.DefaultStepPercent, map.StepPercent);

        int[] Ids(ActionMap _, string phrase) => phrase.Split(' ').Select(w => ShippedVocabulary().IndexOf(w)).ToArray();
    }
}
