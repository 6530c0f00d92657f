using Saffu.Training.Sweep;

namespace Saffu.Cli.Commands;

/// <summary>What `saffu sweep` prints: the Pareto front, the fine-tuned rows and the best within the budget.</summary>
internal static class SweepSummary
{
    public static void Write(TextWriter output, IReadOnlyList<SweepRow> rows, SweepRow? chosen, SweepRunSettings settings, TimeSpan elapsed)
    {
        output.WriteLine($"{rows.Count} rows in {settings.ResultsFile} ({rows.Count(r => r.Config.FineTune)} fine-tuned); this run took {elapsed.TotalSeconds:F0} s.");
        output.WriteLine($"Plot: {Path.Combine(settings.Out, SweepPlot.FileName)}");
        output.WriteLine();
        output.WriteLine("Pareto front (valid accuracy against blob bytes):");
        Table(output, ParetoFront.Of(rows), rows);
        var tuned = rows.Where(r => r.Config.FineTune).ToList();
        if (tuned.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("Fine-tuned (explicit → after fine-tuning):");
            foreach (var r in tuned.OrderByDescending(r => r.ValidAccuracy))
                output.WriteLine($"  {r.Key}: {r.ExplicitValidAccuracy:P2} → {r.ValidAccuracy:P2} ({r.TrainSeconds:F1} s)");
        }
        output.WriteLine();
        string budget = $"--budget-bytes {settings.BudgetBytes?.ToString() ?? "none"}, --budget-macs {settings.BudgetMacs?.ToString() ?? "none"}, --budget-ram {settings.BudgetRam?.ToString() ?? "none"}";
        output.WriteLine(chosen is null ? $"No row within the budget ({budget})." : $"Best within the budget ({budget}):");
        if (chosen is not null) Table(output, [chosen], rows);
    }

    static void Table(TextWriter output, IReadOnlyList<SweepRow> show, IReadOnlyList<SweepRow> all)
    {
        var devNames = all.SelectMany(r => r.DevAccuracy.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        output.WriteLine("  valid   | " + string.Concat(devNames.Select(d => $"{d,-10}| ")) + "OOD rej. | blob bytes | RAM   | MACs/word | train s | configuration");
        foreach (var r in show)
            output.WriteLine($"  {r.ValidAccuracy,7:P2} | " + string.Concat(devNames.Select(d => $"{(Dev(r).TryGetValue(d, out var a) ? a.ToString("P2") : "-"),-10}| "))
                + $"{(r.OodRejection is double o ? o.ToString("P1") : "-"),8} | {r.BlobBytes,10:N0}{(r.CostEstimated ? "*" : " ")}| {r.RamBytes,5:N0} | {r.MacsPerWord,9:N0} | {r.TrainSeconds,7:F1} | {r.Key}");
        if (show.Any(r => r.CostEstimated)) output.WriteLine("  * estimated: low-rank U beside co-occurrence vectors (exported dense; docs/model-blob.md §14)");
        if (show.Any(r => r.DevDeviceAccuracy is not null)) output.WriteLine("  dev sets: decided as labelled through the blob and the device's action planner (dev_device_accuracy)");
    }

    /// <summary>A lights row's dev sets through the device (what a user sees); otherwise closed-set accuracy.</summary>
    static IReadOnlyDictionary<string, double> Dev(SweepRow r) => r.DevDeviceAccuracy ?? r.DevAccuracy;
}
