using Microsoft.ML.Data;

namespace Saffu.LightsBaseline;

/// <summary>One word pair's part in the sentences where unigrams and uni+bigrams disagree on being right.</summary>
internal sealed record BigramPart(string Bigram, double Help, int Fixed, int Broken, string Example);

/// <summary>
/// Which word pairs make the difference between variant a (unigrams) and b (uni+bigrams) on a union of command sets. For
/// every sentence that a gets wrong and b right ("fixed"), each bigram feature x_f of the sentence in b pushes the label
/// over a's wrong intent by x_f·(W[label][f] − W[a's intent][f]); for a sentence a gets right and b wrong ("broken") it
/// pushes the label over b's wrong intent by x_f·(W[label][f] − W[b's intent][f]) (negative when the pair helped break it).
/// A pair's help is the sum of its pushes over fixed and broken sentences; the list is ordered by help.
/// </summary>
internal static class BigramAttribution
{
    public static List<BigramPart> Of(NgramBaseline b, IReadOnlyList<(string Text, string Label, string TopA, string TopB)> sentences, int top)
    {
        var rows = b.Score(sentences.Select(s => s.Text));
        var parts = new Dictionary<int, (double Help, int Fixed, int Broken, string Example)>();
        for (int n = 0; n < sentences.Count; n++)
        {
            var (text, label, topA, topB) = sentences[n];
            bool fixedHere = topA != label && topB == label, brokenHere = topA == label && topB != label;
            if (!fixedHere && !brokenHere) continue;
            int good = Array.IndexOf(b.Intents, label), bad = Array.IndexOf(b.Intents, fixedHere ? topA : topB);
            VBuffer<float> x = rows[n].Features;
            var indices = x.IsDense ? Enumerable.Range(0, x.Length).ToArray() : x.GetIndices().ToArray();
            var values = x.GetValues().ToArray();
            for (int j = 0; j < indices.Length; j++)
            {
                int f = indices[j];
                if (values[j] == 0 || !IsBigram(b.FeatureNames[f])) continue;
                double push = values[j] * (b.Weights[good][f] - b.Weights[bad][f]);
                var p = parts.GetValueOrDefault(f, (0, 0, 0, ""));
                parts[f] = fixedHere ? (p.Help + push, p.Fixed + 1, p.Broken, p.Example.Length > 0 ? p.Example : $"{text} ({label}; a: {topA})")
                    : (p.Help + push, p.Fixed, p.Broken + 1, p.Example);
            }
        }
        return parts.OrderByDescending(p => p.Value.Help).Take(top)
            .Select(p => new BigramPart(b.FeatureNames[p.Key], p.Value.Help, p.Value.Fixed, p.Value.Broken, p.Value.Example)).ToList();
    }

    /// <summary>FeaturizeText names a word n-gram by its words joined with '|' (variant b has no character n-grams).</summary>
    static bool IsBigram(string name) => name.Count(c => c == '|') == 1;
}
