using System.Text.Json;
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>
/// One `saffu eval` invocation: load the model, read the data, evaluate, write JSON and PNGs, print
/// the report. Bad input of any kind ends with one message on stderr and exit code 1.
/// </summary>
internal sealed class EvalRun(EvalSettings settings, IEvalSource source, TextWriter output, TextWriter error)
{
    public int Execute()
    {
        try
        {
            CheckOutputPaths();
            var progress = new EvalProgress(error, settings.Quiet);
            var report = progress.Run(step => Evaluate(step));
            var written = WriteFiles(report, progress);
            var console = EvalConsole.Over(output);
            EvalReportTable.Write(console, report);
            foreach (string path in written) output.WriteLine($"wrote {path}");
            return SaffuCommand.Ok;
        }
        catch (Exception e) when (IsBadInput(e))
        {
            error.WriteLine($"saffu eval: {e.Message}");
            return SaffuCommand.BadInput;
        }
    }

    private EvaluationReport Evaluate(Func<string, double, Action<double>> step)
    {
        EvalSubject subject = source.Load();
        var test = DatasetReader.Read(settings.Test, new ReadOptions { RequireIntent = true });
        var ood = settings.Ood is null ? null : DatasetReader.Read(settings.Ood, new ReadOptions { RequireIntent = false });
        var request = new EvaluationRequest(subject.Scorer, test.Utterances) { Ood = ood?.Utterances, Reference = subject.Reference };
        var scored = step("scoring utterances", request.ScoringCount);
        var report = Evaluator.Evaluate(request with { OnScored = () => scored(1) });
        report = report with { Model = subject.Description, Test = settings.Test, Ood = settings.Ood };
        if (subject.Scorer is not Saffu.Training.Simulation.BlobScorer blob) return report;
        var nearMiss = settings.NearMiss is null ? null : DatasetReader.Read(settings.NearMiss, new ReadOptions { RequireIntent = false });
        return report with
        {
            Actions = Saffu.Training.Simulation.ActionReport.Measure(blob.Model, test.Utterances),
            NearMiss = nearMiss is null ? null : Saffu.Training.Simulation.ActionReport.Measure(blob.Model, nearMiss.Utterances),
            NearMissPath = settings.NearMiss,
        };
    }

    private List<string> WriteFiles(EvaluationReport report, EvalProgress progress)
    {
        var written = new List<string>();
        if (settings.Json is { } json)
        {
            WriteOrExplain(json, () => EvaluationJson.Write(report, json));
            written.Add(json);
        }
        if (settings.PlotTarget() is { } target)
            progress.Run(step =>
            {
                var drawn = step("drawing plots", 3);
                WriteOrExplain(target.Folder, () => written.AddRange(EvaluationPlots.Write(report, target.Folder, target.Prefix, _ => drawn(1))));
                return 0;
            });
        return written;
    }

    // Fails before the (possibly long) evaluation when an output path cannot be used.
    private void CheckOutputPaths()
    {
        if (settings.Json is { } json && Directory.Exists(json))
            throw new EvalInputException($"{json}: found a folder; expected a file path for --json.");
        if (settings.Plots is { } plots && File.Exists(plots))
            throw new EvalInputException($"{plots}: found a file; expected a folder for --plots.");
    }

    private static void WriteOrExplain(string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new EvalInputException($"{path}: cannot write ({e.Message}); expected a writable path.");
        }
    }

    /// <summary>Problems of the user's files or models (exit 1), as opposed to bugs (which crash loudly).</summary>
    private static bool IsBadInput(Exception e) => e is DatasetException or ModelFolderException or EvalInputException or ScorerException
        or InvalidDataException or IOException or UnauthorizedAccessException or JsonException;
}
