using System.Text;

namespace Saffu.Compare;

/// <summary>Everything one run measured, as the report needs it.</summary>
internal sealed record ComparisonResults(RunInfo Info, ComparisonData Data, IReadOnlyList<SystemResult> Rows, TimeToAccuracy Time,
    IReadOnlyList<BarResult> Bars, IReadOnlyList<BarResult> Bars14, ColdStart Cold, bool DocumentOnlyIsDefault, int BackpropEpochs, string PlotFile, string LoadAtEnd);

/// <summary>The run's report as Markdown: the table, time to accuracy, throughput, the bars, and how it was measured.</summary>
internal static class ComparisonMarkdown
{
    public static string Write(ComparisonResults r)
    {
        var md = new StringBuilder();
        Header(md, r);
        Table(md, r.Rows, r.Data.Dev is null ? null : r.Data.DevName);
        TimeSection(md, r);
        Throughput(md, r.Rows);
        BarsSection(md, "Bars (issue 5)", r.Bars);
        BarsSection(md, "Bars (issue 14)", r.Bars14);
        Method(md, r);
        return md.ToString();
    }

    static void Header(StringBuilder md, ComparisonResults r)
    {
        md.AppendLine("# SAFFU against backprop only and ML.NET on HWU64").AppendLine();
        md.AppendLine($"- Date: {r.Info.StartedUtc:yyyy-MM-dd HH:mm} UTC; machine: {r.Info.Machine}; seed {r.Info.Seed}; " +
            $"load average (1 min) {r.Info.LoadAtStart} at the start, {r.LoadAtEnd} at the end.");
        md.AppendLine($"- Command: `{r.Info.Command}`");
        md.AppendLine($"- Data: HWU64 (Liu et al., IWSDS 2019, CC BY 4.0) train {r.Data.Train.Count:N0} → valid {r.Data.Valid.Count:N0} " +
            $"(early stopping, temperature, threshold) → test {r.Data.Test.Count:N0} (once); out-of-domain: CLINC150 oos test " +
            $"{r.Data.Ood.Count:N0} (Larson et al., EMNLP 2019, CC BY 3.0)" +
            (r.Data.Dev is null ? "" : $"; extra dev set {r.Data.DevName} {r.Data.Dev.Count:N0} (never trained on; SLURP, Bastianelli et al., EMNLP 2020, CC BY 4.0)") +
            $". Reading them took {r.Data.ReadSeconds:F2} s, in no training time.");
        md.AppendLine();
    }

