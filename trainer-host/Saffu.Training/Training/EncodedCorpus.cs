using Saffu.Training.Corpus;
using Saffu.Training.Slots;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>
/// Utterances as training examples: ids by position, the intent id and (with a tag head) the BIO
/// tag of every position. Every word position e (0-based, at or after the first real word) is one
/// prefix example w_1..w_{e+1}; the whole utterance has weight 1, the other prefixes the prefix weight.
/// </summary>
public sealed class EncodedCorpus
{
    public EncodedCorpus(IReadOnlyList<EncodedText> texts, IReadOnlyList<int> intents, IReadOnlyList<int[]>? tags)
    {
        if (texts.Count != intents.Count || (tags is not null && tags.Count != texts.Count))
            throw new ArgumentException("Texts, intents and tags must have one entry per utterance.");
        Texts = texts;
        Intents = intents;
        Tags = tags;
        PrefixCount = texts.Sum(t => (long)t.WordCount);
    }

    public IReadOnlyList<EncodedText> Texts { get; }
    public IReadOnlyList<int> Intents { get; }
    /// <summary>Tag id per position (−1 at &lt;sod&gt;); null without a tag head.</summary>
    public IReadOnlyList<int[]>? Tags { get; }
    public int Count => Texts.Count;
    /// <summary>Prefix examples: the word positions of every utterance.</summary>
    public long PrefixCount { get; }

    /// <summary>Weight of the prefix ending at position e of an utterance of the given length.</summary>
    public static double PrefixWeight(int e, int length, double prefixWeight) => e == length - 1 ? 1.0 : prefixWeight;

    /// <summary>The first <paramref name="count"/> utterances.</summary>
    public EncodedCorpus First(int count) =>
        new(Texts.Take(count).ToList(), Intents.Take(count).ToList(), Tags?.Take(count).ToList());

    /// <summary>This corpus followed by <paramref name="more"/> (both with tag targets or both without).</summary>
    public EncodedCorpus Concat(EncodedCorpus more) =>
        new(Texts.Concat(more.Texts).ToList(), Intents.Concat(more.Intents).ToList(), Tags is null || more.Tags is null ? null : Tags.Concat(more.Tags).ToList());

    /// <summary>
    /// Encodes labelled utterances; those with no tokens are left out (they carry no evidence) and
    /// counted in <paramref name="dropped"/>. Every intent must be in <paramref name="intents"/>.
    /// Utterances whose intent is <paramref name="untagged"/> (the none class and other devices' intents: nothing is done
    /// with their slots) get no tag targets (−1), so their words, all `O`, do not teach the tag head that "dim" in "dim the
    /// screen" is no step, or "desk" in "the desk fan" no light's name.
    /// </summary>
    public static EncodedCorpus Encode(IReadOnlyList<Utterance> utterances, WordVocabulary vocabulary,
        IReadOnlyList<string> intents, SlotTagger? tagger, out int dropped, Func<string?, bool>? untagged = null)
    {
        var index = intents.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        var texts = new List<EncodedText>(utterances.Count);
        var labels = new List<int>(utterances.Count);
        var tags = tagger is null ? null : new List<int[]>(utterances.Count);
        dropped = 0;
        // Tokenizing and looking up is most of the cost and each text is independent: on all cores, kept in input order.
        var encoded = new EncodedText[utterances.Count];
        Parallel.For(0, utterances.Count, i => encoded[i] = vocabulary.Encode(utterances[i].Text));
        for (int i = 0; i < utterances.Count; i++)
        {
            Utterance u = utterances[i];
            EncodedText text = encoded[i];
            if (text.WordCount == 0) { dropped++; continue; }
            if (u.Intent is null || !index.TryGetValue(u.Intent, out int label))
                throw new DatasetException(DatasetError.UnknownLabel, u.Source.Path, u.Source.Line,
                    u.Intent is null ? "no intent" : $"the label \"{u.Intent}\"", "one of the model's intents");
            texts.Add(text);
            labels.Add(label);
            tags?.Add(untagged is not null && untagged(u.Intent) ? Enumerable.Repeat(-1, text.Length).ToArray() : tagger!.Tag(text, u));
        }
        return new EncodedCorpus(texts, labels, tags);
    }
}
