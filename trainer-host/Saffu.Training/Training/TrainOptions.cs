using Saffu.Training.FineTuning;
using Saffu.Training.Solver;

namespace Saffu.Training.Training;

/// <summary>Whether the model gets a slot tag head.</summary>
public enum TagHeadMode
{
    /// <summary>When any training utterance has slots.</summary>
    Auto,
    On,
    Off,
}

/// <summary>Every knob of `saffu train` (docs/training.md gives the measured defaults).</summary>
public sealed record TrainOptions
{
    /// <summary>Largest b chosen automatically (the blob's limit).</summary>
    public const int MaxBits = 4096;

    /// <summary>b; 0 = automatic: the vocabulary size (one code bit per word: exact naive Bayes in the document part), at most <see cref="MaxBits"/>.</summary>
    public int Bits { get; init; }
    public bool PrependSod { get; init; }
    /// <summary>Positions per utterance including &lt;sod&gt;; later words are dropped (blob maxWords).</summary>
    public int MaxWords { get; init; } = 64;
    /// <summary>B (0 = no block context).</summary>
    public int BlockSize { get; init; }
    /// <summary>r (0 = no radial context).</summary>
    public int RadialSize { get; init; }
    public bool Document { get; init; } = true;
    public TagHeadMode TagHead { get; init; } = TagHeadMode.Auto;
    /// <summary>R_T: words the tag head looks at (the pivot and R_T − 1 before it).</summary>
    public int TagOffsets { get; init; } = 2;
    public bool TagIncludesIntentParts { get; init; } = true;
    public SolverOptions Solver { get; init; } = new();
    /// <summary>Fine-tune after the explicit solution (needs a validation split for early stopping).</summary>
    public bool FineTune { get; init; } = true;
    public FineTuneOptions FineTuning { get; init; } = new();
    /// <summary>The reject threshold is chosen on the validation split for at most this false rejection.</summary>
    public double MaxFalseRejection { get; init; } = 0.02;
}
