using Saffu.Training.Model;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Solver;

/// <summary>
/// Adds one utterance's prefixes to the statistics of each layer (SAFFU.md §5 table). Inputs
/// x, targets y, weight w (1 for the whole utterance, the prefix weight otherwise):
/// document U: x = d_t (the code sum, K = mean prefix length); attention U: x = τ_U·v;
/// W: x = c, y = attention targets; O: x = τ_O·h; tag U_j: x = τ_U·x_{t−j}; O_tag: x = τ_O·h_tag.
/// </summary>
public sealed class StatisticsCounter
{
    public const string BlockU = "block.U", BlockW = "block.W", RadialU = "radial.U", RadialW = "radial.W";
    public const string DocumentU = "document.U", IntentO = "intent.O", TagO = "tag.O", TagUPrefix = "tag.U";

    readonly FloatModel model;
    readonly SaffuConfig c;
    readonly WordCodes codes;
    readonly SolverOptions options;

    public StatisticsCounter(FloatModel model, SolverOptions options)
    {
        this.model = model;
        c = model.Config;
        codes = model.Codes;
        this.options = options;
    }

    /// <summary>Per-chunk buffers: a run state for the forward pass and one context's c, z, a.</summary>
    public CountScratch NewScratch() => new(model.NewState(), Math.Max(c.BlockSize, c.RadialSize));

