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
/// </summary>
public sealed class ArpaLanguageModel
{
    public const string Start = "<s>", End = "</s>";
    /// <summary>log10 probability written for &lt;s&gt;, which is never predicted (the ARPA convention).</summary>
    public const double StartLogProb = -99;

    readonly SortedSet<string> _vocabulary;
    readonly Dictionary<string, double> _background = new(StringComparer.Ordinal);
    readonly double _backgroundShare;
    readonly Dictionary<string, long> _c1 = new(StringComparer.Ordinal);
    readonly Dictionary<(string, string), long> _c2 = [];
    readonly Dictionary<(string, string, string), long> _c3 = [];
    readonly Dictionary<string, (long Count, int Types)> _h1 = new(StringComparer.Ordinal);
    readonly Dictionary<(string, string), (long Count, int Types)> _h2 = [];
    long _tokens;

    /// <param name="vocabulary">The words the recogniser may say (each needs a pronunciation); &lt;s&gt;, &lt;/s&gt; are added.</param>
    /// <param name="background">General words and their probabilities (any scale; renormalised over those in the vocabulary):
    /// the unigram level becomes (1 − share) · Witten-Bell + share · background, so speech that is not in the corpus can
    /// be heard as the general words it is rather than forced into the corpus's words.</param>
    public ArpaLanguageModel(IEnumerable<string> vocabulary, IEnumerable<IReadOnlyList<string>> sentences,
        IReadOnlyList<(string Word, double P)>? background = null, double backgroundShare = 0)
    {
        _vocabulary = new SortedSet<string>(vocabulary.Where(w => w is not (Start or End)), StringComparer.Ordinal);
        if (_vocabulary.Count == 0) throw new ArgumentException("a language model needs at least one vocabulary word", nameof(vocabulary));
        if (backgroundShare is < 0 or >= 1) throw new ArgumentOutOfRangeException(nameof(backgroundShare), backgroundShare, "0 ≤ share < 1");
        foreach (var (word, p) in background ?? [])
            if (_vocabulary.Contains(word) && p > 0) _background[word] = _background.GetValueOrDefault(word) + p;
        double total = _background.Values.Sum();
        foreach (string w in _background.Keys.ToList()) _background[w] /= total;
        _backgroundShare = _background.Count == 0 ? 0 : backgroundShare;
        foreach (var s in sentences) Count(s);
    }

    public int VocabularySize => _vocabulary.Count;
    public long Tokens => _tokens;

    void Count(IReadOnlyList<string> sentence)
    {
        var words = new List<string?>(sentence.Count + 2) { Start };
        foreach (string w in sentence) words.Add(_vocabulary.Contains(w) ? w : null);
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

    static void Add<TKey>(Dictionary<TKey, long> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;

    /// <summary>p(w) for a word of the vocabulary or &lt;/s&gt;: Witten-Bell over the corpus, mixed with the background.</summary>
    double P1(string w)
    {
        double wb = (_c1.GetValueOrDefault(w) + _c1.Count / (double)(_vocabulary.Count + 1)) / (_tokens + _c1.Count);
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

    /// <summary>The model as ARPA text (`\n` line ends, UTF-8 words).</summary>
    public string Write()
    {
        Histories();
        var text = new StringBuilder();
        var unigrams = _vocabulary.Append(End).Append(Start).Order(StringComparer.Ordinal).ToList();
        var bigrams = _c2.Keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal).ToList();
        var trigrams = _c3.Keys.OrderBy(k => k.Item1, StringComparer.Ordinal).ThenBy(k => k.Item2, StringComparer.Ordinal)
            .ThenBy(k => k.Item3, StringComparer.Ordinal).ToList();
        text.Append("\\data\\\n");
        text.Append($"ngram 1={unigrams.Count}\n");
        if (bigrams.Count > 0) text.Append($"ngram 2={bigrams.Count}\n");
        if (trigrams.Count > 0) text.Append($"ngram 3={trigrams.Count}\n");
        text.Append("\n\\1-grams:\n");
        foreach (string w in unigrams)
        {
            double p = w == Start ? StartLogProb : Math.Log10(P1(w));
            text.Append(Number(p)).Append('\t').Append(w);
            if (w != End && bigrams.Count > 0) text.Append('\t').Append(Number(Math.Log10(Lambda1(w))));
            text.Append('\n');
        }
        if (bigrams.Count > 0)
        {
            text.Append("\n\\2-grams:\n");
            foreach (var (u, w) in bigrams)
            {
                text.Append(Number(Math.Log10(P2(u, w)))).Append('\t').Append(u).Append(' ').Append(w);
                if (w != End && trigrams.Count > 0)
                    text.Append('\t').Append(Number(Math.Log10(_h2.TryGetValue((u, w), out var h) ? h.Types / (double)(h.Count + h.Types) : 1)));
                text.Append('\n');
            }
        }
        if (trigrams.Count > 0)
        {
            text.Append("\n\\3-grams:\n");
            foreach (var (t, u, w) in trigrams)
                text.Append(Number(Math.Log10(P3(t, u, w)))).Append('\t').Append(t).Append(' ').Append(u).Append(' ').Append(w).Append('\n');
        }
        text.Append("\n\\end\\\n");
        return text.ToString();
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
