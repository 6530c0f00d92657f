namespace Saffu.Training.Evaluation;

/// <summary>
/// Closed-set classification metrics from a confusion matrix (rows: true intent, columns:
/// predicted intent). Precision with no predictions, recall with no support and F1 when both are 0
/// count as 0. Macro-F1 is the mean F1 over the intents that occur in the labels or the predictions
/// (an intent absent from both says nothing about the model and is left out).
/// </summary>
public sealed class ClassificationMetrics
{
    private ClassificationMetrics(int[][] confusion, IReadOnlyList<IntentMetrics> perIntent, double accuracy, double macroF1)
    {
        Confusion = confusion;
        PerIntent = perIntent;
        Accuracy = accuracy;
        MacroF1 = macroF1;
    }

    /// <summary>(intents × intents) counts: Confusion[true][predicted].</summary>
    public int[][] Confusion { get; }

    /// <summary>One entry per intent, in intent-id order.</summary>
    public IReadOnlyList<IntentMetrics> PerIntent { get; }

    public double Accuracy { get; }
    public double MacroF1 { get; }

    /// <summary>Counts <paramref name="labels"/>[i] against <paramref name="predictions"/>[i]; ids in 0..names.Count−1.</summary>
    public static ClassificationMetrics Compute(IReadOnlyList<string> names, IReadOnlyList<int> labels, IReadOnlyList<int> predictions)
    {
        if (labels.Count != predictions.Count)
            throw new ArgumentException($"{labels.Count} labels but {predictions.Count} predictions.", nameof(predictions));
        int k = names.Count;
        var confusion = new int[k][];
        for (int i = 0; i < k; i++) confusion[i] = new int[k];
        int correct = 0;
        for (int m = 0; m < labels.Count; m++)
        {
            if ((uint)labels[m] >= (uint)k || (uint)predictions[m] >= (uint)k)
                throw new ArgumentException($"Pair {m} ({labels[m]}, {predictions[m]}) is outside 0..{k - 1}.");
            confusion[labels[m]][predictions[m]]++;
            if (labels[m] == predictions[m]) correct++;
        }
        var perIntent = new IntentMetrics[k];
        double f1Sum = 0;
        int counted = 0;
        for (int c = 0; c < k; c++)
        {
            perIntent[c] = ForIntent(names[c], c, confusion);
            if (perIntent[c].Support > 0 || perIntent[c].Predicted > 0) { f1Sum += perIntent[c].F1; counted++; }
        }
        double accuracy = labels.Count == 0 ? 0 : (double)correct / labels.Count;
        return new ClassificationMetrics(confusion, perIntent, accuracy, counted == 0 ? 0 : f1Sum / counted);
    }

    private static IntentMetrics ForIntent(string name, int c, int[][] confusion)
    {
        int truePositives = confusion[c][c], support = 0, predicted = 0;
        for (int j = 0; j < confusion.Length; j++) { support += confusion[c][j]; predicted += confusion[j][c]; }
        double precision = predicted == 0 ? 0 : (double)truePositives / predicted;
        double recall = support == 0 ? 0 : (double)truePositives / support;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new IntentMetrics(name, precision, recall, f1, support, predicted);
    }
}

/// <summary>One intent's row of the per-intent table.</summary>
/// <param name="Support">Test utterances labelled with this intent.</param>
/// <param name="Predicted">Test utterances predicted as this intent.</param>
public sealed record IntentMetrics(string Intent, double Precision, double Recall, double F1, int Support, int Predicted);
