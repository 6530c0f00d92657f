using Saffu.Training.Training;

namespace Saffu.Compare;

/// <summary>
/// Runs every system once on a small slice before anything is timed, so that JIT compilation
/// (which would otherwise land in whichever system runs first) is in no row's time.
/// </summary>
internal static class Warmup
{
    public const int Stride = 15;

    public static void Run(IReadOnlyList<SaffuSystem> systems, ComparisonData data, int seed)
    {
        var slice = data.Slice(Stride);
        foreach (var system in systems)
        {
            var options = system.Options with { FineTuning = system.Options.FineTuning with { Epochs = 1 } };
            var trained = Trainer.Train(slice.Train, slice.Valid, options);
            Saffu.Training.Evaluation.Evaluator.Evaluate(new(trained.Model, slice.Valid));
        }
        MlNetBaseline.Fit(new Microsoft.ML.MLContext(seed), slice.Train);
    }
}
