using System.Text;

namespace Saffu.Training.Speech;

/// <summary>How a word of the dictionary got its pronunciation (docs/voice.md §3).</summary>
public enum PronunciationSource
{
    /// <summary>The stock dictionary has the word.</summary>
    Stock,
    /// <summary>`word's` / `words'`: the stock word plus Z (after a vowel or voiced sound) or S (after a voiceless one).</summary>
    Possessive,
    /// <summary>Two stock words written together ("nightlight" = night + light), the split with the longest first part.</summary>
    Compound,
    /// <summary>Spelt letter by letter from the stock pronunciations of the letters ("rgb" = R G B).</summary>
    Spelled,
}

/// <summary>One dictionary entry: the word, its phone strings (the stock order of alternatives) and where they came from.</summary>
public sealed record Pronunciation(string Word, IReadOnlyList<string> Phones, PronunciationSource Source);

/// <summary>
/// A pronunciation dictionary in the Sphinx format (`word PH PH …`, alternatives as `word(2)`), restricted to a
/// vocabulary, from a stock dictionary (pocketsphinx-en-us's cmudict-en-us.dict). A word the stock dictionary lacks
/// gets, in order: the possessive rule, the compound rule, else its letters spelt (docs/voice.md §3). A word
/// with no ASCII letter at all ("café" has some; "über" has some; "日本" none) is left out and reported.
/// </summary>
public sealed class PronunciationDictionary
{
    readonly Dictionary<string, List<string>> _stock;

    PronunciationDictionary(Dictionary<string, List<string>> stock) => _stock = stock;

    /// <summary>Parses a Sphinx dictionary's text; lines without a word and phones are skipped.</summary>
    public static PronunciationDictionary Parse(string text)
    {
        var stock = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string raw in text.Split('\n'))
        {
            string line = raw.TrimEnd('\r');
            int space = line.IndexOfAny([' ', '\t']);
            if (space <= 0) continue;
            string word = line[..space], phones = string.Join(' ', line[(space + 1)..].Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries));
            if (phones.Length == 0) continue;
            int paren = word.IndexOf('(');
            if (paren > 0 && word.EndsWith(')')) word = word[..paren];
            if (!stock.TryGetValue(word, out var list)) stock[word] = list = [];
            if (!list.Contains(phones)) list.Add(phones);
        }
        return new PronunciationDictionary(stock);
    }

    public static PronunciationDictionary Load(string path) => Parse(File.ReadAllText(path, Encoding.UTF8));

    public int Count => _stock.Count;
    public bool Has(string word) => _stock.ContainsKey(word);

    /// <summary>The entry of one word (lower case), or null when it has no ASCII letter to spell.</summary>
    public Pronunciation? Find(string word)
    {
        if (_stock.TryGetValue(word, out var phones)) return new Pronunciation(word, phones, PronunciationSource.Stock);
        if (Possessive(word) is { } possessive) return new Pronunciation(word, possessive, PronunciationSource.Possessive);
        if (Compound(word) is { } compound) return new Pronunciation(word, [compound], PronunciationSource.Compound);
        if (Spelled(word) is { } spelled) return new Pronunciation(word, [spelled], PronunciationSource.Spelled);
        return null;
    }

    static readonly HashSet<string> Voiceless = new(StringComparer.Ordinal) { "P", "T", "K", "F", "TH" };

    List<string>? Possessive(string word)
    {
        string? stem = word.EndsWith("'s", StringComparison.Ordinal) ? word[..^2] : word.EndsWith("s'", StringComparison.Ordinal) ? word[..^1] : null;
        if (stem is null || !_stock.TryGetValue(stem, out var phones)) return null;
        if (word.EndsWith("s'", StringComparison.Ordinal)) return phones;
        return phones.Select(p =>
        {
            string last = p[(p.LastIndexOf(' ') + 1)..];
            if (last is "S" or "Z" or "SH" or "ZH" or "CH" or "JH") return p + " IH Z";
            return p + (Voiceless.Contains(last) ? " S" : " Z");
        }).ToList();
    }

    string? Compound(string word)
    {
        for (int cut = word.Length - 2; cut >= 2; cut--)
            if (_stock.TryGetValue(word[..cut], out var a) && _stock.TryGetValue(word[cut..], out var b)) return a[0] + " " + b[0];
        return null;
    }

    string? Spelled(string word)
    {
        var phones = new List<string>();
        foreach (char c in word)
            if (c is >= 'a' and <= 'z' && _stock.TryGetValue(c.ToString(), out var letter)) phones.Add(Letter(c, letter));
        return phones.Count == 0 ? null : string.Join(' ', phones);
    }

    /// <summary>The letter's name: cmudict lists "a" as AH first (the article), so the letter takes its EY.</summary>
    static string Letter(char c, List<string> stock) => c == 'a' && stock.Contains("EY") ? "EY" : stock[0];

    /// <summary>
    /// The dictionary of <paramref name="words"/> as Sphinx text, sorted by word (ordinal), alternatives in stock order
    /// as `word(2)`, `word(3)`; also the entries (for reports) and the words left out.
    /// </summary>
    public (string Text, IReadOnlyList<Pronunciation> Entries, IReadOnlyList<string> Missing) Restrict(IEnumerable<string> words)
    {
        var entries = new List<Pronunciation>();
        var missing = new List<string>();
        foreach (string w in words.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (Find(w) is { } p) entries.Add(p);
            else missing.Add(w);
        }
        var text = new StringBuilder();
        foreach (Pronunciation p in entries)
            for (int i = 0; i < p.Phones.Count; i++)
                text.Append(p.Word).Append(i == 0 ? "" : $"({i + 1})").Append(' ').Append(p.Phones[i]).Append('\n');
        return (text.ToString(), entries, missing);
    }
}
