using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>
/// Teaches the model that one unknown word does not make a command something else (docs/training.md, "Lights model"):
/// a seeded share of the training utterances of every intent but the none class gets a copy with &lt;oov&gt; inserted at
/// a word boundary (never inside a slot span; the inserted word is tagged `O`). People put words the model has never
/// seen into real commands — a name for the speaker, a filler, a word the recogniser got wrong — while with a minimum
/// word count (<see cref="TrainOptions.MinCount"/>) &lt;oov&gt; is otherwise learnt almost only from sentences that are
/// not commands, and one unknown word would reject a command.
/// </summary>
public static class UnknownWordCopies
{
    /// <param name="share">Share of the eligible utterances copied, 0..1.</param>
    /// <param name="skipIntent">The none class's id (its utterances are not copied), or −1.</param>
    /// <param name="insideTags">Tag ids that continue a span (`I-…`): no insertion right before them.</param>
    /// <param name="outsideTag">The tag of the inserted word (`O`).</param>
    public static EncodedCorpus Add(EncodedCorpus corpus, int oovId, double share, int seed, int skipIntent, int maxWords,
        IReadOnlySet<int> insideTags, int outsideTag)
    {
        if (share <= 0) return corpus;
        var texts = corpus.Texts.ToList();
        var intents = corpus.Intents.ToList();
        var tags = corpus.Tags?.ToList();
        for (int u = 0; u < corpus.Count; u++)
        {
            EncodedText text = corpus.Texts[u];
            if (corpus.Intents[u] == skipIntent || text.Length >= maxWords) continue;
            ulong draw = Mix((ulong)(uint)seed << 32 | (uint)u);
            if ((draw >> 11) * (1.0 / (1UL << 53)) >= share) continue;
            int[]? tagRow = corpus.Tags?[u];
            var spots = Enumerable.Range(text.FirstWord, text.Length - text.FirstWord + 1)
                .Where(p => p == text.Length || tagRow is null || !insideTags.Contains(tagRow[p])).ToList();
            int at = spots[(int)(Mix(draw) % (ulong)spots.Count)];
            texts.Add(Insert(text, at, oovId));
            intents.Add(corpus.Intents[u]);
            tags?.Add(Insert(tagRow!, at, outsideTag));
        }
        return new EncodedCorpus(texts, intents, tags);
    }

    static EncodedText Insert(EncodedText t, int at, int oovId) =>
        new(Insert(t.Ids, at, oovId), Insert(t.Values, at, -1), Insert(t.Tokens, at, SpecialWords.Oov), t.FirstWord, t.Truncated);

    static T[] Insert<T>(T[] row, int at, T value) => [.. row.AsSpan(0, at), value, .. row.AsSpan(at)];

    /// <summary>SplitMix64 finaliser: a fixed, platform-independent hash of the seed and utterance index.</summary>
    static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
