using Saffu.Training.FineTuning;
using Saffu.Training.Training;

namespace Saffu.Compare;

/// <summary>One SAFFU configuration of the comparison: its row name and the trainer's options.</summary>
internal sealed record SaffuSystem(string Name, TrainOptions Options)
{
    public bool Trains => Options.FineTune;
}

/// <summary>
/// The four SAFFU systems, all from the trainer's defaults (<see cref="TrainOptions"/>) with the
/// run's seed and optional block / radial sizes:
/// 1. explicit only (no fine-tuning), 2. the same knobs with block and radial off (document
/// context alone), 3. explicit + fine-tune (the `saffu train` default with --valid), 4. backprop
/// only: same model and Adam settings from a random start, a larger epoch budget, and early
/// stopping measured in epochs with more validation points per epoch.
/// </summary>
internal static class SaffuSystems
{
    public const string Explicit = "SAFFU explicit", DocumentOnly = "SAFFU explicit, document only",
        FineTuned = "SAFFU explicit + fine-tune", BackpropOnly = "SAFFU backprop only";

    /// <summary>Validation evaluations per epoch of backprop only (finer time-to-accuracy).</summary>
    public const int BackpropEvaluationsPerEpoch = 2;
    /// <summary>Backprop only stops after this many epochs without a better validation accuracy.</summary>
    public const int BackpropPatienceEpochs = 5;

    public static IReadOnlyList<SaffuSystem> For(CompareSettings settings)
    {
        var defaults = new TrainOptions();
        var model = defaults with
        {
            BlockSize = settings.Block ?? defaults.BlockSize,
            RadialSize = settings.Radial ?? defaults.RadialSize,
            FineTuning = defaults.FineTuning with { Seed = settings.Seed },
        };
        var backprop = model.FineTuning with
        {
            Epochs = settings.BackpropEpochs,
            EvaluationsPerEpoch = BackpropEvaluationsPerEpoch,
            Patience = BackpropPatienceEpochs * BackpropEvaluationsPerEpoch,
        };
        return
        [
            new(Explicit, model with { FineTune = false }),
            new(DocumentOnly, model with { FineTune = false, BlockSize = 0, RadialSize = 0, Document = true }),
            new(FineTuned, model),
            new(BackpropOnly, model with { Start = StartingPoint.Random, FineTuning = backprop }),
        ];
    }

    /// <summary>Whether the document-only system is the same model as the explicit one (defaults without attention).</summary>
    public static bool DocumentOnlyIsDefault(IReadOnlyList<SaffuSystem> systems) =>
        systems[0].Options with { BlockSize = 0, RadialSize = 0, Document = true } == systems[0].Options;
}
