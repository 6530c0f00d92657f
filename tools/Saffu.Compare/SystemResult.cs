using Saffu.Training.Evaluation;

namespace Saffu.Compare;

/// <summary>One point of a validation-accuracy-against-time curve (seconds since training started).</summary>
internal readonly record struct CurvePoint(double Seconds, double ValidAccuracy, double Epoch);

/// <summary>One row of the comparison: what a system scored on test and OOD, and what its training cost.</summary>
internal sealed record SystemResult
{
    public required string Name { get; init; }
    /// <summary>Test accuracy, macro-F1, and rejection at the threshold chosen on valid.</summary>
    public required EvaluationReport Report { get; init; }
    /// <summary>Wall clock of the training call (data reading excluded; see <see cref="Timing"/>): the median of <see cref="Fits"/>.</summary>
    public double TrainSeconds => Fits.Median;
    /// <summary>Every timed warm fit of the system (<see cref="FitTimes.Repetitions"/> for the systems a bar times, else one).</summary>
    public required FitTimes Fits { get; init; }
    /// <summary>Closed-set accuracy on the extra dev set (slurp-dev); null when the run has none.</summary>
    public double? DevAccuracy { get; init; }
    /// <summary>Validation accuracy of the model kept (the best epoch with early stopping).</summary>
    public required double ValidAccuracy { get; init; }
    public required long Parameters { get; init; }
    /// <summary>Parameters that are not zero, when the model is sparse (ML.NET's L1-regularised weights).</summary>
    public long? NonZeroParameters { get; init; }
    /// <summary>Bytes as the table shows them (float32 weights, or the saved model file).</summary>
    public required long Bytes { get; init; }
    public required string BytesKind { get; init; }
    /// <summary>Bytes of the whole blob v1 `saffu export` writes with its defaults (SAFFU only).</summary>
    public long? BlobBytes { get; init; }
    /// <summary>Validation accuracy against the training clock; empty for a system with no training curve.</summary>
    public IReadOnlyList<CurvePoint> Curve { get; init; } = [];
    /// <summary>Seconds of the explicit solve alone (SAFFU systems that start from it).</summary>
    public double? ExplicitSeconds { get; init; }
    public double? ExplicitValidAccuracy { get; init; }
    /// <summary>Prefix examples per second of the first counting pass, and how many there are.</summary>
    public double? ExamplesPerSecond { get; init; }
    public long? PrefixExamples { get; init; }
    /// <summary>Epoch budget and epochs run (fine-tuned systems).</summary>
    public int? EpochBudget { get; init; }
    public double? EpochsRun { get; init; }
    /// <summary>What <see cref="TrainSeconds"/> includes.</summary>
    public required string Timing { get; init; }
}
