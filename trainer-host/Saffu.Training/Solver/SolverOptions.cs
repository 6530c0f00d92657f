namespace Saffu.Training.Solver;

/// <summary>The knobs of the explicit solution (SAFFU.md §2, §5); defaults are the measured choices of docs/training.md.</summary>
public sealed record SolverOptions
{
    /// <summary>ε of W = log(F + ε) − ((K−1)/K)·log(Σ_j F + ε) for every U (and the document part).</summary>
    public double Epsilon { get; init; } = 0.1;
    /// <summary>ε for the attention matrices W.</summary>
    public double EpsilonW { get; init; } = 0.1;
    /// <summary>ε for the output matrices O and O_tag.</summary>
    public double EpsilonO { get; init; } = 0.1;
    /// <summary>τ_U: evidence strength of the attended vector v (and the tag head's codes); K = τ_U.</summary>
    public double TauU { get; init; } = 5;
    /// <summary>τ_D: scale of the solved document U (1 = SAFFU.md §4 as written). Below 1 it softens s_D, which otherwise
    /// saturates (the code sum grows with the prefix), so O sees graded evidence instead of a near one-hot vote.</summary>
    public double TauD { get; init; } = 1;
    /// <summary>τ_O: evidence strength of the s-vectors; K = τ_O × parts.</summary>
    public double TauO { get; init; } = 10;
    /// <summary>W solves from attention targets, 0..4 (0 = uniform attention, W = 0).</summary>
    public int RefinementPasses { get; init; } = 1;
    /// <summary>Weight of every prefix but the whole utterance (weight 1); 0 trains on whole utterances only.</summary>
    public double PrefixWeight { get; init; } = 0.03;

    /// <summary>
    /// Structured layers: above 0, every context U (block, radial, document) is replaced by its nearest rank-r matrix as
    /// soon as it is solved (<see cref="LowRank"/>, truncated SVD; W and O are then solved on top of it, and fine-tuning
    /// is truncated again). 0 = dense.
    /// </summary>
    public int URank { get; init; }

    public void Validate()
    {
        Check(URank is >= 0 and <= 255, "U rank", URank, "0 (dense) or 1..255");
        Check(Epsilon > 0 && double.IsFinite(Epsilon), "epsilon", Epsilon, "> 0");
        Check(EpsilonW > 0 && double.IsFinite(EpsilonW), "epsilon-w", EpsilonW, "> 0");
        Check(EpsilonO > 0 && double.IsFinite(EpsilonO), "epsilon-o", EpsilonO, "> 0");
        Check(TauU > 0 && double.IsFinite(TauU), "tau-u", TauU, "> 0");
        Check(TauO > 0 && double.IsFinite(TauO), "tau-o", TauO, "> 0");
        Check(TauD > 0 && double.IsFinite(TauD), "tau-d", TauD, "> 0");
        Check(RefinementPasses is >= 0 and <= 4, "refinement passes", RefinementPasses, "0..4");
        Check(PrefixWeight is >= 0 and <= 1, "prefix weight", PrefixWeight, "0..1");
    }

    static void Check(bool ok, string name, double value, string expected)
    {
        if (!ok) throw new ArgumentException($"The {name} {value} is invalid; expected {expected}.");
    }
}
