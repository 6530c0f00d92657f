using System.Globalization;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Text;
using Saffu.Training.Grammar;
using Saffu.Training.Home;

namespace Saffu.Training.Blob;

/// <summary>
/// A step phrase of the action map: its words and whether it means up (else down); or (layout 8) a level phrase, Level
/// 1..100 percent (then Up is not written), a fraction when a number said right before it counts that many ("quarters").
/// </summary>
public sealed record StepPhrase(string Phrase, bool Up, int Level = 0, bool Fraction = false);

/// <summary>
/// Writes the blob's ActionMap section (kind 12, docs/action-map.md) from a home description, the
/// command grammar's colours and step phrases, and the model's vocabulary (rank order) and intents.
/// Every phrase is tokenized with the runtime tokenizer and stored as vocabulary ids, so the device
/// matches slot spans by id. Refuses what the section cannot say with <see cref="ActionMapException"/>.
/// </summary>
public static class ActionMapSection
{
    public const ushort Kind = 12;
    public const int DefaultStepPercent = 20;
    /// <summary>The layout written (docs/action-map.md, Version history), stored as 0x8000 | Version first in the header.</summary>
    public const int Version = ActionMap.Version;
    public const int HeaderBytes = ActionMap.HeaderBytes;
    public const int MaxLights = 64, MaxAreas = 64, MaxColors = 64, MaxSteps = 255, MaxNames = 8, MaxPhraseWords = 8;
    public const int MaxPlaces = ActionMap.MaxPlaces, MaxLeads = ActionMap.MaxLeads, MaxDevices = ActionMap.MaxDevices;
    public const int NoPin = 0xFF, FlagDimmable = 1, FlagColor = 2, DirectionUp = 1, DirectionDown = 2;

    /// <summary>The section for <paramref name="home"/> with the grammar's colours, step phrases and place phrases (those the vocabulary has).</summary>
    public static byte[] Write(HomeDescription home, CommandGrammar grammar, IReadOnlyList<string> vocabulary,
        IReadOnlyList<string> intents, int stepPercent = DefaultStepPercent) =>
        Write(home, grammar.Colors, StepsAndLevels(grammar, vocabulary), vocabulary, intents, stepPercent, Places(home, grammar, vocabulary),
            Leads(grammar, vocabulary), Devices(home, grammar, vocabulary, intents));

    /// <summary>
    /// The grammar's lead phrases and target words (<see cref="PlaceWords.LeadsAndWords"/>) whose words are all in the
    /// vocabulary; <see cref="Write(HomeDescription, CommandGrammar, IReadOnlyList{string}, IReadOnlyList{string}, int)"/>
    /// refuses more than <see cref="MaxLeads"/> with <see cref="ActionMapException"/> instead of dropping the last kinds.
    /// </summary>
    public static IReadOnlyList<(string Phrase, int Kind)> Leads(CommandGrammar grammar, IReadOnlyList<string> vocabulary)
    {
        var known = Known(vocabulary);
        return PlaceWords.LeadsAndWords(grammar).Where(l => AllKnown(l.Phrase, known)).ToList();
    }

    /// <summary>
    /// The grammar's device phrases (<see cref="PlaceWords.Devices"/>) whose words are all in the vocabulary and whose
    /// other:DOMAIN intent the model has, with that intent's index (more than <see cref="MaxDevices"/> are refused when written).
    /// </summary>
    public static IReadOnlyList<(string Phrase, int Intent)> Devices(HomeDescription home, CommandGrammar grammar,
        IReadOnlyList<string> vocabulary, IReadOnlyList<string> intents)
    {
        var known = Known(vocabulary);
        var devices = new List<(string, int)>();
        foreach (var (phrase, domain) in PlaceWords.Devices(home, grammar))
        {
            int intent = IndexOf(intents, LightIntents.OtherPrefix + domain);
            if (intent >= 0 && AllKnown(phrase, known)) devices.Add((phrase, intent));
        }
        return devices;
    }

    private static int IndexOf(IReadOnlyList<string> items, string item)
    {
        for (int i = 0; i < items.Count; i++)
        {
            if (items[i] == item) return i;
        }
        return -1;
    }

    private static HashSet<string> Known(IReadOnlyList<string> vocabulary) => new(vocabulary, StringComparer.Ordinal);

