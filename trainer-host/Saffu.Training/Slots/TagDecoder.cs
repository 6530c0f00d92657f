using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Slots;

/// <summary>
/// Slot values from per-word BIO tags (docs/saffu-model.md §3), word by word as the device's
/// session does it: `B-x` starts the first span of x; `I-x` extends x's span when it ended at the
/// previous word, else starts it, taking over another slot's span that ended at the previous word.
/// The value is the span's words joined by one space, or, when the span holds a `&lt;num&gt;`,
/// the first number's value. A `brightness` span without a number gives no value.
/// </summary>
public static class TagDecoder
{
    /// <param name="labels">Tag labels by id.</param>
    /// <param name="text">The encoded utterance (tokens and number values by position).</param>
    /// <param name="tags">Tag id by position; positions before <see cref="EncodedText.FirstWord"/> are ignored.</param>
    public static IReadOnlyDictionary<string, string> Decode(IReadOnlyList<string> labels, EncodedText text, IReadOnlyList<int> tags)
    {
        string[] slots = SlotOrder(labels).ToArray();
        int[] start = Enumerable.Repeat(-1, slots.Length).ToArray(), end = Enumerable.Repeat(-1, slots.Length).ToArray();
        for (int p = text.FirstWord; p < text.Length; p++)
            Update(labels[tags[p]], p, slots, start, end);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int k = 0; k < slots.Length; k++)
        {
            if (start[k] < 0) continue;
            string? value = Value(text, start[k], end[k] + 1, slots[k] == SlotNames.Brightness);
            if (value is not null) result[slots[k]] = value;
        }
        return result;
    }

    /// <summary>One word's tag applied to the spans, as the runtime's Session.UpdateSlots does.</summary>
    static void Update(string label, int p, string[] slots, int[] start, int[] end)
    {
        if (label.Length <= 2 || label[1] != '-') return;
        int slot = Array.IndexOf(slots, label[2..]);
        bool inside = label[0] == 'I';
        if (start[slot] >= 0)
        {
            if (inside && end[slot] == p - 1) end[slot] = p;
            return;
        }
        start[slot] = end[slot] = p;
        if (!inside) return;
        for (int k = 0; k < slots.Length; k++)
        {
            if (k == slot || end[k] != p - 1) continue;
            start[slot] = start[k];
            start[k] = end[k] = -1;
            return;
        }
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
