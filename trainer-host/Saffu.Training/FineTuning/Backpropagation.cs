using System.Numerics.Tensors;
using Saffu.Training.Model;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.FineTuning;

/// <summary>
/// The loss of fine-tuning and its gradient with respect to every W, U and O, written by hand
/// (SAFFU.md §6). Loss of one utterance: Σ_e w_e · (−log y_e[label]) over its prefixes e, plus
/// λ_tag · Σ_e (−log softmax(tagScores_e)[tag_e]) with a tag head. The forward pass is
/// <see cref="FloatModel.Step"/>; backpropagation reads its intermediates from the run state
/// right after each step. Word codes are frozen.
/// </summary>
public sealed class Backpropagation
{
    readonly FloatModel model;
    readonly FineTuneOptions options;
    readonly FloatRunState s;
    readonly SaffuConfig c;
    readonly float[] probs, dLogits, dh, after, dg, da, dz, tagProbs, dTag, dhTag, dq, dgD;

    public Backpropagation(FloatModel model, FineTuneOptions options)
    {
        this.model = model;
        this.options = options;
        c = model.Config;
        s = model.NewState();
        int l = c.LabelDim, size = Math.Max(c.BlockSize, c.RadialSize);
        probs = new float[c.IntentCount]; dLogits = new float[c.IntentCount];
        dh = new float[c.Parts * l]; after = new float[l]; dg = new float[l];
        da = new float[size]; dz = new float[size];
        tagProbs = new float[c.TagCount]; dTag = new float[c.TagCount]; dhTag = new float[c.TagInputs]; dq = new float[c.TagCount];
        dgD = new float[c.MaxWords * l];
    }

    /// <summary>
    /// Adds one utterance's gradient to <paramref name="grad"/> (when not null) and returns its
    /// loss and the weight it counts for (Σ_e w_e).
    /// </summary>
    public (double Loss, double Weight) Utterance(EncodedText text, int label, int[]? tags, SaffuWeights? grad)
    {
        double loss = 0, weight = 0;
        int l = c.LabelDim;
        s.Reset();
        for (int p = 0; p < text.Length; p++)
        {
            if (!model.Step(s, text.Ids[p])) break;
            Array.Clear(dgD, p * l, l);
            if (p < text.FirstWord) continue;
            Array.Clear(dh);
            double w = EncodedCorpus.PrefixWeight(p, text.Length, options.PrefixWeight);
            if (w > 0)
            {
                loss += w * IntentLoss(label, (float)w, grad);
                weight += w;
            }
            if (c.TagHead && tags is not null && tags[p] >= 0 && options.TagWeight > 0)
                loss += options.TagWeight * TagLoss(p, tags[p], (float)options.TagWeight, grad);
            if (grad is not null) ThroughContexts(p, grad);
        }
        if (grad is not null && c.Document && options.TrainU) DocumentRows(text, s.T, grad.DocumentU!);
        return (loss, weight);
    }

    /// <summary>−log softmax(logits)[y]; dLogits = w·(y − onehot); dO += h ⊗ dLogits; dh += O · dLogits.</summary>
    double IntentLoss(int label, float w, SaffuWeights? grad)
    {
        Softmax.Into(s.Logits, probs);
        double loss = -Math.Log(Math.Max(probs[label], 1e-30f));
        if (grad is null) return loss;
        TensorPrimitives.Multiply(probs, w, dLogits);
        dLogits[label] -= w;
        OuterAndBack(s.h, dLogits, model.Weights.O, options.TrainO ? grad.O : null, dh);
        return loss;
    }

    /// <summary>Tag cross-entropy; its gradient flows into O_tag, each U_Tj and (with the flag) the intent parts.</summary>
    double TagLoss(int p, int tag, float lambda, SaffuWeights? grad)
    {
        Softmax.Into(s.TagScores, tagProbs);
        double loss = -Math.Log(Math.Max(tagProbs[tag], 1e-30f));
        if (grad is null) return loss;
        TensorPrimitives.Multiply(tagProbs, lambda, dTag);
        dTag[tag] -= lambda;
        Array.Clear(dhTag);
        OuterAndBack(s.hTag, dTag, model.Weights.TagO!, options.TrainO ? grad.TagO : null, dhTag);
        int g = c.TagCount;
        for (int j = 0; j < c.TagOffsets; j++)
        {
            if (p - j < 0 || !options.TrainU) continue;
            SoftmaxBack(s.q.AsSpan(j * g, g), dhTag.AsSpan(j * g, g), dq);
            AddToRows(s.Ids[p - j], dq, 1f, grad.TagU[j], g);
        }
        if (c.TagIncludesIntentParts)
            TensorPrimitives.Add(dh, dhTag.AsSpan(c.TagOffsets * g), dh);
        return loss;
    }

