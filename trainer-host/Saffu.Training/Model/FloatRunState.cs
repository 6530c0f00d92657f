namespace Saffu.Training.Model;

/// <summary>
/// Buffers of one utterance in progress (the float counterpart of the firmware's RunState),
/// allocated once per model. After <see cref="FloatModel.Step"/> the fields hold that position's
/// intermediates, which fine-tuning reads for backpropagation.
/// </summary>
public sealed class FloatRunState
{
    public FloatRunState(SaffuConfig c)
    {
        int l = c.LabelDim, w = c.MaxWords;
        Ids = new int[w];
        PB = new float[c.Block ? w * l : 0];
        PR = new float[c.Radial ? w * l : 0];
        gD = new float[c.Document ? l : 0];
        PT = Enumerable.Range(0, c.TagOffsets).Select(_ => new float[w * c.TagCount]).ToArray();
        cB = new float[c.BlockSize]; zB = new float[c.BlockSize]; aB = new float[c.BlockSize];
        gB = new float[c.Block ? l : 0]; sB = new float[gB.Length];
        cR = new float[c.RadialSize]; zR = new float[c.RadialSize]; aR = new float[c.RadialSize];
        gR = new float[c.Radial ? l : 0]; sR = new float[gR.Length];
        sD = new float[gD.Length];
        h = new float[c.Parts * l];
        Logits = new float[c.IntentCount];
        q = new float[c.TagOffsets * c.TagCount];
        hTag = new float[c.TagInputs];
        TagScores = new float[c.TagCount];
    }

    /// <summary>Positions pushed so far (t of the last step).</summary>
    public int T;
    /// <summary>Ids by position, 0-based (position t is Ids[t − 1]).</summary>
    public readonly int[] Ids;

    // Per-position caches: P_U[w_p] for each U, b′ (or G) floats per position p (0-based).
    public readonly float[] PB, PR;
    public readonly float[][] PT;
    /// <summary>g_D = Σ_p P_UD[w_p] (b′).</summary>
    public readonly float[] gD;

    // Block at the last step: p0 (0-based position of local index 0), n, c, z, a (n used), g, s.
    public int p0B, nB;
    public readonly float[] cB, zB, aB, gB, sB;
    // Radial at the last step: n, c, z, a (local 0 = pivot), g, s.
    public int nR;
    public readonly float[] cR, zR, aR, gR, sR;
    public readonly float[] sD;
    /// <summary>h = [s_B; s_R; s_D] (present parts).</summary>
    public readonly float[] h;
    /// <summary>h · O at the last step (before the temperature).</summary>
    public readonly float[] Logits;
    /// <summary>q_j (R_T × G) at the last step.</summary>
    public readonly float[] q;
    public readonly float[] hTag;
    public readonly float[] TagScores;

    public void Reset()
    {
        T = 0;
        Array.Clear(gD);
    }
}