    public static int TagIndex(string name) => int.Parse(name[TagUPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>U statistics; the document and tag U depend on no W, so only the first pass counts them.</summary>
    public LayerStatistics[] UShapes(bool first)
    {
        var list = new List<LayerStatistics>();
        if (c.Block) list.Add(new(BlockU, c.Bits, c.LabelDim));
        if (c.Radial) list.Add(new(RadialU, c.Bits, c.LabelDim));
        if (first && c.Document) list.Add(new(DocumentU, c.Bits, c.LabelDim));
        if (first) for (int j = 0; j < c.TagOffsets; j++) list.Add(new(TagUPrefix + j, c.Bits, c.TagCount));
        return list.ToArray();
    }

    public LayerStatistics[] WShapes()
    {
        var list = new List<LayerStatistics>();
        if (c.Block) list.Add(new(BlockW, c.BlockSize, c.BlockSize));
        if (c.Radial) list.Add(new(RadialW, c.RadialSize, c.RadialSize));
        return list.ToArray();
    }

    public LayerStatistics[] HeadShapes()
    {
        var list = new List<LayerStatistics> { new(IntentO, c.Parts * c.LabelDim, c.IntentCount) };
        if (c.TagHead) list.Add(new(TagO, c.TagInputs, c.TagCount));
        return list.ToArray();
    }

    double Weight(int e, int length) => EncodedCorpus.PrefixWeight(e, length, options.PrefixWeight);

    public void CountU(LayerStatistics[] stats, CountScratch scratch, EncodedCorpus corpus, int u)
    {
        var text = corpus.Texts[u];
        int y = corpus.Intents[u];
        foreach (LayerStatistics s in stats)
        {
            switch (s.Name)
            {
                case BlockU: CountAttentionU(s, text.Ids, text.FirstWord, y, block: true, scratch); break;
                case RadialU: CountAttentionU(s, text.Ids, text.FirstWord, y, block: false, scratch); break;
                case DocumentU: CountDocument(s, text.Ids, text.FirstWord, y); break;
                default: CountTagU(s, text.Ids, corpus.Tags![u], TagIndex(s.Name)); break;
            }
        }
    }

    /// <summary>F[:, y] += w_e · d_e for every prefix e, as Σ_p x_{w_p} · (Σ_{e ≥ p} w_e); ‖d_e‖₁ = e + 1.</summary>
    void CountDocument(LayerStatistics s, int[] ids, int first, int y)
    {
        int length = ids.Length;
        double after = 0;
        for (int p = length - 1; p >= 0; p--)
        {
            if (p >= first)
            {
                double w = Weight(p, length);
                if (w > 0) s.Count(w, p + 1);
                after += w;
            }
            if (after > 0) AddCode(s, ids[p], y, after);
        }
    }

    /// <summary>F[:, y] += w_e · τ_U · v with v = Σ_i a_i x_i under the current W.</summary>
    void CountAttentionU(LayerStatistics s, int[] ids, int first, int y, bool block, CountScratch scratch)
    {
        int size = block ? c.BlockSize : c.RadialSize;
        float[] wMatrix = (block ? model.Weights.BlockW : model.Weights.RadialW)!;
        for (int e = first; e < ids.Length; e++)
        {
            double w = Weight(e, ids.Length);
            if (w == 0) continue;
            int n = Context(ids, e, block, size, scratch.C);
            FloatModel.Attend(scratch.C, wMatrix, size, n, scratch.Z, scratch.A);
            for (int i = 0; i < n; i++) AddCode(s, ids[Position(e, i, block, size)], y, w * options.TauU * scratch.A[i]);
            s.Count(w, options.TauU);
        }
    }

    /// <summary>
    /// Attention targets (EM form, SAFFU.md §5/§10): t_k ∝ a_k · p_U(y | x_k), uniform when all are
    /// zero; F[i, j] += w_e · c_i · t_j over the leading n × n block.
    /// </summary>
    public void CountW(LayerStatistics[] stats, CountScratch scratch, EncodedCorpus corpus, int u)
    {
        int[] ids = corpus.Texts[u].Ids;
        int first = corpus.Texts[u].FirstWord, y = corpus.Intents[u];
        foreach (LayerStatistics s in stats)
        {
            bool block = s.Name == BlockW;
            int size = block ? c.BlockSize : c.RadialSize;
            float[] wMatrix = (block ? model.Weights.BlockW : model.Weights.RadialW)!;
            float[] uMatrix = (block ? model.Weights.BlockU : model.Weights.RadialU)!;
            float[] likelihood = LabelLikelihoods(ids, uMatrix, y);
            for (int e = first; e < ids.Length; e++)
            {
                double w = Weight(e, ids.Length);
                if (w == 0) continue;
                int n = Context(ids, e, block, size, scratch.C);
                FloatModel.Attend(scratch.C, wMatrix, size, n, scratch.Z, scratch.A);
                double sum = 0;
                for (int k = 0; k < n; k++) sum += scratch.A[k] * likelihood[Position(e, k, block, size)];
                double norm = 0;
                for (int i = 0; i < n; i++)
                {
                    norm += scratch.C[i];
                    if (scratch.C[i] == 0) continue;
                    for (int j = 0; j < n; j++)
                    {
                        double target = sum > 0 ? scratch.A[j] * likelihood[Position(e, j, block, size)] / sum : 1.0 / n;
                        s.F[i * size + j] += w * scratch.C[i] * target;
                    }
                }
                s.Count(w, norm);
            }
        }
    }

    /// <summary>p_U(y | x_p) = softmax(P_U[w_p])[y] for every position.</summary>
    float[] LabelLikelihoods(int[] ids, float[] uMatrix, int y)
    {
        var result = new float[ids.Length];
        var p = new float[c.LabelDim];
        for (int i = 0; i < ids.Length; i++)
        {
            Array.Clear(p);
            codes.AddProjection(ids[i], uMatrix, c.LabelDim, p);
            Softmax.InPlace(p);
            result[i] = p[y];
        }
        return result;
    }

    /// <summary>F[:, tag_e] += τ_U · x_{w_{e−j}} for every word e with e − j ≥ 0 (weight 1).</summary>
    void CountTagU(LayerStatistics s, int[] ids, int[] tags, int j)
    {
        for (int e = 0; e < ids.Length; e++)
        {
            if (tags[e] < 0 || e - j < 0) continue;
            AddCode(s, ids[e - j], tags[e], options.TauU);
            s.Count(1, options.TauU);
        }
    }

    /// <summary>O: F[:, y] += w_e · τ_O · h; O_tag: F[:, tag_e] += τ_O · h_tag (forward pass with the solved U and W).</summary>
    public void CountHeads(LayerStatistics[] stats, CountScratch scratch, EncodedCorpus corpus, int u)
    {
        var text = corpus.Texts[u];
        int y = corpus.Intents[u];
        int[]? tags = corpus.Tags?[u];
        double tau = options.TauO;
        model.Run(scratch.State, text, state =>
        {
            int e = state.T - 1;
            if (e < text.FirstWord) return;
            double w = Weight(e, text.Length);
            if (w > 0)
            {
                AddRow(stats[0], state.h, y, w * tau);
                stats[0].Count(w, tau * c.Parts);
            }
            if (c.TagHead && tags![e] >= 0)
            {
                AddRow(stats[1], state.hTag, tags[e], tau);
                stats[1].Count(1, tau * (c.TagOffsets + (c.TagIncludesIntentParts ? c.Parts : 0)));
            }
        }, intentLogits: false); // O is what this pass solves: only h is read
    }

    /// <summary>Comparisons of the context words with the pivot at position e; returns n.</summary>
    int Context(int[] ids, int e, bool block, int size, float[] cmp)
    {
        int n = block ? e - (e / size) * size + 1 : Math.Min(e + 1, size);
        for (int i = 0; i < n; i++) cmp[i] = codes.Compare(ids[Position(e, i, block, size)], ids[e]);
        return n;
    }

    /// <summary>Position of local index i: block i = p0 + i; radial i = e − i (0 = pivot).</summary>
    static int Position(int e, int i, bool block, int size) => block ? (e / size) * size + i : e - i;

    /// <summary>F[i, target] += amount · x_w[i].</summary>
    void AddCode(LayerStatistics s, int id, int target, double amount)
    {
        codes.AddOuter(id, amount, s.F, s.Cols, target);
    }

    static void AddRow(LayerStatistics s, float[] x, int target, double scale)
    {
        for (int r = 0; r < x.Length; r++) s.F[r * s.Cols + target] += scale * x[r];
    }
}

/// <summary>Buffers of one counting chunk.</summary>
public sealed class CountScratch(FloatRunState state, int contextSize)
{
    public FloatRunState State { get; } = state;
    public float[] C { get; } = new float[contextSize];
    public float[] Z { get; } = new float[contextSize];
    public float[] A { get; } = new float[contextSize];
}
