using Saffu.Training.Model;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Solver;

/// <summary>
/// The language-model head of SAFFU.md §4: the next word from the same s-vectors the intent head reads,
/// p(w_{t+1} | h_t) = softmax(h_t · L), L ((parts · b′) × V) solved in closed form (SAFFU.md §2 with x = τ·h_t,
/// K = τ × parts) after the rest of the model. Its use measured here: the mean surprisal of an utterance's words
/// as an out-of-domain signal (docs/training.md, table O).
/// </summary>
public sealed class LanguageModelHead
{
    readonly float[] l;
    readonly int inputs, vocabulary;

    LanguageModelHead(float[] l, int inputs, int vocabulary)
    {
        this.l = l;
        this.inputs = inputs;
        this.vocabulary = vocabulary;
    }

    /// <summary>Parameters: (parts · b′) × V.</summary>
    public long Parameters => l.LongLength;

    /// <summary>Counts F over every position that has a next word (weight 1) and solves L.</summary>
    public static LanguageModelHead Solve(FloatModel model, EncodedCorpus corpus, double tau = 1, double epsilon = 0.1)
    {
        SaffuConfig c = model.Config;
        int inputs = c.Parts * c.LabelDim, v = model.Vocabulary.Count;
        var shape = new[] { new LayerStatistics("lm.L", inputs, v) };
        var total = ChunkedPass.Run(corpus.Count, shape, model.NewState, (stats, state, u) =>
        {
            EncodedText text = corpus.Texts[u];
            model.Run(state, text, s =>
            {
                int next = s.T;   // 0-based position of the next word
                if (next >= text.Length) return;
                var f = stats[0].F;
                for (int r = 0; r < inputs; r++) f[r * v + text.Ids[next]] += tau * s.h[r];
                stats[0].Count(1, tau * c.Parts);
            });
        });
        var s0 = total[0];
        return new LanguageModelHead(ExplicitLayer.Solve(s0.F, s0.Rows, s0.Cols, s0.K, epsilon, tau), inputs, v);
    }

    /// <summary>
    /// For every word w, the mean of p(· | h_t) over the positions t where w is the current word and a next word follows
    /// (null for a word that never has one): what the head expects after w, in its contexts.
    /// </summary>
    public double[]?[] MeanPredictionAfterEachWord(FloatModel model, EncodedCorpus corpus)
    {
        var sums = new double[]?[vocabulary];
        var counts = new int[vocabulary];
        var logits = new float[vocabulary];
        var state = model.NewState();
        for (int u = 0; u < corpus.Count; u++)
        {
            EncodedText text = corpus.Texts[u];
            model.Run(state, text, s =>
            {
                int next = s.T;
                if (next >= text.Length) return;
                FloatModel.MatVec(s.h, l, vocabulary, logits);
                Softmax.InPlace(logits);
                int word = text.Ids[next - 1];
                var sum = sums[word] ??= new double[vocabulary];
                for (int v = 0; v < vocabulary; v++) sum[v] += logits[v];
                counts[word]++;
            }, intentLogits: false);
        }
        for (int w = 0; w < vocabulary; w++)
            if (sums[w] is { } sum)
                for (int v = 0; v < vocabulary; v++) sum[v] /= counts[w];
        return sums;
    }

    /// <summary>Mean −log p(w_{t+1} | h_t) in nats over every word after the first position (0 when there is none).</summary>
    public double Surprisal(FloatModel model, EncodedText text)
    {
        var logits = new float[vocabulary];
        double sum = 0;
        int n = 0;
        model.Run(model.NewState(), text, s =>
        {
            int next = s.T;
            if (next >= text.Length) return;
            FloatModel.MatVec(s.h, l, vocabulary, logits);
            Softmax.InPlace(logits);
            sum += -Math.Log(Math.Max(logits[text.Ids[next]], 1e-30f));
            n++;
        });
        return n == 0 ? 0 : sum / n;
    }
}
