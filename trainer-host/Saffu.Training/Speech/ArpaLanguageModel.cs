using System.Globalization;
using System.Text;

namespace Saffu.Training.Speech;

/// <summary>
/// A trigram language model in ARPA format (docs/voice.md §2) with interpolated Witten-Bell smoothing:
///
///     p(w | h) = (c(h w) + T(h) · p(w | h′)) / (c(h) + T(h))
///
/// where c(h) counts the words seen after history h, T(h) the distinct ones, and h′ is h without its first
/// word; the unigram level interpolates with the uniform distribution over the vocabulary (so every
/// vocabulary word, said in the corpus or not, has a probability). In ARPA backoff form the stored
/// probability of a seen n-gram is the interpolated one and the backoff weight of h is λ(h) = T(h) / (c(h) + T(h)),
/// which is exact for interpolated Witten-Bell. Sentences are wrapped in &lt;s&gt; … &lt;/s&gt;; a corpus word that
/// is not in the vocabulary breaks the n-grams that would span it. Output is deterministic (n-grams in ordinal order).
///
/// Rival classes (docs/voice.md §2, "Decisive words"): the words of a class are counted as one unit, and the unit's
/// probability in every context is shared equally by its members, p(w | h) = p(C | h) / |C| with h read as units too.
/// The written model holds every member in every n-gram its class was seen in, so "turn down the" is as probable as
/// "turn on the" and the acoustics choose between them.
/// </summary>
public sealed class ArpaLanguageModel
{
    public const string Start = "<s>", End = "</s>";
    /// <summary>log10 probability written for &lt;s&gt;, which is never predicted (the ARPA convention).</summary>
    public const double StartLogProb = -99;

    readonly SortedSet<string> _vocabulary;
    /// <summary>A class word's unit (its class's name); words in no class are their own unit.</summary>
    readonly Dictionary<string, string> _unitOf = new(StringComparer.Ordinal);
    /// <summary>A class unit's members (in the vocabulary, ordinal order).</summary>
    readonly Dictionary<string, string[]> _members = new(StringComparer.Ordinal);
    /// <summary>RivalBalance.Said: a class word's class name (the words stay their own units).</summary>
    readonly Dictionary<string, string> _saidClassOf = new(StringComparer.Ordinal);
    readonly List<IReadOnlyList<string>> _classes = [];
    readonly Dictionary<string, double> _background = new(StringComparer.Ordinal);
    readonly double _backgroundShare;
    // Counts are whole numbers but for RivalBalance.Said, which shares a context's count among the rivals said there.
    readonly Dictionary<string, double> _c1 = new(StringComparer.Ordinal);
    readonly Dictionary<(string, string), double> _c2 = [];
    readonly Dictionary<(string, string, string), double> _c3 = [];
    readonly Dictionary<string, (double Count, int Types)> _h1 = new(StringComparer.Ordinal);
    readonly Dictionary<(string, string), (double Count, int Types)> _h2 = [];
    readonly RivalBalance _balance;
    long _tokens;

    /// <param name="vocabulary">The words the recogniser may say (each needs a pronunciation); &lt;s&gt;, &lt;/s&gt; are added.</param>
    /// <param name="background">General words and their probabilities (any scale; renormalised over those in the vocabulary):
    /// the unigram level becomes (1 − share) · Witten-Bell + share · background, so speech that is not in the corpus can
    /// be heard as the general words it is rather than forced into the corpus's words.</param>
    /// <param name="classes">Rival classes: words that share one probability in every context. Members outside the
    /// vocabulary are dropped, a class left with fewer than two members is ignored, and a word may be in one class only.</param>
    public ArpaLanguageModel(IEnumerable<string> vocabulary, IEnumerable<IReadOnlyList<string>> sentences,
        IReadOnlyList<(string Word, double P)>? background = null, double backgroundShare = 0,
        IEnumerable<IReadOnlyList<string>>? classes = null, RivalBalance balance = RivalBalance.Shared)
    {
        _balance = balance;
        _vocabulary = new SortedSet<string>(vocabulary.Where(w => w is not (Start or End)), StringComparer.Ordinal);
        if (_vocabulary.Count == 0) throw new ArgumentException("a language model needs at least one vocabulary word", nameof(vocabulary));
        if (backgroundShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(backgroundShare), backgroundShare, "0 ≤ share < 1");
        foreach (var members in classes ?? []) AddClass(members);
        foreach (var (word, p) in background ?? [])
            if (_vocabulary.Contains(word) && p > 0) _background[Unit(word)] = _background.GetValueOrDefault(Unit(word)) + p;
        double total = _background.Values.Sum();
        foreach (string w in _background.Keys.ToList()) _background[w] /= total;
        _backgroundShare = _background.Count == 0 ? 0 : backgroundShare;
        foreach (var s in sentences) Count(s);
        if (_balance == RivalBalance.Said) ShareAmongSaid();
    }

