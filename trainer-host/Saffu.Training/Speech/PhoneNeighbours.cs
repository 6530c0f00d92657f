namespace Saffu.Training.Speech;

/// <summary>
/// Words that sound alike (docs/voice.md §10): the phone edit distance between two words is the fewest phone
/// insertions, deletions and substitutions that turn one pronunciation into the other, the least over their
/// pronunciations ("on" AA N / AO N and "down" D AW N: 2; "fifteen" and "fifty": 1). A word's neighbours are the words
/// of a given list within a distance, nearest first (ties in ordinal order).
/// </summary>
public sealed class PhoneNeighbours
{
    readonly PronunciationDictionary _dictionary;
    readonly List<(string Word, string[][] Phones)> _words = [];
    readonly Dictionary<string, string[][]> _byWord = new(StringComparer.Ordinal);

    /// <param name="dictionary">Pronunciations (the dictionary beside the blob, docs/voice.md §3).</param>
    /// <param name="words">The words a neighbour may be (a model's spoken vocabulary); those the dictionary cannot say are left out.</param>
    public PhoneNeighbours(PronunciationDictionary dictionary, IEnumerable<string> words)
    {
        _dictionary = dictionary;
        foreach (string w in words.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            if (Phones(dictionary, w) is { } phones) _words.Add((w, phones));
    }

    /// <summary>Neighbours among a model's spoken vocabulary (<see cref="SpeechModelFiles.SpokenVocabulary"/>: its words and the number words).</summary>
    public static PhoneNeighbours OfModel(Saffu.Runtime.Model.SaffuModel model, PronunciationDictionary dictionary)
    {
        var vocabulary = model.Vocabulary;
        return new PhoneNeighbours(dictionary, SpeechModelFiles.SpokenVocabulary(Enumerable.Range(0, vocabulary.Count).Select(vocabulary.Word).ToList()));
    }

    /// <summary>Whether <paramref name="word"/> is one of the listed words the dictionary can say (a grammar may use it).</summary>
    public bool Knows(string word) => _words.Any(w => w.Word == word);

    static string[][]? Phones(PronunciationDictionary dictionary, string word) =>
        dictionary.Has(word) && dictionary.Find(word) is { } entry
            ? entry.Phones.Select(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray() : null;

    /// <summary>
    /// The listed words (other than <paramref name="word"/>) within <paramref name="maxDistance"/> phones of it and at
    /// least <paramref name="minDistance"/> (1 leaves out homophones: "two" for "too"), nearest first; empty when the
    /// dictionary cannot say <paramref name="word"/>.
    /// </summary>
    public IReadOnlyList<string> Near(string word, int maxDistance, int minDistance = 0)
    {
        if (!_byWord.TryGetValue(word, out var own)) _byWord[word] = own = Phones(_dictionary, word) ?? [];
        if (own.Length == 0) return [];
        return _words.Where(c => c.Word != word).Select(c => (c.Word, Distance: Distance(own, c.Phones)))
            .Where(c => c.Distance <= maxDistance && c.Distance >= minDistance).OrderBy(c => c.Distance).ThenBy(c => c.Word, StringComparer.Ordinal)
            .Select(c => c.Word).ToList();
    }

    /// <summary>The least phone edit distance between any pronunciation of one word and any of the other.</summary>
    public static int Distance(IReadOnlyList<string[]> a, IReadOnlyList<string[]> b)
    {
        int best = int.MaxValue;
        foreach (string[] x in a)
            foreach (string[] y in b)
                best = Math.Min(best, Distance(x, y));
        return best;
    }

    /// <summary>Levenshtein distance over phones.</summary>
    public static int Distance(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (int j = 0; j <= b.Count; j++) previous[j] = j;
        for (int i = 1; i <= a.Count; i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.Count; j++)
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return previous[b.Count];
    }
}
