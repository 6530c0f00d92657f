namespace Saffu.Compare;

/// <summary>One bar of issue 5 and how the run measured against it.</summary>
internal sealed record BarResult(string Bar, bool Holds, string Measured);

/// <summary>The bars of issue 5, judged on one run's rows.</summary>
internal static class Bars
{
    /// <summary>ML.NET's best test accuracy measured on this split over seeds (data/README.md).</summary>
    public const double ReferenceAccuracy = 0.837;

    public static IReadOnlyList<BarResult> Judge(SystemResult fineTuned, SystemResult mlNet, TimeToAccuracy time)
    {
        double acc = fineTuned.Report.Accuracy, ml = mlNet.Report.Accuracy, needed = Math.Max(ml, ReferenceAccuracy);
        double ood = fineTuned.Report.OodRejection ?? 0, mlOod = mlNet.Report.OodRejection ?? 0;
        return
        [
            new("Explicit + fine-tune test accuracy ≥ ML.NET's (same run) and ≥ 83.7%", acc >= needed,
                $"{acc:P2} vs ML.NET {ml:P2} and {ReferenceAccuracy:P2}: {Points(acc - needed)} against the higher of the two"),
            new("Explicit only reaches its validation accuracy in ≤ 1/10 of backprop only's time to it", time.Holds,
                time.Reached is { } r
                    ? $"{time.ExplicitSeconds:F2} s vs {r.Seconds:F2} s: ratio {time.Ratio:F3}"
                    : $"backprop only never reached {time.Target:P2} (best {time.BestAccuracy:P2} in {time.Last.Seconds:F1} s); " +
                      $"{time.ExplicitSeconds:F2} s vs > {time.Last.Seconds:F1} s: ratio < {time.Ratio:F3}"),
            new("OOD rejected at ≤ 2% false rejection (threshold from valid): explicit + fine-tune > ML.NET", ood > mlOod,
                $"{ood:P1} vs {mlOod:P1} ({Points(ood - mlOod)}); false rejection on test {fineTuned.Report.FalseRejection:P1} vs {mlNet.Report.FalseRejection:P1}"),
        ];
    }

    /// <summary>Issue 14: the test accuracy of explicit + fine-tune and what fine-tuning adds, the dev set, training speed.</summary>
    public static IReadOnlyList<BarResult> Judge14(SystemResult explicitOnly, SystemResult fineTuned, SystemResult mlNet)
    {
        double acc = fineTuned.Report.Accuracy, gain = acc - explicitOnly.Report.Accuracy;
        double speed = mlNet.TrainSeconds / Math.Max(1e-9, explicitOnly.TrainSeconds);
        var bars = new List<BarResult>
        {
            new("Explicit + fine-tune HWU64 test accuracy ≥ 86.0%", acc >= 0.86, $"{acc:P2} ({Points(acc - 0.86)})"),
            new("Fine-tune ≥ +0.5 points over explicit alone (test)", gain >= 0.005,
                $"{acc:P2} vs {explicitOnly.Report.Accuracy:P2}: {Points(gain)}"),
        };
        if (fineTuned.DevAccuracy is double dev)
            bars.Add(new("Extra dev set accuracy ≥ 78% (explicit + fine-tune, trained on HWU64 train alone)", dev >= 0.78,
                $"{dev:P2} ({Points(dev - 0.78)}); ML.NET {mlNet.DevAccuracy:P2}"));
        bars.Add(new("Explicit training ≥ 8× faster than ML.NET's Fit (same run, warm)", speed >= 8,
            $"{explicitOnly.TrainSeconds:F2} s vs {mlNet.TrainSeconds:F2} s (medians of {explicitOnly.Fits.Seconds.Count} and {mlNet.Fits.Seconds.Count} warm fits): {speed:F1}×; " +
            $"min/max explicit {explicitOnly.Fits.Min:F2}/{explicitOnly.Fits.Max:F2} s, ML.NET {mlNet.Fits.Min:F2}/{mlNet.Fits.Max:F2} s"));
        return bars;
    }

    static string Points(double difference) => $"{(difference >= 0 ? "+" : "−")}{Math.Abs(difference) * 100:F2} points";
}
