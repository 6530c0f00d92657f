namespace Saffu.Training.FineTuning;

/// <summary>Adam fine-tuning knobs (SAFFU.md §6); defaults are the measured choices of docs/training.md.</summary>
public sealed record FineTuneOptions
{
    /// <summary>Passes over the training utterances at most.</summary>
    public int Epochs { get; init; } = 8;
    /// <summary>Utterances per minibatch (each brings all its prefixes).</summary>
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 0.003;
    public double Beta1 { get; init; } = 0.9;
    public double Beta2 { get; init; } = 0.999;
    public double AdamEpsilon { get; init; } = 1e-8;
    /// <summary>Stop after this many evaluations without a better validation accuracy (the best weights are kept).</summary>
    public int Patience { get; init; } = 2;
    /// <summary>Validation evaluations per epoch (more points on the accuracy-against-time curve).</summary>
    public int EvaluationsPerEpoch { get; init; } = 1;
    /// <summary>Weight of every prefix but the whole utterance in the loss.</summary>
    public double PrefixWeight { get; init; } = 0.03;
    /// <summary>Weight of the tag loss (per word) next to the intent loss.</summary>
    public double TagWeight { get; init; } = 1;
    /// <summary>Which matrices move (the word codes never do).</summary>
    public bool TrainW { get; init; } = true;
    public bool TrainU { get; init; } = true;
    public bool TrainO { get; init; } = true;
    /// <summary>
    /// Divide O by the temperature fitted on the validation split before the first step. The explicit solution's logits
    /// are 7–15× too confident (HWU64), so without this Adam spends its epochs shrinking them: the training loss falls
    /// from 2.3 to 0.6 while validation accuracy stays where it started (docs/training.md, table C).
    /// </summary>
    public bool FoldTemperature { get; init; } = true;
    /// <summary>Seed of the minibatch order (and of the random start of backprop-only training).</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Standard deviation of the random start's weights.</summary>
    public double InitScale { get; init; } = 1.0;
    /// <summary>
    /// Probability that a word (never &lt;sod&gt;) of a training utterance is read as &lt;oov&gt; in a minibatch, drawn
    /// again every epoch from the seed: the model learns not to lean on one word and what an unknown word says.
    /// </summary>
    public double WordDropout { get; init; }
    /// <summary>
    /// Fine-tunes from the same start with seeds Seed, Seed+1, … and averages their kept weights (one model of the same
    /// shape: the blob and the runtime do not change). 1: a single run.
    /// </summary>
    public int AveragedRuns { get; init; } = 1;

    public void Validate()
    {
        Check(Epochs is >= 0 and <= 10000, "epochs", Epochs, "0..10000");
        Check(BatchSize is >= 1 and <= 100000, "batch size", BatchSize, "1..100000");
        Check(LearningRate > 0 && LearningRate < 10, "learning rate", LearningRate, "> 0 and < 10");
        Check(Beta1 is >= 0 and < 1, "beta1", Beta1, "0 ≤ β1 < 1");
        Check(Beta2 is >= 0 and < 1, "beta2", Beta2, "0 ≤ β2 < 1");
        Check(Patience >= 1, "patience", Patience, "≥ 1");
        Check(EvaluationsPerEpoch is >= 1 and <= 1000, "evaluations per epoch", EvaluationsPerEpoch, "1..1000");
        Check(PrefixWeight is >= 0 and <= 1, "prefix weight", PrefixWeight, "0..1");
        Check(TagWeight >= 0, "tag weight", TagWeight, "≥ 0");
        Check(InitScale > 0, "init scale", InitScale, "> 0");
        Check(WordDropout is >= 0 and < 1, "word dropout", WordDropout, "0 ≤ p < 1");
        Check(AveragedRuns is >= 1 and <= 16, "averaged runs", AveragedRuns, "1..16");
    }

    static void Check(bool ok, string name, double value, string expected)
    {
        if (!ok) throw new ArgumentException($"The fine-tuning {name} {value} is invalid; expected {expected}.");
    }
}
