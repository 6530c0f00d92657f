using System.Diagnostics;
using Saffu.Training.Model;
using Saffu.Training.Training;

namespace Saffu.Training.Solver;

/// <summary>
/// Solves every matrix of a SAFFU model in closed form, bottom-up (SAFFU.md §5): for each
/// attention context W from attention targets (refinement passes, starting from uniform), then
/// every U, then O; the tag head alike. Each pass is one streaming count over all prefixes
/// (<see cref="ChunkedPass"/>); the solved layers are written into the model's weights.
/// </summary>
public sealed class ExplicitSolver
{
    readonly FloatModel model;
    readonly SolverOptions options;
    readonly ITrainingObserver observer;
    readonly StatisticsCounter counter;

    public ExplicitSolver(FloatModel model, SolverOptions options, ITrainingObserver? observer = null)
    {
        options.Validate();
        this.model = model;
        this.options = options;
        this.observer = observer ?? ITrainingObserver.None;
        counter = new StatisticsCounter(model, options);
    }

    /// <summary>Prefix examples per second through the first counting pass (all U statistics).</summary>
    public double ExamplesPerSecond { get; private set; }

    /// <summary>Solves all layers from the corpus; returns the final statistics (the training state).</summary>
    public TrainingStatistics Solve(EncodedCorpus corpus)
    {
        SaffuConfig c = model.Config;
        model.Weights = SaffuWeights.Zero(c);
        var stats = new TrainingStatistics();
        for (int pass = 0; pass <= options.RefinementPasses; pass++)
        {
            var counted = Pass($"count U (pass {pass + 1})", corpus, counter.UShapes(first: pass == 0), counter.CountU);
            if (pass == 0) ExamplesPerSecond = corpus.PrefixCount / Math.Max(1e-9, lastElapsed.TotalSeconds);
            stats.Set(counted);
            SolveU(counted, pass);
            if (pass == options.RefinementPasses || !(c.Block || c.Radial)) break;
            var targets = Pass($"count W (pass {pass + 1})", corpus, counter.WShapes(), counter.CountW);
            stats.Set(targets);
            SolveW(targets, pass);
        }
        var heads = Pass("count O", corpus, counter.HeadShapes(), counter.CountHeads);
        stats.Set(heads);
        SolveHeads(heads);
        return stats;
    }

    TimeSpan lastElapsed;

    LayerStatistics[] Pass(string step, EncodedCorpus corpus, LayerStatistics[] shapes,
        Action<LayerStatistics[], CountScratch, EncodedCorpus, int> count)
    {
        var timer = Stopwatch.StartNew();
        var sink = observer.StepStarted(step, corpus.Count);
        var result = ChunkedPass.Run(corpus.Count, shapes, counter.NewScratch, (partial, state, u) => count(partial, state, corpus, u), sink);
        lastElapsed = timer.Elapsed;
        observer.StepFinished(step, lastElapsed);
        return result;
    }

    void SolveU(LayerStatistics[] counted, int pass)
    {
        SaffuWeights w = model.Weights;
        foreach (LayerStatistics s in counted)
        {
            bool document = s.Name == StatisticsCounter.DocumentU;
            float[] solved = ExplicitLayer.Solve(s.F, s.Rows, s.Cols, s.K, options.Epsilon, document ? options.TauD : options.TauU);
            bool context = s.Name is StatisticsCounter.BlockU or StatisticsCounter.RadialU or StatisticsCounter.DocumentU;
            if (context && options.URank > 0 && options.URank < s.Cols) solved = LowRank.Truncate(solved, s.Rows, s.Cols, options.URank);
            switch (s.Name)
            {
                case StatisticsCounter.BlockU: w.BlockU = solved; break;
                case StatisticsCounter.RadialU: w.RadialU = solved; break;
                case StatisticsCounter.DocumentU: w.DocumentU = solved; break;
                default: w.TagU[StatisticsCounter.TagIndex(s.Name)] = solved; break;
            }
            Report(s, pass);
        }
    }

    void SolveW(LayerStatistics[] counted, int pass)
    {
        foreach (LayerStatistics s in counted)
        {
            float[] solved = ExplicitLayer.Solve(s.F, s.Rows, s.Cols, s.K, options.EpsilonW);
            if (s.Name == StatisticsCounter.BlockW) model.Weights.BlockW = solved;
            else model.Weights.RadialW = solved;
            Report(s, pass);
        }
    }

    void SolveHeads(LayerStatistics[] counted)
    {
        foreach (LayerStatistics s in counted)
        {
            float[] solved = ExplicitLayer.Solve(s.F, s.Rows, s.Cols, s.K, options.EpsilonO, options.TauO);
            if (s.Name == StatisticsCounter.IntentO) model.Weights.O = solved;
            else model.Weights.TagO = solved;
            Report(s, 0);
        }
    }

    void Report(LayerStatistics s, int pass) =>
        observer.LayerSolved(new LayerReport(s.Name, pass + 1, s.K, s.Examples, s.WeightSum));
}
