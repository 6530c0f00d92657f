namespace Saffu.Training.Grammar;

/// <summary>
/// Collects sentences once per token sequence: a repeat with the same labels is skipped, a repeat with other
/// labels is a conflict (both dropped), and a generated sentence that repeats an extra one gives way to it.
/// </summary>
sealed class SentencePool
{
    readonly Dictionary<string, (string Labels, int Index)> byKey = new(StringComparer.Ordinal);
    readonly HashSet<string> extraKeys = new(StringComparer.Ordinal);
    readonly HashSet<string> conflicted = new(StringComparer.Ordinal);
    readonly List<(LabelledSentence Sentence, string Key, bool Valid)> kept = new();
    readonly List<LabelledSentence> extra = new();
    readonly SentenceTokens tokens = new();

    public IReadOnlyList<string> Conflicts => conflicted.Order(StringComparer.Ordinal).ToList();
    public int Overridden { get; private set; }

    public void AddExtra(LabelledSentence sentence)
    {
        extra.Add(sentence);
        extraKeys.Add(SentenceTokens.Key(tokens.Tokenize(sentence.Text)!));
    }

    public void Add(LabelledSentence sentence, string key, bool valid)
    {
        if (extraKeys.Contains(key))
        {
            Overridden++;
            return;
        }
        string labels = Labels(sentence);
        if (byKey.TryGetValue(key, out var first))
        {
            if (first.Labels != labels) conflicted.Add(key);
            return;
        }
        byKey[key] = (labels, kept.Count);
        kept.Add((sentence, key, valid));
    }

    public (List<LabelledSentence> Train, List<LabelledSentence> Valid) Finish()
    {
        var usable = kept.Where(k => !conflicted.Contains(k.Key)).ToList();
        var train = usable.Where(k => !k.Valid).Select(k => k.Sentence).Concat(extra).ToList();
        var valid = usable.Where(k => k.Valid).Select(k => k.Sentence).ToList();
        return (train, valid);
    }

    static string Labels(LabelledSentence s) =>
        s.Intent + "|" + string.Join("|", s.Slots.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}@{s.SlotSpans[p.Key]}"));
}
