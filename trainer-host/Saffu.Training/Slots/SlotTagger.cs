using System.Globalization;
using Saffu.Runtime.Text;
using Saffu.Training.Corpus;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Slots;

/// <summary>
/// Each word's BIO tag: the utterance's own <see cref="Utterance.Tags"/> when it has them (generated
/// sentences: exact, aliases and step words included); otherwise derived from the slot values: a text slot's value is tokenized
/// like the transcript and its first unclaimed occurrence as a token run is tagged `B-slot I-slot…`;
/// `brightness` tags the first unclaimed `&lt;num&gt;` whose value equals it. Slots that cannot be
/// found are counted in <see cref="Unmatched"/> (the utterance still trains, those words as `O`).
/// </summary>
public sealed class SlotTagger
{
    readonly Dictionary<string, int> tagIds;
    readonly TokenBuffer buffer = new(64);

    public SlotTagger(IReadOnlyList<string> tagLabels)
    {
        tagIds = tagLabels.Select((l, i) => (l, i)).ToDictionary(p => p.l, p => p.i, StringComparer.Ordinal);
        if (!tagIds.ContainsKey(TagSet.Outside)) throw new ArgumentException("Tag labels need \"O\".");
    }

    /// <summary>Slot values not found among their utterance's tokens.</summary>
    public int Unmatched { get; private set; }

    /// <summary>Tag id per position of text (−1 for a prepended &lt;sod&gt;): the utterance's own tags, else found from its slot values.</summary>
    /// <exception cref="DatasetException">Own tags that do not fit the text (another token count) or name a tag this head does not have.</exception>
    public int[] Tag(EncodedText text, Utterance utterance) =>
        utterance.Tags is { } own ? Given(text, own, utterance.Source) : Tag(text, utterance.Slots);

    int[] Given(EncodedText text, IReadOnlyList<string> own, SourceLine source)
    {
        if (own.Count < text.WordCount || (own.Count > text.WordCount && !text.Truncated))
            throw new DatasetException(DatasetError.Malformed, source.Path, source.Line, $"{own.Count} tags for {text.WordCount} tokens",
                "one BIO tag per token");
        var tags = new int[text.Length];
        for (int p = 0; p < text.FirstWord; p++) tags[p] = -1;
        for (int p = text.FirstWord; p < text.Length; p++)
            if (!tagIds.TryGetValue(own[p - text.FirstWord], out tags[p]))
                throw new DatasetException(DatasetError.Malformed, source.Path, source.Line, $"the tag \"{own[p - text.FirstWord]}\"",
                    $"one of {string.Join(", ", tagIds.Keys)}");
        return tags;
    }

    /// <summary>Tag id per position of text (−1 for a prepended &lt;sod&gt;), found from the slot values.</summary>
    public int[] Tag(EncodedText text, IReadOnlyDictionary<string, string> slots)
    {
        var tags = new int[text.Length];
        Array.Fill(tags, tagIds[TagSet.Outside]);
        for (int p = 0; p < text.FirstWord; p++) tags[p] = -1;
        foreach (string slot in SlotNames.All)
        {
            if (!slots.TryGetValue(slot, out string? value)) continue;
            if (!tagIds.TryGetValue("B-" + slot, out int begin) || !tagIds.TryGetValue("I-" + slot, out int inside)) { Unmatched++; continue; }
            var (start, length) = slot == SlotNames.Brightness ? FindNumber(text, value, tags) : FindWords(text, value, tags);
            if (length == 0) { Unmatched++; continue; }
            tags[start] = begin;
            for (int p = start + 1; p < start + length; p++) tags[p] = inside;
        }
        return tags;
    }

    (int, int) FindNumber(EncodedText text, string value, int[] tags)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int number)) return (0, 0);
        for (int p = text.FirstWord; p < text.Length; p++)
            if (text.Values[p] == number && IsFree(tags, p, 1)) return (p, 1);
        return (0, 0);
    }

    (int, int) FindWords(EncodedText text, string value, int[] tags)
    {
        Tokenizer.Tokenize(value, buffer);
        int n = buffer.Count;
        if (n == 0) return (0, 0);
        var words = Enumerable.Range(0, n).Select(buffer.TokenText).ToArray();
        for (int p = text.FirstWord; p + n <= text.Length; p++)
        {
            bool match = IsFree(tags, p, n);
            for (int i = 0; match && i < n; i++) match = text.Tokens[p + i] == words[i] && text.Values[p + i] == buffer.Values[i];
            if (match) return (p, n);
        }
        return (0, 0);
    }

    bool IsFree(int[] tags, int start, int length)
    {
        int outside = tagIds[TagSet.Outside];
        for (int p = start; p < start + length; p++) if (tags[p] != outside) return false;
        return true;
    }
}
