using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>One recogniser error of the table: `sub` (Ref heard as Hyp), `del` (Ref not heard), `ins` (Hyp heard, nothing said), and how often it was measured.</summary>
public sealed record SpeechError(string Kind, string Ref, string Hyp, int Count);

/// <summary>
/// Recognition-like errors in training copies (docs/voice.md §6; `saffu train --speech-error-share`): a seeded share of
/// the command utterances (the none class excepted) train once more with one error drawn from the recogniser's
/// measured confusions (<see cref="SpeechErrorTable"/>), weighted by count among those that apply to the sentence:
/// a substitution or deletion of a word outside every slot span, or an insertion of a short word (tagged `O`) at a
/// word boundary outside a span. Errors that would change what the command means are never made: no protected word
/// (anchor words, `on`, `off`, `up`, `down`, negations) is substituted, deleted or inserted, and numbers are never touched
/// — the copy keeps the original labels, so it must still mean what they say.
/// </summary>
public static class SpeechErrorCopies
{
    /// <summary>Words whose loss or change flips a command (besides the model's anchor words).</summary>
    public static readonly IReadOnlySet<string> Protected = new HashSet<string>(StringComparer.Ordinal)
        { "on", "off", "up", "down", "no", "not", "don't", "never", "all", "every", "everything" };

    /// <summary>Longest inserted word, in characters.</summary>
    public const int MaxInsertedLength = 4;

    public static EncodedCorpus Add(EncodedCorpus corpus, WordVocabulary vocabulary, IReadOnlyList<SpeechError> table, double share, int seed,
        int skipIntent, int maxWords, IReadOnlySet<int> insideTags, int outsideTag, IReadOnlySet<int>? anchors)
    {
        if (share <= 0 || table.Count == 0) return corpus;
        bool Keep(string word) => !Protected.Contains(word) && vocabulary.IdOf(word) is int id && id != vocabulary.NumId
            && (anchors is null || !anchors.Contains(id));
        var usable = table.Where(e => (e.Kind != "sub" && e.Kind != "del" || Keep(e.Ref)) && (e.Kind == "del" || Keep(e.Hyp) && vocabulary.IdOf(e.Hyp) != vocabulary.OovId)
            && (e.Kind != "ins" || e.Hyp.Length <= MaxInsertedLength)).ToList();
        var texts = corpus.Texts.ToList();
        var intents = corpus.Intents.ToList();
        var tags = corpus.Tags?.ToList();
        for (int u = 0; u < corpus.Count; u++)
        {
            EncodedText text = corpus.Texts[u];
            if (corpus.Intents[u] == skipIntent) continue;
            ulong draw = Mix(((ulong)(uint)seed << 32 | (uint)u) ^ 0x5EEC4E77UL);
            if ((draw >> 11) * (1.0 / (1UL << 53)) >= share) continue;
            int[]? tagRow = corpus.Tags?[u];
            bool Outside(int p) => tagRow is null || tagRow[p] == outsideTag;
            var options = new List<(SpeechError Error, int At)>();
            foreach (SpeechError e in usable)
            {
                if (e.Kind == "ins")
                {
                    if (text.Length >= maxWords) continue;
                    for (int p = text.FirstWord; p <= text.Length; p++)
                        if (p == text.Length || tagRow is null || !insideTags.Contains(tagRow[p])) options.Add((e, p));
                    continue;
                }
                for (int p = text.FirstWord; p < text.Length; p++)
                    if (text.Tokens[p] == e.Ref && text.Values[p] < 0 && Outside(p) && (e.Kind != "del" || text.WordCount > 1)) options.Add((e, p));
            }
            if (options.Count == 0) continue;
            var (error, at) = Pick(options, Mix(draw));
            int id = vocabulary.IdOf(error.Hyp);
            switch (error.Kind)
            {
                case "sub":
                    texts.Add(text with { Ids = Set(text.Ids, at, id), Values = Set(text.Values, at, -1), Tokens = Set(text.Tokens, at, error.Hyp) });
                    tags?.Add(tagRow!);
                    break;
                case "del":
                    texts.Add(text with { Ids = Remove(text.Ids, at), Values = Remove(text.Values, at), Tokens = Remove(text.Tokens, at) });
                    tags?.Add(Remove(tagRow!, at));
                    break;
                default:
                    texts.Add(text with { Ids = Insert(text.Ids, at, id), Values = Insert(text.Values, at, -1), Tokens = Insert(text.Tokens, at, error.Hyp) });
                    tags?.Add(Insert(tagRow!, at, outsideTag));
                    break;
            }
            intents.Add(corpus.Intents[u]);
        }
        return new EncodedCorpus(texts, intents, tags);
    }

    /// <summary>One option, each (error, position) weighted by the error's count.</summary>
    static (SpeechError, int) Pick(List<(SpeechError Error, int At)> options, ulong draw)
    {
        long total = options.Sum(o => (long)o.Error.Count);
        long target = (long)(draw % (ulong)total);
        foreach (var o in options)
        {
            target -= o.Error.Count;
            if (target < 0) return o;
        }
        return options[^1];
    }

    static T[] Set<T>(T[] row, int at, T value) { var copy = (T[])row.Clone(); copy[at] = value; return copy; }
    static T[] Remove<T>(T[] row, int at) => [.. row.AsSpan(0, at), .. row.AsSpan(at + 1)];
    static T[] Insert<T>(T[] row, int at, T value) => [.. row.AsSpan(0, at), value, .. row.AsSpan(at)];

    static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

/// <summary>
/// The recogniser's confusion table (docs/voice.md §6): tab-separated `kind ref hyp count` lines (`-` for the empty
/// side), `#` comments; the shipped one, measured by tools/Saffu.Speech on the dev commands, is built into the library
/// from models/lights/speech-errors.tsv.
/// </summary>
public static class SpeechErrorTable
{
    public const string Resource = "Saffu.Training.Training.speech-errors.tsv";

    public static IReadOnlyList<SpeechError> Shipped { get; } = Parse(Read());

    public static IReadOnlyList<SpeechError> Parse(string text)
    {
        var rows = new List<SpeechError>();
        int line = 0;
        foreach (string raw in text.Split('\n'))
        {
            line++;
            string l = raw.TrimEnd('\r');
            if (l.Length == 0 || l.StartsWith('#')) continue;
            string[] f = l.Split('\t');
            if (f.Length != 4 || f[0] is not ("sub" or "del" or "ins") || !int.TryParse(f[3], out int n) || n <= 0)
                throw new FormatException($"speech error table line {line}: \"{l}\"; expected kind (sub, del, ins), ref, hyp, count > 0, tab-separated");
            rows.Add(new SpeechError(f[0], f[1], f[2], n));
        }
        return rows;
    }

    static string Read()
    {
        using Stream? stream = typeof(SpeechErrorTable).Assembly.GetManifestResourceStream(Resource);
        if (stream is null) return "";
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
