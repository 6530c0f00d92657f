using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>What a word dropped by <see cref="WordDropoutCopies"/> becomes.</summary>
public enum DropoutCopyMode
{
    /// <summary>&lt;oov&gt;: the copy says an unknown word where the dropped one was.</summary>
    Oov,
    /// <summary>Nothing: the copy is the sentence without the dropped words (a copy that would have none left is not made).</summary>
    Remove,
}

/// <summary>Which training utterances <see cref="WordDropoutCopies"/> copies.</summary>
public enum DropoutCopyScope
{
    /// <summary>Utterances of the intents that act (not the none class, not HassGetState, HassNevermind or other:DOMAIN).</summary>
    Commands,
    /// <summary>Utterances of every intent but the none class.</summary>
    Intents,
    /// <summary>Every utterance, the none class's too.</summary>
    All,
}

/// <summary>
/// Word dropout as training copies (docs/training.md, "Lights model"; `saffu train --word-dropout-copies`): each utterance
/// in scope trains K more times, each copy with every droppable word replaced by &lt;oov&gt; with probability P (a copy in
/// which no word was dropped is not added: it would only weigh the utterance more). The model then cannot lean on any one
/// word — a verb, a filler — and must read the rest, as it has to when a speaker uses a verb it never saw. A copy keeps its
/// labels, so it must still mean what they say: never dropped are &lt;sod&gt;, numbers, words inside a slot span (any tag
/// other than `O`), and the keptIds of <see cref="Make"/>: the trainer passes the anchor words (light nouns, the home's
/// names, areas and colours, dim and bright words: the slot words of a sentence without tags, such as a state question)
/// and <see cref="SpeechErrorCopies.Protected"/> (on, off, up, down, negations, all, every). The planner's lead words
/// ("turn", "switch", "make", "the") are not kept although the vocabulary always keeps them: they are what the copies
/// are for. Unlike `--word-dropout` (fine-tuning minibatches only), the copies reach the explicit
/// solution, which is most of the lights model. The draws depend on the seed, the utterance, the copy and the position only.
/// </summary>
public static class WordDropoutCopies
{
    /// <param name="copies">Copies made of each utterance in scope, 0 = off.</param>
    /// <param name="rate">Probability that a droppable word of a copy is dropped, 0 &lt; P &lt; 1.</param>
    /// <param name="copied">Whether an utterance of this intent id is in scope.</param>
    /// <param name="keptIds">Vocabulary ids never dropped.</param>
    /// <param name="outsideTag">The tag `O`; a position tagged anything else but −1 (no tag target) is inside a slot span.</param>
    /// <param name="mode">A dropped word reads as &lt;oov&gt; (<see cref="DropoutCopyMode.Oov"/>) or is left out.</param>
    /// <returns>Only the copies (the caller appends them), with the original's intent and tags.</returns>
    public static EncodedCorpus Make(EncodedCorpus corpus, int oovId, int copies, double rate, int seed, Func<int, bool> copied,
        IReadOnlySet<int> keptIds, int outsideTag, DropoutCopyMode mode = DropoutCopyMode.Oov)
    {
        var texts = new List<EncodedText>();
        var intents = new List<int>();
        var tags = corpus.Tags is null ? null : new List<int[]>();
        if (copies <= 0 || rate <= 0) return new EncodedCorpus(texts, intents, tags);
        for (int u = 0; u < corpus.Count; u++)
        {
            if (!copied(corpus.Intents[u])) continue;
            EncodedText text = corpus.Texts[u];
            int[]? tagRow = corpus.Tags?[u];
            ulong utterance = Mix(((ulong)(uint)seed << 32 | (uint)u) ^ 0xD20F0C0F1E5UL);
            for (int k = 0; k < copies; k++)
            {
                var dropped = new bool[text.Length];
                int count = 0;
                for (int p = text.FirstWord; p < text.Length; p++)
                {
                    if (!Droppable(text, tagRow, p, oovId, keptIds, outsideTag)) continue;
                    ulong draw = Mix(utterance ^ ((ulong)(uint)k << 32 | (uint)p));
                    if ((draw >> 11) * (1.0 / (1UL << 53)) < rate) { dropped[p] = true; count++; }
                }
                if (count == 0 || (mode == DropoutCopyMode.Remove && count == text.WordCount)) continue;
                if (mode == DropoutCopyMode.Oov)
                {
                    texts.Add(text with
                    {
                        Ids = text.Ids.Select((id, p) => dropped[p] ? oovId : id).ToArray(),
                        Tokens = text.Tokens.Select((t, p) => dropped[p] ? SpecialWords.Oov : t).ToArray(),
                    });
                    tags?.Add(tagRow!);
                }
                else
                {
                    texts.Add(text with { Ids = Kept(text.Ids, dropped), Values = Kept(text.Values, dropped), Tokens = Kept(text.Tokens, dropped) });
                    tags?.Add(Kept(tagRow!, dropped));
                }
                intents.Add(corpus.Intents[u]);
            }
        }
        return new EncodedCorpus(texts, intents, tags);
    }

    static T[] Kept<T>(T[] row, bool[] dropped) => row.Where((_, p) => !dropped[p]).ToArray();

    /// <summary>Whether utterances of this intent are copied in <paramref name="scope"/>.</summary>
    public static bool InScope(string intent, DropoutCopyScope scope) => scope switch
    {
        DropoutCopyScope.All => true,
        DropoutCopyScope.Intents => intent != Model.FloatModel.NoneIntentName,
        _ => intent != Model.FloatModel.NoneIntentName && !Grammar.LightIntents.IsNonActing(intent),
    };

    /// <summary>A word that may read as &lt;oov&gt;: not a number, not already unknown, not kept, outside every slot span.</summary>
    public static bool Droppable(EncodedText text, int[]? tagRow, int p, int oovId, IReadOnlySet<int> keptIds, int outsideTag) =>
        p >= text.FirstWord && text.Values[p] < 0 && text.Ids[p] != oovId && !keptIds.Contains(text.Ids[p])
        && (tagRow is null || tagRow[p] == outsideTag || tagRow[p] < 0);

    /// <summary>SplitMix64 finaliser (as <see cref="UnknownWordCopies"/>): platform-independent draws.</summary>
    static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
