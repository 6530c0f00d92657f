using System.Diagnostics;
using Saffu.Training.Evaluation;
using Saffu.Training.Model;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.FineTuning;

/// <summary>
/// Adam over W, U and O (word codes frozen) on the weighted cross-entropy of all prefixes, in
/// minibatches of utterances, with early stopping on validation accuracy (the best weights are
/// kept). From the explicit solution this is "explicit + fine-tune"; after <see cref="RandomStart"/>
/// it is the "backprop only" baseline. Each minibatch is split into <see cref="Shards"/> fixed
/// halves computed in parallel and added in order, so runs are repeatable.
/// </summary>
public sealed class FineTuner
{
    /// <summary>Gradient shards per minibatch (fixed, not the core count, so sums never change order).</summary>
    public const int Shards = 2;

    readonly FloatModel model;
    readonly FineTuneOptions options;
    readonly ITrainingObserver observer;

    public FineTuner(FloatModel model, FineTuneOptions options, ITrainingObserver? observer = null)
    {
        options.Validate();
        this.model = model;
        this.options = options;
        this.observer = observer ?? ITrainingObserver.None;
    }

    /// <summary>
    /// Optional, weights-shaped: every gradient entry is multiplied by the mask's entry before the Adam step, so entries
    /// masked with 0 never move (retraining trains only what the corrections concern, docs/retraining.md). Null: all move.
    /// </summary>
    public SaffuWeights? GradientMask { get; init; }

    /// <summary>Optional: what early stopping maximizes instead of the validation set's intent accuracy (retraining scores intents and tags).</summary>
    public Func<FloatModel, double>? Selection { get; init; }

    /// <summary>
    /// Optional: a structure the weights must keep (e.g. a rank-r U), applied in place to the model before every evaluation,
    /// so training resumes from, and early stopping keeps, weights that have it. Null: none.
    /// </summary>
    public Action<FloatModel>? Constraint { get; init; }

    /// <summary>Every evaluation, in order (the first is the starting point at 0 s).</summary>
    public List<EpochReport> History { get; } = new();

