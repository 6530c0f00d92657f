using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Slots;

/// <summary>
/// Slot values from per-word BIO tags (docs/saffu-model.md §3): `B-x` starts a span of x; `I-x`
/// continues a span of x ending at the previous word, otherwise starts one; the first span of each
/// slot wins. The value is the span's words joined by one space, or, when the span holds a
/// `&lt;num&gt;`, the first number's value. A `brightness` span without a number gives no value.
/// </summary>
public static class TagDecoder
{
    /// <param name="labels">Tag labels by id.</param>
    /// <param name="text">The encoded utterance (tokens and number values by position).</param>
    /// <param name="tags">Tag id by position; positions before <see cref="EncodedText.FirstWord"/> are ignored.</param>
    public static IReadOnlyDictionary<string, string> Decode(IReadOnlyList<string> labels, EncodedText text, IReadOnlyList<int> tags)
    {
        var spans = new Dictionary<string, (int Start, int End)>(StringComparer.Ordinal);
        string? open = null;
        int start = 0;
        for (int p = text.FirstWord; p <= text.Length; p++)
        {
            string label = p < text.Length ? labels[tags[p]] : TagSet.Outside;
            bool continues = open is not null && label == "I-" + open;
            if (continues) continue;
            if (open is not null) spans.TryAdd(open, (start, p));
            open = label.Length > 2 && (label.StartsWith("B-", StringComparison.Ordinal) || label.StartsWith("I-", StringComparison.Ordinal)) ? label[2..] : null;
            start = p;
        }
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string slot in SlotOrder(labels))
        {
            if (!spans.TryGetValue(slot, out var span)) continue;
            string? value = Value(text, span.Start, span.End, slot == SlotNames.Brightness);
            if (value is not null) result[slot] = value;
        }
        return result;
    }

    /// <summary>Slot names in order of first appearance in the labels.</summary>
    public static IEnumerable<string> SlotOrder(IReadOnlyList<string> labels) =>
        labels.Where(l => l.Length > 2 && l[1] == '-').Select(l => l[2..]).Distinct(StringComparer.Ordinal);

    static string? Value(EncodedText text, int start, int end, bool numberOnly)
    {
        for (int p = start; p < end; p++)
            if (text.Values[p] >= 0) return text.Values[p].ToString(CultureInfo.InvariantCulture);
        return numberOnly ? null : string.Join(" ", text.Tokens[start..end]);
    }
}
