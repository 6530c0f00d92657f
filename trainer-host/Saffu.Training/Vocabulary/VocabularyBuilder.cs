using Saffu.Runtime.Text;

namespace Saffu.Training.Vocabulary;

/// <summary>
/// Builds the vocabulary exactly as docs/saffu-model.md §1 says: token types of the training
/// transcripts by count descending, ties by first occurrence; &lt;oov&gt; has the pseudo-count
/// (number of types − 1) and &lt;sod&gt; (when prepended) the number of utterances. For ties, &lt;sod&gt;
/// counts as seen before every word and &lt;oov&gt; after every word. A token the tokenizer spells
/// `&lt;oov&gt;` (a word over 32 bytes) is not a type: it maps to &lt;oov&gt;. With a minimum count, rarer
/// types (except the kept words) are left out too: their tokens encode as &lt;oov&gt;, so the model learns
/// what an unknown word means from them. Words the caller needs whatever the data says (a lights model's anchor words)
/// are added with count 0 when the transcripts never say them: after every other type, in ordinal order.
/// </summary>
public static class VocabularyBuilder
{
    /// <summary>Blob limit on the vocabulary size (u16 ids).</summary>
    public const int MaxVocabulary = 65535;

    /// <param name="minCount">Types seen fewer times are left out (1 keeps every type).</param>
    /// <param name="keep">Words kept whatever their count (if they occur at all), e.g. a home's names.</param>
    /// <param name="always">Words in the vocabulary even when no transcript says them (count 0), e.g. anchor words.</param>
    public static WordVocabulary Build(IEnumerable<string> transcripts, int maxWords, bool prependSod, int minCount = 1,
        IReadOnlySet<string>? keep = null, IEnumerable<string>? always = null)
    {
        var counts = new Dictionary<string, (long Count, int First)>(StringComparer.Ordinal);
        string[][] tokenized = Tokenize(transcripts.ToList(), prependSod ? maxWords - 1 : maxWords);
        int utterances = tokenized.Length;
        // Counted in transcript order (the first occurrence breaks ties).
        foreach (string[] tokens in tokenized)
            foreach (string token in tokens)
            {
                if (token == SpecialWords.Oov) continue;
                counts[token] = counts.TryGetValue(token, out var c) ? (c.Count + 1, c.First) : (1, counts.Count + 1);
            }
        if (minCount > 1)
            foreach (string rare in counts.Where(p => p.Value.Count < minCount && keep?.Contains(p.Key) != true).Select(p => p.Key).ToList())
                counts.Remove(rare);
        foreach (string word in (always ?? []).Where(w => w != SpecialWords.Oov && w != SpecialWords.Sod).Distinct().Order(StringComparer.Ordinal))
            counts.TryAdd(word, (0, counts.Count + 1));
        int types = counts.Count;
        counts[SpecialWords.Oov] = (Math.Max(types - 1, 0), int.MaxValue);
        if (prependSod) counts[SpecialWords.Sod] = (utterances, 0);
        if (counts.Count > MaxVocabulary)
            throw new ArgumentException($"The training data has {counts.Count} word types; a model holds at most {MaxVocabulary}.");
        var ordered = counts.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Value.First).Select(p => p.Key).ToList();
        return new WordVocabulary(ordered, maxWords, prependSod);
    }

    /// <summary>Every token type's count in the training transcripts, for the training state (id order).</summary>
    public static long[] Counts(WordVocabulary vocabulary, IEnumerable<string> transcripts)
    {
        var texts = transcripts.ToList();
        var counts = new long[vocabulary.Count];
        // Integer counts: per-thread partial sums give the same totals in any order.
        Parallel.For(0, texts.Count, () => new long[vocabulary.Count], (i, _, mine) =>
        {
            EncodedText encoded = vocabulary.Encode(texts[i]);
            for (int p = encoded.FirstWord; p < encoded.Length; p++) mine[encoded.Ids[p]]++;
            return mine;
        }, mine =>
        {
            lock (counts)
                for (int id = 0; id < counts.Length; id++) counts[id] += mine[id];
        });
        return counts;
    }

    /// <summary>The tokens of every transcript (a tokenizer of <paramref name="capacity"/> words), on all cores, in input order.</summary>
    static string[][] Tokenize(IReadOnlyList<string> transcripts, int capacity)
    {
        var tokenized = new string[transcripts.Count][];
        Parallel.For(0, transcripts.Count, () => new TokenBuffer(capacity), (i, _, buffer) =>
        {
            Tokenizer.Tokenize(transcripts[i], buffer);
            var tokens = new string[buffer.Count];
            for (int t = 0; t < tokens.Length; t++) tokens[t] = buffer.TokenText(t);
            tokenized[i] = tokens;
            return buffer;
        }, _ => { });
        return tokenized;
    }
}
