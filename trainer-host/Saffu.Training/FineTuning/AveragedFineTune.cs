using System.Numerics.Tensors;
using Saffu.Training.Model;
using Saffu.Training.Training;

namespace Saffu.Training.FineTuning;

/// <summary>
/// <see cref="FineTuneOptions.AveragedRuns"/> fine-tunes from the same starting weights with consecutive seeds, then the
/// mean of their kept weights (a "model soup": the runs start together and stay in one basin, so the mean is a model of
/// the same shape that decides better than most of its members; docs/training.md, table C).
/// </summary>
public static class AveragedFineTune
{
    /// <summary>Leaves the mean weights in the model; returns their validation accuracy. Every run's evaluations go to <paramref name="history"/>.</summary>
    /// <param name="constraint"><see cref="FineTuner.Constraint"/> of every run (and of the mean).</param>
    public static double Run(FloatModel model, FineTuneOptions options, EncodedCorpus train, EncodedCorpus valid,
        ITrainingObserver observer, List<EpochReport> history, Action<FloatModel>? constraint = null)
    {
        if (options.AveragedRuns == 1)
        {
            var single = new FineTuner(model, options, observer) { Constraint = constraint };
            double accuracy = single.Run(train, valid);
            history.AddRange(single.History);
            return accuracy;
        }
        SaffuWeights start = model.Weights.Clone(), sum = SaffuWeights.Zero(model.Config);
        for (int run = 0; run < options.AveragedRuns; run++)
        {
            model.Weights = start.Clone();
            var tuner = new FineTuner(model, options with { Seed = options.Seed + run }, observer) { Constraint = constraint };
            tuner.Run(train, valid);
            history.AddRange(tuner.History);
            Add(sum, model.Weights, model.Config);
        }
        foreach (var (_, _, _, data) in sum.Tensors(model.Config))
            TensorPrimitives.Multiply(data, 1f / options.AveragedRuns, data);
        model.Weights = sum;
        constraint?.Invoke(model);
        return HeldOutAccuracy.Of(model, valid);
    }

    static void Add(SaffuWeights into, SaffuWeights other, SaffuConfig c)
    {
        var a = into.Tensors(c).ToList();
        var b = other.Tensors(c).ToList();
        for (int k = 0; k < a.Count; k++) TensorPrimitives.Add(a[k].Data, b[k].Data, a[k].Data);
    }
}