    /// <summary>RivalBalance.Said: in every context, the rivals said there get the mean of their counts.</summary>
    void ShareAmongSaid()
    {
        string? ClassOf(string w) => _saidClassOf.GetValueOrDefault(w);
        Equalise(_c1, k => ClassOf(k) is { } c ? ("", "", c) : null);
        Equalise(_c2, k => ClassOf(k.Item2) is { } c ? (k.Item1, "", c) : null);
        Equalise(_c3, k => ClassOf(k.Item3) is { } c ? (k.Item1, k.Item2, c) : null);
    }

    static void Equalise<TKey>(Dictionary<TKey, double> counts, Func<TKey, (string, string, string)?> group) where TKey : notnull
    {
        foreach (var g in counts.Keys.Where(k => group(k) is not null).GroupBy(k => group(k)!.Value).ToList())
        {
            double mean = g.Sum(k => counts[k]) / g.Count();
            foreach (TKey k in g) counts[k] = mean;
        }
    }

    void AddClass(IReadOnlyList<string> words)
    {
        var members = words.Where(_vocabulary.Contains).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        if (members.Length < 2) return;
        string unit = $"<class {string.Join('|', members)}>";
        foreach (string m in members)
            if (_unitOf.ContainsKey(m) || _saidClassOf.ContainsKey(m))
                throw new ArgumentException($"'{m}' is in two rival classes; a word may be in one class only", nameof(words));
        _classes.Add(members);
        if (_balance == RivalBalance.Said) { foreach (string m in members) _saidClassOf[m] = unit; return; }
        _members[unit] = members;
        foreach (string m in members) _unitOf[m] = unit;
    }

    string Unit(string word) => _unitOf.GetValueOrDefault(word, word);

    /// <summary>How many words share a unit's probability (1 for a word in no class).</summary>
    int Size(string unit) => _members.TryGetValue(unit, out var m) ? m.Length : 1;

    /// <summary>The words a unit stands for.</summary>
    IReadOnlyList<string> Words(string unit) => _members.TryGetValue(unit, out var m) ? m : [unit];

    /// <summary>The rival classes in use (members in the vocabulary), for reports and tests.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Classes => _classes;

    public int VocabularySize => _vocabulary.Count;
    public long Tokens => _tokens;

    void Count(IReadOnlyList<string> sentence)
    {
        var words = new List<string?>(sentence.Count + 2) { Start };
        foreach (string w in sentence) words.Add(_vocabulary.Contains(w) ? Unit(w) : null);
        words.Add(End);
        for (int i = 1; i < words.Count; i++)
        {
            if (words[i] is not { } w) continue;
            Add(_c1, w);
            _tokens++;
            if (words[i - 1] is not { } u) continue;
            Add(_c2, (u, w));
            if (i >= 2 && words[i - 2] is { } t) Add(_c3, (t, u, w));
        }
    }