    private static bool AllKnown(string phrase, HashSet<string> known) =>
        new SentenceTokens().Tokenize(phrase) is { Length: > 0 } words && words.All(t => t.Value < 0 && known.Contains(t.Word));

    /// <summary>The grammar's place phrases for this home (<see cref="PlaceWords"/>) whose words are all in the vocabulary.</summary>
    public static IReadOnlyList<string> Places(HomeDescription home, CommandGrammar grammar, IReadOnlyList<string> vocabulary)
    {
        var known = new HashSet<string>(vocabulary, StringComparer.Ordinal);
        var tokens = new SentenceTokens();
        return PlaceWords.For(home, grammar).Where(p => tokens.Tokenize(p)!.All(t => t.Value < 0 && known.Contains(t.Word)))
            .ToList();
    }

    /// <summary>The section as a blob writer's extra section (required flag set).</summary>
    public static ExtraSection Extra(HomeDescription home, CommandGrammar grammar, IReadOnlyList<string> vocabulary,
        IReadOnlyList<string> intents, int stepPercent = DefaultStepPercent) =>
        new(Kind, true, Write(home, grammar, vocabulary, intents, stepPercent));

    public static byte[] Write(HomeDescription home, IReadOnlyList<NamedColor> colors, IReadOnlyList<StepPhrase> steps,
        IReadOnlyList<string> vocabulary, IReadOnlyList<string> intents, int stepPercent, IReadOnlyList<string>? places = null,
        IReadOnlyList<(string Phrase, int Kind)>? leads = null, IReadOnlyList<(string Phrase, int Intent)>? devices = null)
    {
        places ??= [];
        leads ??= [];
        devices ??= [];
        CheckCount("device phrases", devices.Count, 0, MaxDevices);
        CheckCount("place phrases", places.Count, 0, MaxPlaces);
        CheckCount("lead phrases", leads.Count, 0, MaxLeads);
        CheckCount("lights", home.Lights.Count, 1, MaxLights);
        CheckCount("areas", home.Areas.Count, 1, MaxAreas);
        CheckCount("colours", colors.Count, 0, MaxColors);
        CheckCount("step phrases", steps.Count, 0, MaxSteps);
        CheckCount("stepPercent", stepPercent, 1, 100);
        var ids = new PhraseIds(vocabulary);
        var w = new SectionWriter();
        w.U16(ActionMap.VersionFlag | Version);
        w.U16(home.Lights.Count);
        w.U16(home.Areas.Count);
        w.U16(colors.Count);
        w.U16(steps.Count);
        w.U16(places.Count);
        w.U16(leads.Count);
        w.U16(devices.Count);
        w.U8(stepPercent);
        w.U8(0);   // reserved
        w.U8(0);
        w.U8(0);
        foreach (string intent in intents) w.U8((int)ActionOf(intent));
        w.Pad4();
        foreach (Area area in home.Areas) Names(w, ids, $"area \"{area.Name}\"", area.AllNames.ToList());
        foreach (Light light in home.Lights) LightRecord(w, ids, home, light);
        foreach (NamedColor color in colors)
        {
            w.U8(color.Red);
            w.U8(color.Green);
            w.U8(color.Blue);
            ids.Phrase(w, $"colour \"{color.Name}\"", color.Name);
        }
        foreach (StepPhrase step in steps)
        {
            if (step.Level != 0) CheckCount($"percent of the level phrase \"{step.Phrase}\"", step.Level, 1, 100);
            w.U8(step.Level == 0 ? (step.Up ? DirectionUp : DirectionDown) : step.Fraction ? ActionMap.DirectionFraction : ActionMap.DirectionLevel);
            if (step.Level != 0) w.U8(step.Level);
            ids.Phrase(w, $"step phrase \"{step.Phrase}\"", step.Phrase);
        }
        foreach (string place in places) ids.Phrase(w, $"place \"{place}\"", place);
        foreach (var (phrase, kind) in leads)
        {
            w.U8(kind);
            ids.Phrase(w, $"lead phrase \"{phrase}\"", phrase);
        }
        foreach (var (phrase, intent) in devices)
        {
            if (intent < 0 || intent >= intents.Count || ActionOf(intents[intent]) != ActionKind.Other)
                throw new ActionMapException($"the device phrase \"{phrase}\" for intent {intent}", "an other:DOMAIN intent of the model", null, phrase);
            w.U8(intent);
            ids.Phrase(w, $"device phrase \"{phrase}\"", phrase);
        }
        w.Pad4();
        return w.ToArray();
    }

