namespace Saffu.Compare;

/// <summary>
/// The whole comparison in one process: read the data, time a cold start, warm up, train and evaluate the four SAFFU
/// systems and ML.NET in turn, judge the bars, write comparison.md and the PNG, print the report.
/// </summary>
internal static class ComparisonRun
{
    public const string ReportFile = "comparison.md";

    public static void Execute(CompareSettings settings, TextWriter output, TextWriter error)
    {
        var progress = new RunProgress(error);
        var info = RunInfo.Now(settings);
        var data = ComparisonData.Read(settings.Data, settings.DevPath());
        progress.Line($"read {data.Train.Count:N0} / {data.Valid.Count:N0} / {data.Test.Count:N0} HWU64 and {data.Ood.Count:N0} OOD utterances" +
            (data.Dev is null ? "" : $", {data.Dev.Count:N0} of {data.DevName}") + $" in {data.ReadSeconds:F2} s");
        var systems = SaffuSystems.For(settings);
        progress.Line("cold start: the explicit system and ML.NET's Fit, first of their kind in this process…");
        var cold = ColdStart.Measure(systems[0], data, settings.Seed);
        progress.Line("warming up (JIT) on a slice…");
        Warmup.Run(systems, data, settings.Seed);

        var rows = systems.Select(s => progress.Step(s.Name, observer => SaffuRunner.Run(s, data, observer, Repetitions(s)))).ToList();
        double maxFalseRejection = systems[0].Options.MaxFalseRejection;
        rows.Add(progress.Step(MlNetBaseline.Name, _ => MlNetBaseline.Run(data, settings.Seed, maxFalseRejection, FitTimes.Repetitions)));

        var time = TimeToAccuracy.Measure(rows[0], rows.First(r => r.Name == SaffuSystems.BackpropOnly));
        var bars = Bars.Judge(rows.First(r => r.Name == SaffuSystems.FineTuned), rows[^1], time);
        var bars14 = Bars.Judge14(rows[0], rows.First(r => r.Name == SaffuSystems.FineTuned), rows[^1]);
        var results = new ComparisonResults(info, data, rows, time, bars, bars14, cold, SaffuSystems.DocumentOnlyIsDefault(systems),
            settings.BackpropEpochs, AccuracyTimePlot.FileName, RunInfo.LoadAverage());
        string plot = ReportFiles.Write(settings.Out, AccuracyTimePlot.FileName, AccuracyTimePlot.Png(rows));
        string markdown = ComparisonMarkdown.Write(results);
        string report = ReportFiles.Write(settings.Out, ReportFile, System.Text.Encoding.UTF8.GetBytes(markdown));
        output.Write(markdown);
        progress.Line($"wrote {report} and {plot}");
    }

    /// <summary>The systems without fine-tuning (whose time the speed bar compares with ML.NET's) are timed
    /// <see cref="FitTimes.Repetitions"/> times; the fine-tuned ones (10–60 s each) once.</summary>
    static int Repetitions(SaffuSystem system) => system.Trains ? 1 : FitTimes.Repetitions;
}