    /// <summary>Replaces every trainable matrix with N(0, scale²) draws from a seeded generator.</summary>
    public static void RandomStart(FloatModel model, int seed, double scale)
    {
        var random = new Random(seed);
        foreach (var (_, _, _, data) in model.Weights.Tensors(model.Config))
            for (int i = 0; i < data.Length; i++)
            {
                double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
                data[i] = (float)(scale * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
            }
    }

    /// <summary>Trains from the model's current weights; returns the best validation accuracy (the model keeps those weights).</summary>
    public double Run(EncodedCorpus train, EncodedCorpus valid)
    {
        SaffuConfig c = model.Config;
        if (options.FoldTemperature && valid.Count > 0) FoldTemperature(valid);
        var grads = Enumerable.Range(0, Shards).Select(_ => SaffuWeights.Zero(c)).ToArray();
        var workers = Enumerable.Range(0, Shards).Select(_ => new Backpropagation(model, options)).ToArray();
        var trained = Trained(model.Weights);
        var adam = new AdamOptimizer(trained, options);
        var order = Enumerable.Range(0, train.Count).ToArray();
        var random = new Random(options.Seed);
        var clock = new Stopwatch();
        double best = Evaluate(valid, 0, 0, 0, double.NaN, double.NegativeInfinity);
        SaffuWeights bestWeights = model.Weights.Clone();
        int sinceBest = 0, batches = (train.Count + options.BatchSize - 1) / options.BatchSize;
        int evalEvery = Math.Max(1, batches / options.EvaluationsPerEpoch);
        double lossSum = 0, weightSum = 0;
        var sink = observer.StepStarted("fine-tune", (long)options.Epochs * batches);
        for (int epoch = 0; epoch < options.Epochs && sinceBest < options.Patience; epoch++)
        {
            random.Shuffle(order);
            for (int b = 0; b < batches && sinceBest < options.Patience; b++)
            {
                clock.Start();
                var (loss, weight) = Batch(order, b, epoch, train, workers, grads);
                lossSum += loss;
                weightSum += weight;
                if (weight > 0)
                {
                    var summed = Trained(grads[0]);
                    for (int k = 1; k < Shards; k++) AddInto(summed, Trained(grads[k]));
                    foreach (float[] g in summed) System.Numerics.Tensors.TensorPrimitives.Multiply(g, (float)(1 / weight), g);
                    if (GradientMask is not null)
                    {
                        var mask = Trained(GradientMask);
                        for (int k = 0; k < summed.Count; k++) System.Numerics.Tensors.TensorPrimitives.Multiply(summed[k], mask[k], summed[k]);
                    }
                    adam.Step(summed);
                }
                clock.Stop();
                sink?.Report((long)epoch * batches + b + 1);
                bool last = b == batches - 1;
                if ((b + 1) % evalEvery != 0 && !last) continue;
                double accuracy = Evaluate(valid, epoch + (b + 1) / (double)batches, adam.Steps, clock.Elapsed.TotalSeconds,
                    weightSum > 0 ? lossSum / weightSum : double.NaN, best);
                lossSum = weightSum = 0;
                if (accuracy > best) { best = accuracy; bestWeights = model.Weights.Clone(); sinceBest = 0; }
                else sinceBest++;
            }
        }
        observer.StepFinished("fine-tune", clock.Elapsed);
        model.Weights = bestWeights;
        return best;
    }

    /// <summary>
    /// O ← O / T with T fitted on the validation split's whole-utterance logits (<see cref="Calibration.FitTemperature"/>):
    /// the same decisions, but a loss Adam can lower by changing them instead of by shrinking every logit.
    /// </summary>
    void FoldTemperature(EncodedCorpus valid)
    {
        var logits = valid.Texts.Select(model.Logits).ToList();
        double t = Calibration.FitTemperature(logits, valid.Intents);
        FoldedTemperature = t;
        System.Numerics.Tensors.TensorPrimitives.Multiply(model.Weights.O, (float)(1 / t), model.Weights.O);
    }

    /// <summary>The temperature divided out of O before the first step (1 when not folded).</summary>
    public double FoldedTemperature { get; private set; } = 1;

    double Evaluate(EncodedCorpus valid, double epoch, long steps, double seconds, double loss, double bestSoFar)
    {
        Constraint?.Invoke(model);
        double accuracy = Selection?.Invoke(model) ?? HeldOutAccuracy.Of(model, valid);
        var report = new EpochReport(epoch, steps, seconds, loss, accuracy, accuracy > bestSoFar);
        History.Add(report);
        observer.EpochFinished(report);
        return accuracy;
    }

    (double Loss, double Weight) Batch(int[] order, int b, int epoch, EncodedCorpus train, Backpropagation[] workers, SaffuWeights[] grads)
    {
        int start = b * options.BatchSize, end = Math.Min(order.Length, start + options.BatchSize);
        var results = new (double Loss, double Weight)[Shards];
        Parallel.For(0, Shards, k =>
        {
            foreach (float[] g in Trained(grads[k])) Array.Clear(g);
            int from = start + (end - start) * k / Shards, to = start + (end - start) * (k + 1) / Shards;
            double loss = 0, weight = 0;
            for (int i = from; i < to; i++)
            {
                int u = order[i];
                var r = workers[k].Utterance(Dropped(train.Texts[u], epoch, u), train.Intents[u], train.Tags?[u], grads[k]);
                loss += r.Loss;
                weight += r.Weight;
            }
            results[k] = (loss, weight);
        });
        return (results.Sum(r => r.Loss), results.Sum(r => r.Weight));
    }

    /// <summary>
    /// The text with each word read as &lt;oov&gt; with probability <see cref="FineTuneOptions.WordDropout"/>; the draws
    /// depend only on (seed, epoch, utterance), never on the thread, so runs repeat.
    /// </summary>
    EncodedText Dropped(EncodedText text, int epoch, int utterance)
    {
        if (options.WordDropout <= 0) return text;
        var random = new Random(unchecked((options.Seed * 1_000_003 + epoch) * 1_000_003 + utterance));
        int[]? ids = null;
        int oov = model.Vocabulary.OovId;
        for (int p = text.FirstWord; p < text.Length; p++)
            if (random.NextDouble() < options.WordDropout && text.Ids[p] != oov) (ids ??= (int[])text.Ids.Clone())[p] = oov;
        return ids is null ? text : text with { Ids = ids };
    }

    /// <summary>The arrays that move, in a fixed order, per the W/U/O switches.</summary>
    List<float[]> Trained(SaffuWeights w)
    {
        var list = new List<float[]>();
        if (options.TrainW) list.AddRange(new[] { w.BlockW, w.RadialW }.OfType<float[]>());
        if (options.TrainU) list.AddRange(new[] { w.BlockU, w.RadialU, w.DocumentU }.OfType<float[]>().Concat(w.TagU));
        if (options.TrainO) list.AddRange(new[] { w.O, w.TagO }.OfType<float[]>());
        return list;
    }

    static void AddInto(List<float[]> into, List<float[]> other)
    {
        for (int k = 0; k < into.Count; k++) System.Numerics.Tensors.TensorPrimitives.Add(into[k], other[k], into[k]);
    }
}