    static void Add<TKey>(Dictionary<TKey, double> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>p(w) for a unit (a word of the vocabulary, a class, or &lt;/s&gt;): Witten-Bell over the corpus, mixed with
    /// the background; the uniform share of a class is that of all its members.</summary>
    double P1(string w)
    {
        double wb = (_c1.GetValueOrDefault(w) + _c1.Count * Size(w) / (double)(_vocabulary.Count + 1)) / (_tokens + _c1.Count);
        return (1 - _backgroundShare) * wb + _backgroundShare * _background.GetValueOrDefault(w);
    }

    double Lambda1(string u) => _h1.TryGetValue(u, out var h) ? h.Types / (double)(h.Count + h.Types) : 1;

    double P2(string u, string w)
    {
        if (!_h1.TryGetValue(u, out var h)) return P1(w);
        return (_c2.GetValueOrDefault((u, w)) + h.Types * P1(w)) / (h.Count + h.Types);
    }

    double P3(string t, string u, string w)
    {
        if (!_h2.TryGetValue((t, u), out var h)) return P2(u, w);
        return (_c3.GetValueOrDefault((t, u, w)) + h.Types * P2(u, w)) / (h.Count + h.Types);
    }

    void Histories()
    {
        _h1.Clear();
        _h2.Clear();
        foreach (var ((u, _), c) in _c2) _h1[u] = (_h1.GetValueOrDefault(u).Count + c, _h1.GetValueOrDefault(u).Types + 1);
        foreach (var ((t, u, _), c) in _c3) _h2[(t, u)] = (_h2.GetValueOrDefault((t, u)).Count + c, _h2.GetValueOrDefault((t, u)).Types + 1);
    }

    /// <summary>The model as ARPA text (`\n` line ends, UTF-8 words); a class unit is written as each of its members.</summary>
    public string Write()
    {
        Histories();
        var text = new StringBuilder();
        var unigrams = _vocabulary.Append(End).Append(Start).Order(StringComparer.Ordinal).ToList();
        var bigrams = _c2.Keys.SelectMany(k => Expand([k.Item1, k.Item2])).Order(WordsOrder.Instance).ToList();
        var trigrams = _c3.Keys.SelectMany(k => Expand([k.Item1, k.Item2, k.Item3])).Order(WordsOrder.Instance).ToList();
        text.Append("\\data\\\n");
        text.Append($"ngram 1={unigrams.Count}\n");
        if (bigrams.Count > 0) text.Append($"ngram 2={bigrams.Count}\n");
        if (trigrams.Count > 0) text.Append($"ngram 3={trigrams.Count}\n");
        text.Append("\n\\1-grams:\n");
        foreach (string w in unigrams)
        {
            double p = w == Start ? StartLogProb : Math.Log10(P1(Unit(w)) / Size(Unit(w)));
            text.Append(Number(p)).Append('\t').Append(w);
            if (w != End && bigrams.Count > 0) text.Append('\t').Append(Number(Math.Log10(Lambda1(Unit(w)))));
            text.Append('\n');
        }
        if (bigrams.Count > 0)
        {
            text.Append("\n\\2-grams:\n");
            foreach (string[] n in bigrams)
            {
                string u = Unit(n[0]), w = Unit(n[1]);
                text.Append(Number(Math.Log10(P2(u, w) / Size(w)))).Append('\t').Append(n[0]).Append(' ').Append(n[1]);
                if (w != End && trigrams.Count > 0)
                    text.Append('\t').Append(Number(Math.Log10(_h2.TryGetValue((u, w), out var h) ? h.Types / (double)(h.Count + h.Types) : 1)));
                text.Append('\n');
            }
        }
        if (trigrams.Count > 0)
        {
            text.Append("\n\\3-grams:\n");
            foreach (string[] n in trigrams)
                text.Append(Number(Math.Log10(P3(Unit(n[0]), Unit(n[1]), Unit(n[2])) / Size(Unit(n[2]))))).Append('\t')
                    .Append(n[0]).Append(' ').Append(n[1]).Append(' ').Append(n[2]).Append('\n');
        }
        text.Append("\n\\end\\\n");
        return text.ToString();
    }

    /// <summary>Every word n-gram a unit n-gram stands for (the product of its classes' members).</summary>
    IEnumerable<string[]> Expand(string[] units)
    {
        IEnumerable<string[]> grams = [[]];
        foreach (string unit in units)
            grams = grams.SelectMany(g => Words(unit).Select(w => (string[])[.. g, w]));
        return grams;
    }

    /// <summary>Word n-grams in ordinal order, word by word.</summary>
    sealed class WordsOrder : IComparer<string[]>
    {
        public static readonly WordsOrder Instance = new();

        public int Compare(string[]? x, string[]? y)
        {
            for (int i = 0; i < Math.Min(x!.Length, y!.Length); i++)
                if (string.CompareOrdinal(x[i], y[i]) is var c && c != 0) return c;
            return x.Length.CompareTo(y.Length);
        }
    }

    /// <summary>log10 values with 6 decimals, invariant ("-0" written as "0").</summary>
    static string Number(double value)
    {
        string s = value.ToString("0.000000", CultureInfo.InvariantCulture);
        return s == "-0.000000" ? "0.000000" : s;
    }

    /// <summary>
    /// A unigram model over a vocabulary listed by frequency rank (a blob's word ids are ranks, docs/saffu-model.md §1):
    /// p(word of rank r) ∝ 1 / (r + 1) (Zipf), no n-grams. The fallback when only a blob is at hand.
    /// </summary>
    public static string WriteRankUnigrams(IReadOnlyList<string> wordsByRank)
    {
        var words = wordsByRank.Where(w => w is not (Start or End)).Distinct(StringComparer.Ordinal).ToList();
        if (words.Count == 0) throw new ArgumentException("a language model needs at least one vocabulary word", nameof(wordsByRank));
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);
        for (int r = 0; r < words.Count; r++) weight[words[r]] = 1.0 / (r + 1);
        weight[End] = weight.Values.Max();
        double total = weight.Values.Sum();
        var text = new StringBuilder("\\data\\\n");
        text.Append($"ngram 1={weight.Count + 1}\n\n\\1-grams:\n");
        foreach (string w in weight.Keys.Append(Start).Order(StringComparer.Ordinal))
            text.Append(Number(w == Start ? StartLogProb : Math.Log10(weight[w] / total))).Append('\t').Append(w).Append('\n');
        text.Append("\n\\end\\\n");
        return text.ToString();
    }
}

/// <summary>How the words of a rival class compete (docs/voice.md §2, §11).</summary>
public enum RivalBalance
{
    /// <summary>One probability for the class in every context, shared by all its members (also those never said there).</summary>
    Shared,
    /// <summary>In every context, the members said there share their counts equally; the others keep only the backoff.</summary>
    Said,
}
