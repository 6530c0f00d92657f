using Saffu.Training.FineTuning;

namespace Saffu.Training.Training;

/// <summary>
/// Hears what training does, as it does it: steps (with a progress sink in units of the step's
/// total), per-layer solve reports, fine-tuning epochs and messages. Every member has a no-op
/// default, so an observer implements only what it shows.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>A step starts; report progress (0..total) to the returned sink.</summary>
    IProgress<long>? StepStarted(string step, long total) => null;
    void StepFinished(string step, TimeSpan elapsed) { }
    /// <summary>One layer was solved explicitly (K, examples).</summary>
    void LayerSolved(LayerReport report) { }
    /// <summary>A fine-tuning epoch ended (validation accuracy against wall-clock time).</summary>
    void EpochFinished(EpochReport epoch) { }
    void Message(string text) { }

    public static readonly ITrainingObserver None = new Silent();

    sealed class Silent : ITrainingObserver;
}

/// <summary>What solving one layer measured: K (the priming number), examples and their weight.</summary>
public sealed record LayerReport(string Layer, int Pass, double K, long Examples, double WeightSum);
