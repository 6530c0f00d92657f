namespace Saffu.Training.Evaluation;

/// <summary>
/// Calibration of the closed-set top probability: utterances are put in <see cref="BinCount"/>
/// equal-width bins of [0, 1] by confidence p (bin ⌊15·p⌋, p = 1 in the last bin), and the expected
/// calibration error is ECE = Σ_bins (n_bin / n) · |accuracy_bin − mean confidence_bin|.
/// </summary>
public static class ReliabilityDiagram
{
    public const int BinCount = 15;

    /// <summary>The bins (all of them, empty ones included) and the ECE.</summary>
    public static (IReadOnlyList<ReliabilityBin> Bins, double Ece) Measure(IReadOnlyList<double> confidences, IReadOnlyList<bool> correct)
    {
        if (confidences.Count != correct.Count)
            throw new ArgumentException($"{confidences.Count} confidences but {correct.Count} outcomes.", nameof(correct));
        var count = new int[BinCount];
        var hits = new int[BinCount];
        var confidenceSum = new double[BinCount];
        for (int m = 0; m < confidences.Count; m++)
        {
            double p = confidences[m];
            if (!(p >= 0 && p <= 1)) throw new ArgumentException($"Confidence {m} is {p}; expected a probability in [0, 1].", nameof(confidences));
            int b = Bin(p);
            count[b]++;
            confidenceSum[b] += p;
            if (correct[m]) hits[b]++;
        }
        var bins = new ReliabilityBin[BinCount];
        double ece = 0;
        for (int b = 0; b < BinCount; b++)
        {
            double? accuracy = count[b] == 0 ? null : (double)hits[b] / count[b];
            double? confidence = count[b] == 0 ? null : confidenceSum[b] / count[b];
            bins[b] = new ReliabilityBin((double)b / BinCount, (double)(b + 1) / BinCount, count[b], confidence, accuracy);
            if (count[b] > 0) ece += (double)count[b] / confidences.Count * Math.Abs(accuracy!.Value - confidence!.Value);
        }
        return (bins, ece);
    }

    /// <summary>⌊BinCount · p⌋, with p = 1 in the last bin.</summary>
    public static int Bin(double p) => Math.Min(BinCount - 1, (int)Math.Floor(p * BinCount));
}

/// <summary>One bin [Lower, Upper) of the reliability diagram (the last one includes 1); Confidence and Accuracy are null when empty.</summary>
public sealed record ReliabilityBin(double Lower, double Upper, int Count, double? Confidence, double? Accuracy);