    /// <summary>dh → each context: ds → dg (softmax) → dU rows, and for attention dz → dW.</summary>
    void ThroughContexts(int p, SaffuWeights grad)
    {
        int l = c.LabelDim, part = 0;
        if (c.Block) Attention(dh.AsSpan(part++ * l, l), s.sB, s.PB, s.aB, s.cB, s.nB, s.p0B, +1, c.BlockSize,
            grad.BlockU!, grad.BlockW!);
        if (c.Radial) Attention(dh.AsSpan(part++ * l, l), s.sR, s.PR, s.aR, s.cR, s.nR, p, -1, c.RadialSize,
            grad.RadialU!, grad.RadialW!);
        if (c.Document) SoftmaxBack(s.sD, dh.AsSpan(part * l, l), dgD.AsSpan(p * l, l));
    }

    void Attention(ReadOnlySpan<float> dsPart, float[] sv, float[] pCache, float[] a, float[] cmp, int n, int first, int step,
        int size, float[] gradU, float[] gradW)
    {
        int l = c.LabelDim;
        SoftmaxBack(sv, dsPart, dg);
        for (int i = 0; i < n; i++)
        {
            int position = first + step * i;
            if (options.TrainU) AddToRows(s.Ids[position], dg, a[i], gradU, l);
            da[i] = TensorPrimitives.Dot(pCache.AsSpan(position * l, l), dg);
        }
        if (!options.TrainW) return;
        SoftmaxBack(a.AsSpan(0, n), da.AsSpan(0, n), dz);
        for (int i = 0; i < n; i++)
            if (cmp[i] != 0) TensorPrimitives.MultiplyAdd(dz.AsSpan(0, n), cmp[i], gradW.AsSpan(i * size, n), gradW.AsSpan(i * size, n));
    }

    /// <summary>Word p's code rows of dU_D get Σ_{e ≥ p} dg_D(e) (g_D(e) sums every word up to e).</summary>
    void DocumentRows(EncodedText text, int pushed, float[] gradU)
    {
        int l = c.LabelDim;
        Array.Clear(after);
        for (int p = pushed - 1; p >= 0; p--)
        {
            TensorPrimitives.Add(after, dgD.AsSpan(p * l, l), after);
            AddToRows(text.Ids[p], after, 1f, gradU, l);
        }
    }

    /// <summary>dx = s ⊙ (dy − s·dy): the softmax's backward pass.</summary>
    static void SoftmaxBack(ReadOnlySpan<float> sv, ReadOnlySpan<float> dy, Span<float> dx)
    {
        float dot = TensorPrimitives.Dot(sv, dy);
        TensorPrimitives.Subtract(dy, dot, dx[..sv.Length]);
        TensorPrimitives.Multiply(dx[..sv.Length], sv, dx[..sv.Length]);
    }

    /// <summary>dM += x ⊗ dy (when dM is given); dx += M · dy.</summary>
    static void OuterAndBack(float[] x, float[] dy, float[] m, float[]? dM, float[] dx)
    {
        int cols = dy.Length;
        for (int r = 0; r < x.Length; r++)
        {
            if (dM is not null && x[r] != 0) TensorPrimitives.MultiplyAdd(dy, x[r], dM.AsSpan(r * cols, cols), dM.AsSpan(r * cols, cols));
            dx[r] += TensorPrimitives.Dot(m.AsSpan(r * cols, cols), dy);
        }
    }

    /// <summary>dU[i, :] += scale · x_w[i] · dP for every non-zero bit i of the word's vector (P = x·U).</summary>
    void AddToRows(int id, ReadOnlySpan<float> dP, float scale, float[] gradU, int cols) =>
        model.Codes.AddToRows(id, dP, scale, gradU, cols);
}
