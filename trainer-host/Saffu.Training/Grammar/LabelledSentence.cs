using Saffu.Training.Corpus;

namespace Saffu.Training.Grammar;

/// <summary>Which slot values <see cref="LabelledSentence.ToUtterance"/> writes.</summary>
public enum SlotValues
{
    /// <summary>The labels: a light's name for an alias, `up`/`down` for a step word.</summary>
    Canonical,
    /// <summary>The words of each slot's span, as said.</summary>
    Said,
}

/// <summary>Tokens [First, First + Count) of a sentence (runtime tokenizer, 0-based).</summary>
public readonly record struct TokenSpan(int First, int Count)
{
    public int End => First + Count;
}

/// <summary>
/// A generated (or extra) training sentence with its labels and the exact tokens that carry each slot
/// (docs/grammar.md §4).
/// </summary>
/// <param name="Slots">Canonical values: a light's name even when an alias was said; brightness as invariant digits; step "up"/"down".</param>
/// <param name="SlotSpans">The tokens that carry each slot of <paramref name="Slots"/>.</param>
/// <param name="TokenCount">Tokens of <paramref name="Text"/>.</param>
public sealed record LabelledSentence(string Text, string Intent, IReadOnlyDictionary<string, string> Slots,
    IReadOnlyDictionary<string, TokenSpan> SlotSpans, int TokenCount, SourceLine Source)
{
    public static readonly IReadOnlyDictionary<string, TokenSpan> NoSpans = new Dictionary<string, TokenSpan>();

    public const string Outside = "O";

    /// <summary>One tag a token: `B-slot` on a span's first token, `I-slot` on the rest, `O` elsewhere.</summary>
    public string[] BioTags()
    {
        var tags = Enumerable.Repeat(Outside, TokenCount).ToArray();
        foreach (var (slot, span) in SlotSpans)
            for (int i = span.First; i < span.End; i++) tags[i] = (i == span.First ? "B-" : "I-") + slot;
        return tags;
    }

    /// <summary>
    /// The trainer's record, with the exact <see cref="BioTags"/> as its <see cref="Utterance.Tags"/> (the trainer's
    /// tag head learns them, aliases and step words included). <see cref="SlotValues.Canonical"/> keeps the labels
    /// (for evaluation and JSON); <see cref="SlotValues.Said"/> puts each span's own words in the slot (an alias,
    /// "dim"), which is what the device decodes.
    /// </summary>
    public Utterance ToUtterance(SlotValues values = SlotValues.Canonical) =>
        new(Text, Intent, values == SlotValues.Canonical ? Slots : SaidSlots(), Source, BioTags());

    /// <summary>Each slot's span as the words the tokenizer reads (brightness stays its digits).</summary>
    public IReadOnlyDictionary<string, string> SaidSlots()
    {
        if (Slots.Count == 0) return Slots;
        SentenceToken[] tokens = new SentenceTokens().Tokenize(Text)!;
        return Slots.ToDictionary(p => p.Key, p => p.Key == LightSlots.Brightness ? p.Value
            : string.Join(' ', tokens.Skip(SlotSpans[p.Key].First).Take(SlotSpans[p.Key].Count).Select(t => t.Word)), StringComparer.Ordinal);
    }

    /// <summary>Every possible tag label, in a fixed order: `O`, then `B-`/`I-` per slot of <see cref="LightSlots.All"/>.</summary>
    public static IReadOnlyList<string> TagLabels { get; } =
        [Outside, .. LightSlots.All.SelectMany(s => new[] { "B-" + s, "I-" + s })];
}
