using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Solver;

namespace Saffu.Training.Training;

/// <summary>What <see cref="Trainer.Train"/> produced and measured.</summary>
public sealed record TrainingResult
{
    public required FloatModel Model { get; init; }
    /// <summary>The explicit solution's sufficient statistics (the training state).</summary>
    public required TrainingStatistics Statistics { get; init; }
    /// <summary>Token count of every vocabulary id in the training data.</summary>
    public required long[] WordCounts { get; init; }
    /// <summary>The validation split as read (the model's held-out set); empty without one.</summary>
    public required IReadOnlyList<Utterance> HeldOut { get; init; }
    public required IReadOnlyList<LayerReport> Layers { get; init; }
    public required TrainingMeasurements Measurements { get; init; }
    /// <summary>Fine-tuning evaluations (empty without fine-tuning).</summary>
    public required IReadOnlyList<EpochReport> FineTuneHistory { get; init; }
    /// <summary>The none offset and threshold chosen on the validation split; null without a none class (or validation split).</summary>
    public NoneRejectionChoice? Rejection { get; init; }
}

/// <summary>Counts and accuracies of one training run (deterministic) and its timings (not).</summary>
public sealed record TrainingMeasurements
{
    public int TrainUtterances { get; init; }
    public int DroppedUtterances { get; init; }
    /// <summary>None-class training utterances left out for saying no anchor word (<see cref="TrainOptions.NoneNeedsAnchor"/>).</summary>
    public int UnanchoredNoneLeftOut { get; init; }
    /// <summary>Copies of training utterances with an unknown word inserted (<see cref="TrainOptions.UnknownWordShare"/>).</summary>
    public int UnknownWordCopies { get; init; }
    /// <summary>Copies of command utterances with one recognition-like error (<see cref="TrainOptions.SpeechErrorShare"/>).</summary>
    public int SpeechErrorCopies { get; init; }
    /// <summary>Word dropout copies of training utterances (<see cref="TrainOptions.DropoutCopies"/>).</summary>
    public int DropoutCopies { get; init; }
    public long PrefixExamples { get; init; }
    public int UnmatchedSlots { get; init; }
    public double ExplicitValidAccuracy { get; init; } = double.NaN;
    public double FinalValidAccuracy { get; init; } = double.NaN;
    public double ExplicitSeconds { get; init; }
    public double FineTuneSeconds { get; init; }
    public double ExamplesPerSecond { get; init; }
}
