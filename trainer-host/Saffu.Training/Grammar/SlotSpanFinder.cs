using System.Globalization;
using Saffu.Training.Corpus;

namespace Saffu.Training.Grammar;

/// <summary>
/// A labelled utterance the lights corpus cannot use: an unknown intent, a slot its intent does not take,
/// or a slot value whose words are not in the text. Names the file and line, what was found and what was expected.
/// </summary>
public sealed class SentenceLabelException(SourceLine source, string found, string expected)
    : Exception($"{source}: found {found}; expected {expected}.")
{
    public SourceLine Location { get; } = source;
    public string Found { get; } = found;
    public string Expected { get; } = expected;
}

/// <summary>
/// Finds which tokens carry each slot of an utterance that has values but no spans (user `--extra` sentences,
/// held-out sets): brightness by its number token's value, text slots by any phrase that maps to the value,
/// longest first, never overlapping another slot's span.
/// </summary>
public sealed class SlotSpanFinder(SlotPhrases phrases)
{
    readonly SentenceTokens tokenizer = new();

    /// <summary>The utterance with the spans of its slots; checks its intent and slots against docs/grammar.md §1.</summary>
    public LabelledSentence Label(Utterance utterance)
    {
        CheckLabels(utterance);
        SentenceToken[] tokens = tokenizer.Tokenize(utterance.Text)
            ?? throw new SentenceLabelException(utterance.Source, $"more than {SentenceTokens.MaxTokens} tokens", "a shorter sentence");
        var taken = new bool[tokens.Length];
        var spans = new Dictionary<string, TokenSpan>(StringComparer.Ordinal);
        foreach (string slot in LightSlots.All.Where(utterance.Slots.ContainsKey))
        {
            string value = utterance.Slots[slot];
            TokenSpan span = Find(slot, value, tokens, taken) ?? throw new SentenceLabelException(utterance.Source,
                $"no words for the slot {slot} = \"{value}\" in \"{utterance.Text}\"",
                slot == LightSlots.Brightness ? "a number token with that value"
                : $"one of the phrases for it ({string.Join(", ", Candidates(slot, value).Take(6).Select(p => "\"" + p + "\""))})");
            for (int i = span.First; i < span.End; i++) taken[i] = true;
            spans[slot] = span;
        }
        return new LabelledSentence(utterance.Text, utterance.Intent!, utterance.Slots, spans, tokens.Length, utterance.Source);
    }

    static void CheckLabels(Utterance utterance)
    {
        if (utterance.Intent is null || !LightIntents.IsKnown(utterance.Intent))
            throw new SentenceLabelException(utterance.Source, utterance.Intent is null ? "no intent" : $"the intent \"{utterance.Intent}\"",
                $"one of {string.Join(", ", LightIntents.All)}");
        IReadOnlyList<string> allowed = utterance.Intent == LightIntents.None ? [] : LightSlots.AllowedFor(utterance.Intent);
        foreach (var (slot, value) in utterance.Slots)
        {
            if (!allowed.Contains(slot))
                throw new SentenceLabelException(utterance.Source, $"the slot {slot} with {utterance.Intent}",
                    allowed.Count == 0 ? "no slots" : $"only {string.Join(", ", allowed)}");
            if (slot == LightSlots.Step && value is not (LightSlots.Up or LightSlots.Down))
                throw new SentenceLabelException(utterance.Source, $"step = \"{value}\"", "step \"up\" or \"down\"");
        }
        if (utterance.Intent == LightIntents.LightSet)
        {
            bool brightness = utterance.Slots.ContainsKey(LightSlots.Brightness), step = utterance.Slots.ContainsKey(LightSlots.Step);
            if (!(brightness || step || utterance.Slots.ContainsKey(LightSlots.Color)) || (brightness && step))
                throw new SentenceLabelException(utterance.Source, $"HassLightSet with {(utterance.Slots.Count == 0 ? "no slots" : string.Join(", ", utterance.Slots.Keys))}",
                    "brightness, step or color (brightness and step not together)");
        }
    }

    TokenSpan? Find(string slot, string value, SentenceToken[] tokens, bool[] taken)
    {
        if (slot == LightSlots.Brightness)
        {
            for (int i = 0; i < tokens.Length; i++)
                if (!taken[i] && tokens[i].Value >= 0 && tokens[i].Value.ToString(CultureInfo.InvariantCulture) == value) return new TokenSpan(i, 1);
            return null;
        }
        foreach (string phrase in Candidates(slot, value))
        {
            SentenceToken[] words = tokenizer.Tokenize(phrase)!;
            for (int i = 0; i + words.Length <= tokens.Length; i++)
                if (tokens.AsSpan(i, words.Length).SequenceEqual(words) && !taken.AsSpan(i, words.Length).Contains(true))
                    return new TokenSpan(i, words.Length);
        }
        return null;
    }

    /// <summary>Phrases that say the value: the known ones, else the value itself (a slot value outside the home is still found if said).</summary>
    IEnumerable<string> Candidates(string slot, string value)
    {
        var known = phrases.PhrasesFor(slot, value).ToList();
        return known.Count > 0 ? known : [value];
    }
}
