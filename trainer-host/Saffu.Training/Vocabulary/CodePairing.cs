using Saffu.Runtime.Model;

namespace Saffu.Training.Vocabulary;

/// <summary>
/// Chooses which words share a bit when the vocabulary has more words than bits (docs/saffu-model.md §1): a word
/// past the first b ranks gets a code of two bits, the bit of a frequent word and a bit of one of the b single-bit
/// words, so its evidence is that word's too. The count order pairs words by accident ("brighten" with "bedside",
/// "darken" with "locked"); this order keeps the single-bit words as they are and gives every two-bit code to the
/// word whose intent profile (P(word | intent), cosine) is closest to its partner's, most frequent words first.
/// </summary>
public static class CodePairing
{
    /// <param name="vocabulary">Words by rank (count order).</param>
    /// <param name="profiles">Per word id, its count in each intent's training sentences (one column per intent, divided by
    /// the column's total before the cosine).</param>
    public static IReadOnlyList<string> Order(WordVocabulary vocabulary, double[][] profiles, int bits)
    {
        int v = vocabulary.Count;
        if (v <= bits) return vocabulary.Words;
        var order = new string[v];
        for (int r = 0; r < bits; r++) order[r] = vocabulary.Words[r];
        var unit = Conditional(profiles).Select(Normalised).ToArray();
        var left = Enumerable.Range(bits, v - bits).ToList();   // words still to place, most frequent first
        var partnerBits = new short[2];
        for (int rank = bits; rank < v; )
        {
            // The next run of two-bit codes that share their first bit: (f, f+1) .. (f, b−1).
            int k = BitCipher.Unrank(rank, bits, partnerBits, 0);
            if (k != 2) break;
            int shared = partnerBits[0];
            var slots = new List<(int Rank, int Partner)>();
            for (int r = rank; r < v && BitCipher.Unrank(r, bits, partnerBits, 0) == 2 && partnerBits[0] == shared; r++)
                slots.Add((r, partnerBits[1]));
            var free = new HashSet<int>(Enumerable.Range(0, slots.Count));
            foreach (int word in left.Take(slots.Count).ToList())
            {
                int best = free.MaxBy(i => Similarity(unit[word], unit[slots[i].Partner]));
                free.Remove(best);
                order[slots[best].Rank] = vocabulary.Words[word];
                left.Remove(word);
            }
            rank += slots.Count;
        }
        for (int r = 0, i = 0; r < v; r++) if (order[r] is null) order[r] = vocabulary.Words[left[i++]];
        return order;
    }

    /// <summary>Each intent's counts divided by its total (P(word | intent), what the document part's evidence reads), so
    /// that a large intent does not decide every pairing.</summary>
    static double[][] Conditional(double[][] profiles)
    {
        var totals = new double[profiles[0].Length];
        foreach (double[] p in profiles)
            for (int c = 0; c < totals.Length; c++) totals[c] += p[c];
        return profiles.Select(p => p.Select((x, c) => totals[c] == 0 ? 0 : x / totals[c]).ToArray()).ToArray();
    }

    static double[] Normalised(double[] p)
    {
        double n = Math.Sqrt(p.Sum(x => x * x));
        return n == 0 ? p : p.Select(x => x / n).ToArray();
    }

    static double Similarity(double[] a, double[] b)
    {
        double s = 0;
        for (int i = 0; i < a.Length; i++) s += a[i] * b[i];
        return s;
    }
}
