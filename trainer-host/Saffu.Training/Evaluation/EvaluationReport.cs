namespace Saffu.Training.Evaluation;

/// <summary>
/// Everything `saffu eval` reports (docs/cli.md, `## saffu eval`). Fractions are 0–1. The JSON
/// keys are the snake_case names written by <see cref="EvaluationJson"/>.
/// </summary>
public sealed record EvaluationReport
{
    /// <summary>Test utterances (`n`).</summary>
    public required int N { get; init; }
    /// <summary>Out-of-domain utterances (`n_ood`); null without `--ood`.</summary>
    public int? NOod { get; init; }

    /// <summary>Closed-set top-1 on the full utterance, rejection ignored (`accuracy`).</summary>
    public required double Accuracy { get; init; }
    public required double MacroF1 { get; init; }
    /// <summary>Expected calibration error of the closed-set top probability, 15 bins (`ece`).</summary>
    public required double Ece { get; init; }

    /// <summary>The model's calibration temperature and stored rejection threshold.</summary>
    public required double Temperature { get; init; }
    public required double Threshold { get; init; }
    /// <summary>Name of the model's trained none class, or null.</summary>
    public string? NoneIntent { get; init; }

    /// <summary>Share of test utterances rejected at <see cref="Threshold"/> (`false_rejection`).</summary>
    public required double FalseRejection { get; init; }
    /// <summary>Share of out-of-domain utterances rejected at <see cref="Threshold"/> (`ood_rejection`); null without `--ood`.</summary>
    public double? OodRejection { get; init; }
    /// <summary>Information only: the threshold chosen on the test set itself.</summary>
    public required OracleRejection Oracle { get; init; }

    /// <summary>The closed-set intents (all but the none class), in model order: the per-intent and confusion axes.</summary>
    public required IReadOnlyList<string> Intents { get; init; }
    public required IReadOnlyList<IntentMetrics> PerIntent { get; init; }
    /// <summary>(intents × intents): Confusion[true][predicted].</summary>
    public required int[][] Confusion { get; init; }
    public required IReadOnlyList<ReliabilityBin> Reliability { get; init; }
    public required IReadOnlyList<AnticipationPoint> Anticipation { get; init; }

    /// <summary>Share of test utterances whose top intent equals the reference scorer's; null without one.</summary>
    public double? Agreement { get; init; }
    /// <summary>Largest |calibrated probability − reference's| over test utterances and intents; null without a reference.</summary>
    public double? MaxProbabilityError { get; init; }
    /// <summary>See <see cref="SlotMatch"/>; null when not defined.</summary>
    public double? SlotExactMatch { get; init; }

    /// <summary>What was evaluated, as given (for the reader of the JSON); null when not known.</summary>
    public string? Model { get; init; }
    public string? Test { get; init; }
    public string? Ood { get; init; }

    /// <summary>With a blob: what the device's planner does with the --test sentences (null for a model folder).</summary>
    public Simulation.ActionReport? Actions { get; init; }
    /// <summary>With a blob and --near-miss: what it does with the near misses.</summary>
    public Simulation.ActionReport? NearMiss { get; init; }
    public string? NearMissPath { get; init; }
}