    static void Table(StringBuilder md, IReadOnlyList<SystemResult> rows, string? dev)
    {
        string devColumn = dev is null ? "" : $" {dev} accuracy |";
        md.AppendLine($"| System | Test accuracy |{devColumn} Macro-F1 | OOD rejected | False rejection (test) | Threshold (from valid) | OOD rejected, oracle | Valid accuracy | Training (s) | Parameters | Bytes |");
        md.AppendLine($"|---|---:|{(dev is null ? "" : "---:|")}---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var s in rows)
        {
            var e = s.Report;
            string bytes = $"{s.Bytes:N0} ({s.BytesKind})" + (s.BlobBytes is long q ? $"; blob v1 {q:N0}" : "");
            string devCell = dev is null ? "" : $" {s.DevAccuracy:P2} |";
            string parameters = $"{s.Parameters:N0}" + (s.NonZeroParameters is long nz ? $" ({nz:N0} non-zero)" : "");
            md.AppendLine($"| {s.Name} | {e.Accuracy:P2} |{devCell} {e.MacroF1:F4} | {e.OodRejection ?? 0:P1} | {e.FalseRejection:P1} | " +
                $"{e.Threshold:F3} | {e.Oracle.OodRejection ?? 0:P1} | {s.ValidAccuracy:P2} | {s.TrainSeconds:F2} | {parameters} | {bytes} |");
        }
        md.AppendLine();
    }

    static void TimeSection(StringBuilder md, ComparisonResults r)
    {
        var t = r.Time;
        md.AppendLine("## Time to the explicit model's validation accuracy").AppendLine();
        md.AppendLine($"- Explicit solve: {t.ExplicitSeconds:F2} s to {t.Target:P2} on valid.");
        md.AppendLine(t.Reached is { } p
            ? $"- Backprop only reached it after {p.Seconds:F2} s of Adam steps (epoch {p.Epoch:0.##})."
            : $"- Backprop only: never within its budget of {r.BackpropEpochs} epochs; it stopped after epoch {t.Last.Epoch:0.##} " +
                $"({t.Last.Seconds:F2} s of Adam steps) with its best at {t.BestAccuracy:P2}.");
        md.AppendLine($"- Ratio explicit / backprop only: {(t.Reached is null ? "< " : "")}{t.Ratio:F3} (bar: ≤ 0.1).");
        var explicitRow = r.Rows.First(s => s.Name == SaffuSystems.Explicit);
        var backpropRow = r.Rows.First(s => s.Name == SaffuSystems.BackpropOnly);
        md.AppendLine($"- Whole training calls (setup, validation checks and calibration included): explicit {explicitRow.TrainSeconds:F2} s, " +
            $"backprop only {backpropRow.TrainSeconds:F2} s for its whole run (ratio {explicitRow.TrainSeconds / backpropRow.TrainSeconds:F3}).");
        md.AppendLine($"- Curves: [{r.PlotFile}]({r.PlotFile}).").AppendLine();
    }

    static void Throughput(StringBuilder md, IReadOnlyList<SystemResult> rows)
    {
        md.AppendLine("## Counting throughput (explicit pass)").AppendLine();
        foreach (var s in rows.Where(s => s.ExamplesPerSecond is not null))
            md.AppendLine($"- {s.Name}: {s.ExamplesPerSecond:N0} prefix examples/s in the first counting pass ({s.PrefixExamples:N0} prefix examples).");
        md.AppendLine();
    }

    static void BarsSection(StringBuilder md, string title, IReadOnlyList<BarResult> bars)
    {
        md.AppendLine($"## {title}").AppendLine();
        md.AppendLine("| Bar | Holds | Measured |").AppendLine("|---|---|---|");
        foreach (var b in bars) md.AppendLine($"| {b.Bar} | {(b.Holds ? "yes" : "**no**")} | {b.Measured} |");
        md.AppendLine();
    }

    static void Method(StringBuilder md, ComparisonResults r)
    {
        var bp = r.Rows.First(s => s.Name == SaffuSystems.BackpropOnly);
        var ft = r.Rows.First(s => s.Name == SaffuSystems.FineTuned);
        md.AppendLine("## How this was measured").AppendLine();
        md.AppendLine($"- Training time, SAFFU: {SaffuRunner.Timing}. ML.NET: {MlNetBaseline.Timing}. " +
            "Every system ran once on a small slice first, so JIT compilation is in no row. " +
            $"Cold, in a fresh process (JIT included, measured first): SAFFU explicit {r.Cold.ExplicitSeconds:F2} s, ML.NET Fit {r.Cold.MlNetSeconds:F2} s.");
        md.AppendLine($"- Warm fits, repeated: the systems without fine-tuning and ML.NET were each fitted {FitTimes.UntimedFits} times untimed " +
            $"(.NET's tiered compilation: the first full-size fits still run partly unoptimized tier-0 code), then {FitTimes.Repetitions} times timed " +
            "(the first fit's model is the one evaluated; the explicit solution is deterministic, ML.NET's repeats run in a fresh MLContext with the same seed), " +
            "and \"Training (s)\" and the speed bar use the median; the fine-tuned systems were timed once. " +
            string.Join("; ", r.Rows.Select(s => $"{s.Name}: {s.Fits}")) + ".");
        md.AppendLine($"- Explicit + fine-tune is `saffu train`'s default with --valid (budget {ft.EpochBudget} epochs, ran {ft.EpochsRun:0.##}). " +
            $"Backprop only: the same model and Adam settings from a seeded random start, a larger budget of {bp.EpochBudget} epochs (ran {bp.EpochsRun:0.##}), " +
            $"{SaffuSystems.BackpropEvaluationsPerEpoch} validation checks per epoch and early stopping after {SaffuSystems.BackpropPatienceEpochs} epochs without a better one; " +
            "both keep their best validation weights.");
        md.AppendLine("- Rejection: the threshold is chosen on valid for ≤ 2% false rejection (RejectionThreshold.Choose) on the calibrated " +
            "top probability (SAFFU: temperature fitted on valid times the trainer's --temperature-scale, " +
            $"{new Saffu.Training.Training.TrainOptions().TemperatureScale:0.##}, as `saffu train` stores it; ML.NET: its own maximum class probability). OOD rejected and false rejection " +
            "are measured on CLINC150 oos test and HWU64 test at that threshold. \"Oracle\" (information only) chooses the threshold " +
            "on test itself for ≤ 2% false rejection there, so the systems are compared at the same false rejection.");
        md.AppendLine("- Bytes: SAFFU float32 weights are parameters × 4; \"blob v1\" is the whole file `saffu export` writes from the trained model " +
            "with its default options (BlobExporter.Export: int16 tensors with per-column scales, vocabulary, intent names, math tables, identity). " +
            "ML.NET: the zip `mlContext.Model.Save` writes; parameters are its dense weights and biases.");
        if (r.Data.Dev is not null)
            md.AppendLine($"- {r.Data.DevName} accuracy: closed-set top-1 accuracy of every system (trained on HWU64 train only) on {r.Data.DevName}, " +
                "a second dev set of phrasings from another collection; nothing is chosen on it in this run.");
        if (r.DocumentOnlyIsDefault)
            md.AppendLine("- The trainer's defaults have no block or radial context, so \"document only\" is the same model as \"explicit\" " +
                "(it was trained again; its numbers differ only in time). Pass --block/--radial to measure what attention adds.");
        md.AppendLine("- Timings come from one run on a shared machine and vary by some tens of percent from run to run (hence the medians); accuracies repeat exactly for a seed.");
    }
}
