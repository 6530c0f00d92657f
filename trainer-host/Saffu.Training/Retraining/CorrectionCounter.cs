using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Training;

namespace Saffu.Training.Retraining;

/// <summary>
/// Counts the statistics of the document part and the tag units for corrections with a weight per token
/// (docs/retraining.md §Weights): a word the model saw often in training counts once, as in any training sentence; a
/// word it rarely or never saw counts up to the correction weight W: w(word) = 1 + (W − 1) / (1 + count / <see cref="CountScale"/>),
/// count = the word's token count in the training data (the training state's `vocabulary.counts`). So a correction teaches
/// what the model did not know (a new word, a rare verb) without pulling "the", "lights" or "in" towards its intent.
/// </summary>
public sealed class CorrectionCounter
{
    /// <summary>Token count at which a word's weight is halfway between W and 1.</summary>
    public const double CountScale = 10;

    readonly FloatModel model;
    readonly SolverOptions options;
    readonly double[] tokenWeight;

    public CorrectionCounter(FloatModel model, SolverOptions options, long[] counts, double weight)
    {
        this.model = model;
        this.options = options;
        tokenWeight = counts.Select(c => 1 + (weight - 1) / (1 + c / CountScale)).ToArray();
    }

    /// <summary>The weight of a word id's tokens in a correction.</summary>
    public double TokenWeight(int id) => tokenWeight[id];

    /// <summary>document.U: F[:, y] += Σ_e w_e · Σ_{p ≤ e} ω(w_p) · x_{w_p}; K sums as the trainer counts them.</summary>
    public void CountDocument(LayerStatistics s, EncodedCorpus corpus)
    {
        for (int u = 0; u < corpus.Count; u++)
        {
            var text = corpus.Texts[u];
            int y = corpus.Intents[u], length = text.Length;
            double after = 0;
            for (int p = length - 1; p >= 0; p--)
            {
                if (p >= text.FirstWord)
                {
                    double w = EncodedCorpus.PrefixWeight(p, length, options.PrefixWeight);
                    if (w > 0) s.Count(w, p + 1);
                    after += w;
                }
                if (after > 0) AddCode(s, text.Ids[p], y, after * TokenWeight(text.Ids[p]));
            }
        }
    }

    /// <summary>tag.U_j: F[:, tag_e] += ω(w_{e−j}) · τ_U · x_{w_{e−j}}.</summary>
    public void CountTag(LayerStatistics s, EncodedCorpus corpus, int j)
    {
        for (int u = 0; u < corpus.Count; u++)
        {
            int[] ids = corpus.Texts[u].Ids, tags = corpus.Tags![u];
            for (int e = 0; e < ids.Length; e++)
            {
                if (tags[e] < 0 || e - j < 0) continue;
                AddCode(s, ids[e - j], tags[e], options.TauU * TokenWeight(ids[e - j]));
                s.Count(1, options.TauU);
            }
        }
    }

    void AddCode(LayerStatistics s, int id, int target, double amount)
    {
        double share = amount / model.Codes.Popcount(id);
        foreach (short bit in model.Codes.Of(id)) s.F[bit * s.Cols + target] += share;
    }
}