    /// <summary>What an intent does: the four Home Assistant light intents act, every other intent does not.</summary>
    public static ActionKind ActionOf(string intent) => intent switch
    {
        LightIntents.TurnOn => ActionKind.On,
        LightIntents.TurnOff => ActionKind.Off,
        LightIntents.Toggle => ActionKind.Toggle,
        LightIntents.LightSet => ActionKind.Set,
        LightIntents.GetState => ActionKind.Query,
        LightIntents.Nevermind => ActionKind.Cancel,
        _ when intent.StartsWith(LightIntents.OtherPrefix, StringComparison.Ordinal) => ActionKind.Other,
        _ => ActionKind.None,
    };

    /// <summary>The grammar's step phrases in list order, each once; one phrase in lists of both directions is refused.</summary>
    public static IReadOnlyList<StepPhrase> StepPhrases(CommandGrammar grammar)
    {
        var steps = new List<StepPhrase>();
        var seen = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (slot, phrase, value) in grammar.FixedSlotPhrases())
        {
            if (slot != LightSlots.Step) continue;
            bool up = value == LightSlots.Up;
            if (seen.TryGetValue(phrase, out bool before))
            {
                if (before != up)
                    throw new ActionMapException($"the step phrase \"{phrase}\" in lists of both directions", "each step phrase in lists of one direction", null, phrase);
                continue;
            }
            seen[phrase] = up;
            steps.Add(new StepPhrase(phrase, up));
        }
        return steps;
    }

    /// <summary>The grammar lists of level phrases (docs/grammar.md §1): `level_N` and `fraction_N`, N 1..100 percent.</summary>
    public const string LevelListPrefix = "level_", FractionListPrefix = "fraction_";

    /// <summary>
    /// The step table as written: the grammar's step phrases (<see cref="StepPhrases"/>), each that is a level phrase
    /// (<see cref="Levels"/>: "full", "max") written as that level; then the other level phrases whose words the
    /// vocabulary has ("halfway", "half"), in list order. The trainer's vocabulary does not take the level lists' words.
    /// </summary>
    public static IReadOnlyList<StepPhrase> StepsAndLevels(CommandGrammar grammar, IReadOnlyList<string> vocabulary)
    {
        var levels = Levels(grammar);
        var steps = StepPhrases(grammar).Select(s => levels.FirstOrDefault(l => l.Phrase == s.Phrase) is { } level ? level with { Up = s.Up } : s).ToList();
        var known = Known(vocabulary);
        steps.AddRange(levels.Where(l => !steps.Any(s => s.Phrase == l.Phrase) && AllKnown(l.Phrase, known)));
        return steps;
    }

    /// <summary>
    /// The level phrases of the grammar's lists `level_N` (the brightness N percent, as a number would set it) and
    /// `fraction_N` (the same, times a number said right before: "three quarters"), in list order, each phrase once;
    /// N out of 1..100, or one phrase with two levels, is refused.
    /// </summary>
    public static IReadOnlyList<StepPhrase> Levels(CommandGrammar grammar)
    {
        var levels = new List<StepPhrase>();
        foreach (GrammarList list in grammar.Lists.Values.OrderBy(l => l.Line))
        {
            bool fraction = list.Id.StartsWith(FractionListPrefix, StringComparison.Ordinal);
            if (!fraction && !list.Id.StartsWith(LevelListPrefix, StringComparison.Ordinal)) continue;
            string digits = list.Id[(fraction ? FractionListPrefix : LevelListPrefix).Length..];
            if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out int percent) || percent is < 1 or > 100)
                throw new ActionMapException($"the level list \"{list.Id}\"", "level_N or fraction_N with N 1..100 (percent)", null, null);
            foreach (string phrase in ListExpansion.Phrases(list.Root, grammar))
            {
                var level = new StepPhrase(phrase, true, percent, fraction);
                if (levels.FirstOrDefault(l => l.Phrase == phrase) is not { } before) levels.Add(level);
                else if (before != level)
                    throw new ActionMapException($"the level phrase \"{phrase}\" in lists \"{LevelListId(before)}\" and \"{list.Id}\"", "each level phrase in lists of one level", null, phrase);
            }
        }
        return levels;
    }

    private static string LevelListId(StepPhrase level) =>
        (level.Fraction ? FractionListPrefix : LevelListPrefix) + level.Level.ToString(CultureInfo.InvariantCulture);

    private static void LightRecord(SectionWriter w, PhraseIds ids, HomeDescription home, Light light)
    {
        w.U8(light.Color is null ? light.Pin!.Value : NoPin);
        w.U8(light.Color is null ? (light.Dimmable ? FlagDimmable : 0) : FlagDimmable | FlagColor);
        w.U8(light.Color?.Red ?? NoPin);
        w.U8(light.Color?.Green ?? NoPin);
        w.U8(light.Color?.Blue ?? NoPin);
        w.U8(IndexOfArea(home, light.Area));
        Names(w, ids, $"light \"{light.Name}\"", light.AllNames.ToList());
    }

    private static int IndexOfArea(HomeDescription home, string area)
    {
        for (int a = 0; a < home.Areas.Count; a++)
        {
            if (home.Areas[a].Name == area) return a;
        }
        throw new ActionMapException($"a light in area \"{area}\", which the home's area list does not have", "an area of the home", null, area);
    }

    private static void Names(SectionWriter w, PhraseIds ids, string owner, IReadOnlyList<string> names)
    {
        CheckCount(owner + " names", names.Count, 1, MaxNames);
        w.U8(names.Count);
        foreach (string name in names) ids.Phrase(w, owner, name);
    }

    private static void CheckCount(string what, int count, int min, int max)
    {
        if (count < min || count > max)
            throw new ActionMapException($"{count} {what}", $"{min}..{max} {what} (docs/action-map.md)", null, null);
    }

    /// <summary>Phrases as vocabulary ids: the runtime tokenizer's words, each looked up by its spelling.</summary>
    private sealed class PhraseIds
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly TokenBuffer _tokens = new(MaxPhraseWords + 1);

        public PhraseIds(IReadOnlyList<string> vocabulary)
        {
            if (vocabulary.Count > 0xFFFF)
                throw new ActionMapException($"a vocabulary of {vocabulary.Count} words", "at most 65535 (u16 ids)", null, null);
            for (int id = 0; id < vocabulary.Count; id++) _ids.TryAdd(vocabulary[id], id);
        }

        public void Phrase(SectionWriter w, string owner, string phrase)
        {
            Tokenizer.Tokenize(phrase, _tokens);
            if (_tokens.Count is < 1 or > MaxPhraseWords)
                throw new ActionMapException($"{owner}: \"{phrase}\" has {_tokens.Count} words", $"1..{MaxPhraseWords} words", null, phrase);
            w.U8(_tokens.Count);
            for (int i = 0; i < _tokens.Count; i++)
            {
                string word = _tokens.TokenText(i);
                if (_tokens.Values[i] >= 0 || word == Tokenizer.OovWord)
                    throw new ActionMapException($"{owner}: \"{phrase}\" has the token {word}", "words only (no numbers, no words over 32 bytes)", word, phrase);
                if (!_ids.TryGetValue(word, out int id))
                    throw new ActionMapException($"{owner}: the word \"{word}\" of \"{phrase}\" is not in the model's vocabulary",
                        "every word of every name, alias, colour and step phrase in the vocabulary (train the model on this home)", word, phrase);
                w.U16(id);
            }
        }
    }
}

/// <summary>A home, grammar or vocabulary the action map cannot encode (docs/action-map.md, Errors).</summary>
public sealed class ActionMapException(string found, string expected, string? word, string? phrase)
    : Exception($"action map: found {found}; expected {expected}.")
{
    public string Found { get; } = found;
    public string Expected { get; } = expected;
    /// <summary>The word that could not be encoded, when one word is the problem.</summary>
    public string? Word { get; } = word;
    /// <summary>The phrase that could not be encoded, when one phrase is the problem.</summary>
    public string? Phrase { get; } = phrase;
}
