using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>
/// Every phrase that can carry a text slot, with its canonical value (docs/grammar.md §4): light names and
/// aliases → the light's name, area names and aliases → the area, colour names → themselves, phrases of
/// step lists → up/down. The exporter stores these in the action map; evaluation maps predicted spans with them.
/// </summary>
public sealed class SlotPhrases
{
    readonly Dictionary<string, Dictionary<string, string>> bySlot;

    SlotPhrases(Dictionary<string, Dictionary<string, string>> bySlot) => this.bySlot = bySlot;

    public static SlotPhrases For(HomeDescription home, CommandGrammar grammar)
    {
        var table = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal)
        {
            [LightSlots.Name] = home.Lights.SelectMany(l => l.AllNames.Select(n => (n, l.Name))).ToDictionary(p => p.n, p => p.Name),
            [LightSlots.Area] = home.Areas.SelectMany(a => a.AllNames.Select(n => (n, a.Name))).ToDictionary(p => p.n, p => p.Name),
            [LightSlots.Color] = grammar.Colors.ToDictionary(c => c.Name, c => c.Name),
            [LightSlots.Step] = new(StringComparer.Ordinal),
        };
        foreach (var (slot, phrase, value) in grammar.FixedSlotPhrases())
        {
            var map = table[slot];
            if (map.TryGetValue(phrase, out string? other) && other != value)
                throw new GrammarException(GrammarError.DuplicateList, grammar.Path, 0, 0,
                    $"the phrase \"{phrase}\" carrying {slot} {other} and {value}", "each step phrase in lists of one direction");
            map[phrase] = value;
        }
        return new SlotPhrases(table);
    }

    /// <summary>The text slots: name, area, color, step.</summary>
    public IEnumerable<string> Slots => bySlot.Keys;

    /// <summary>Phrase → canonical value for one text slot (empty for brightness, which is read from its number).</summary>
    public IReadOnlyDictionary<string, string> Of(string slot) =>
        bySlot.TryGetValue(slot, out var map) ? map : new Dictionary<string, string>();

    /// <summary>The canonical value of the words a slot span said, or null when no phrase of the slot says that.</summary>
    public string? Canonical(string slot, string words) =>
        Phrase.Normalize(words, out _) is { } phrase && bySlot.TryGetValue(slot, out var map) && map.TryGetValue(phrase, out string? value)
            ? value : null;

    /// <summary>Phrase → canonical value per text slot, as <see cref="Model.FloatModel.SlotValueNames"/> takes it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> ValueNames() =>
        bySlot.ToDictionary(p => p.Key, p => (IReadOnlyDictionary<string, string>)p.Value, StringComparer.Ordinal);

    /// <summary>Every word of every phrase (the words the action map looks up in the vocabulary: keep them in it).</summary>
    public IReadOnlySet<string> Words() =>
        bySlot.Values.SelectMany(map => map.Keys).SelectMany(p => p.Split(' ')).ToHashSet(StringComparer.Ordinal);

    /// <summary>The phrases that say <paramref name="value"/> for <paramref name="slot"/>, longest (in words) first.</summary>
    public IEnumerable<string> PhrasesFor(string slot, string value) =>
        Of(slot).Where(p => p.Value == value).Select(p => p.Key)
            .OrderByDescending(p => p.Count(c => c == ' ')).ThenBy(p => p, StringComparer.Ordinal);
}
