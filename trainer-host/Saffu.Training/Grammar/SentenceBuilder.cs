using System.Globalization;
using System.Text;
using Saffu.Training.Corpus;

namespace Saffu.Training.Grammar;

/// <summary>
/// Pieces to a <see cref="LabelledSentence"/>: renders the text, tokenizes it with the runtime tokenizer,
/// and checks that each piece's tokens are exactly the sentence's tokens at that place, so slot spans are exact.
/// </summary>
sealed class SentenceBuilder(string grammarPath)
{
    readonly SentenceTokens whole = new();
    readonly SentenceTokens part = new();

    public (LabelledSentence Sentence, string Key) Build(IReadOnlyList<Piece> pieces, Template template)
    {
        string text = Render(pieces);
        SentenceToken[] tokens = whole.Tokenize(text) ?? throw Error(GrammarError.TokensMerge, template, text,
            $"more than {SentenceTokens.MaxTokens} tokens", "a shorter template");
        var slots = new Dictionary<string, string>(StringComparer.Ordinal);
        var spans = new Dictionary<string, TokenSpan>(StringComparer.Ordinal);
        int at = 0;
        foreach (Piece piece in pieces)
        {
            SentenceToken[] own = part.Tokenize(piece.Text)!;
            if (at + own.Length > tokens.Length || !own.AsSpan().SequenceEqual(tokens.AsSpan(at, own.Length)))
                throw Error(GrammarError.TokensMerge, template, text, $"\"{piece.Text}\" tokenized differently inside the sentence",
                    "pieces whose tokens do not join their neighbours' (no number word next to {brightness})");
            if (piece.Slot is { } slot)
            {
                CheckSlotTokens(piece, own, template, text);
                slots[slot] = piece.Value!;
                spans[slot] = new TokenSpan(at, own.Length);
            }
            at += own.Length;
        }
        if (at != tokens.Length)
            throw Error(GrammarError.TokensMerge, template, text, "pieces whose tokens do not add up to the sentence's", "pieces that tokenize apart");
        CheckLabels(template, text, slots);
        if (template.Intent == LightIntents.None) (slots, spans) = ([], []);
        var sentence = new LabelledSentence(text, template.Intent, slots, spans, tokens.Length, new SourceLine(grammarPath, template.Line));
        return (sentence, SentenceTokens.Key(tokens));
    }

    void CheckSlotTokens(Piece piece, SentenceToken[] own, Template template, string text)
    {
        if (own.Length == 0)
            throw Error(GrammarError.TokensMerge, template, text, $"the slot \"{piece.Slot}\" with no words", "slot lists whose entries have words");
        if (piece.Slot == LightSlots.Brightness
            && (own.Length != 1 || own[0].Value.ToString(CultureInfo.InvariantCulture) != piece.Value))
            throw Error(GrammarError.TokensMerge, template, text, $"brightness \"{piece.Text}\" as {own.Length} tokens",
                $"one number token with the value {piece.Value}");
    }

    void CheckLabels(Template template, string text, Dictionary<string, string> slots)
    {
        if (template.Intent != LightIntents.LightSet) return;
        bool brightness = slots.ContainsKey(LightSlots.Brightness), step = slots.ContainsKey(LightSlots.Step);
        if (!(brightness || step || slots.ContainsKey(LightSlots.Color)) || (brightness && step))
            throw Error(GrammarError.MissingSlot, template, text,
                $"HassLightSet with {(slots.Count == 0 ? "no slots" : string.Join(", ", slots.Keys))}",
                "brightness, step or color (brightness and step not together)");
    }

    static string Render(IReadOnlyList<Piece> pieces)
    {
        var text = new StringBuilder();
        foreach (Piece piece in pieces)
        {
            if (piece.Text.Length == 0) continue;
            bool percentSign = piece.Text == "%";
            if (percentSign && (text.Length == 0 || !char.IsAsciiDigit(text[^1]))) percentSign = false;
            if (text.Length > 0 && !percentSign) text.Append(' ');
            text.Append(piece.Text == "%" && !percentSign ? "percent" : piece.Text);
        }
        return text.ToString();
    }

    GrammarException Error(GrammarError error, Template template, string text, string found, string expected) =>
        new(error, grammarPath, template.Line, 0, $"{found} in \"{text}\"", expected);
}
