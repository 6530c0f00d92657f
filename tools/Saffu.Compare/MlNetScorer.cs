using Microsoft.ML;
using Saffu.Training.Model;

namespace Saffu.Compare;

/// <summary>
/// A trained ML.NET pipeline as an <see cref="IIntentScorer"/>, so that the trainer's
/// <see cref="Saffu.Training.Evaluation.Evaluator"/> measures it exactly as it measures SAFFU. Its
/// logits are log-probabilities at temperature 1, so the evaluator's calibrated probabilities are
/// ML.NET's own and the confidence is its maximum class probability. Prefix rows re-run the
/// pipeline on the first k whitespace-separated words. One prediction engine per thread (they are
/// not thread-safe).
/// </summary>
internal sealed class MlNetScorer : IIntentScorer, IDisposable
{
    readonly ThreadLocal<PredictionEngine<TextRow, ScoreRow>> engines;

    public MlNetScorer(MLContext ml, ITransformer model, IReadOnlyList<string> intents)
    {
        engines = new(() => ml.Model.CreatePredictionEngine<TextRow, ScoreRow>(model), trackAllValues: true);
        Intents = intents;
    }

    public IReadOnlyList<string> Intents { get; }
    public int NoneIntent => -1;
    public double Temperature => 1;
    /// <summary>Chosen on the validation split (<see cref="MlNetBaseline"/>).</summary>
    public double RejectThreshold { get; set; }

    public float[][] PrefixLogits(string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return [Logits("")];
        var rows = new float[words.Length][];
        for (int k = 0; k < words.Length; k++) rows[k] = Logits(string.Join(' ', words, 0, k + 1));
        return rows;
    }

    float[] Logits(string text)
    {
        float[] probabilities = engines.Value!.Predict(new TextRow { Text = text }).Score;
        if (probabilities.Length != Intents.Count)
            throw new InvalidOperationException($"ML.NET returned {probabilities.Length} scores; expected {Intents.Count}.");
        return probabilities.Select(p => MathF.Log(Math.Max(p, 1e-30f))).ToArray();
    }

    public void Dispose()
    {
        foreach (var engine in engines.Values) engine.Dispose();
        engines.Dispose();
    }
}
