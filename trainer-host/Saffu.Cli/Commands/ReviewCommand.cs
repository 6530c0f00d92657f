using System.CommandLine;
using Saffu.Training;
using Saffu.Training.Export;
using Saffu.Training.Retraining;
using Saffu.Training.Training;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu review LOG --out CORRECTIONS [--model MODEL_DIR | --blob FILE]`: walks a pulled decision log in the terminal and
/// writes the corrections file (docs/corrections.md), resuming where it stopped (docs/cli.md).
/// </summary>
public static class ReviewCommand
{
    /// <summary>The console the prompts use; tests put Spectre's TestConsole here.</summary>
    internal static Func<TextWriter, IAnsiConsole> Console { get; set; } = output =>
        AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.Detect });

    public static Command Create()
    {
        var log = new Argument<string>("LOG") { Description = "The pulled decision log (JSON Lines, docs/decision-log.md)." };
        var output = new Option<string>("--out") { Description = "The corrections file to write; records already in it are not asked again.", HelpName = "CORRECTIONS", Required = true };
        var model = new Option<string?>("--model") { Description = "The model folder whose intents to pick from.", HelpName = "MODEL_DIR" };
        var blob = new Option<string?>("--blob") { Description = "The blob whose intents to pick from (instead of --model).", HelpName = "FILE.blob" };
        var command = new Command("review",
            "Walk a pulled decision log in the terminal: accept each decision, pick the right intent, retype the transcript, fix a "
            + "slot or skip it; writes the corrections file for 'saffu retrain' and resumes where it stopped.");
        command.Arguments.Add(log);
        foreach (Option o in new Option[] { output, model, blob }) command.Options.Add(o);
        command.SetAction(parse => Execute(parse.GetValue(log)!, parse.GetValue(output)!, parse.GetValue(model), parse.GetValue(blob),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    static int Execute(string logPath, string outPath, string? model, string? blob, TextWriter output, TextWriter error)
    {
        if (model is not null && blob is not null)
        {
            error.WriteLine("saffu review: give --model or --blob, not both.");
            return SaffuCommand.Usage;
        }
        try
        {
            var records = PulledLog.Read(logPath);
            var existing = File.Exists(outPath) ? CorrectionsFile.Read(outPath) : [];
            var judged = existing.Where(c => c.Log is not null).Select(c => CorrectionsFile.RecordKey(c.Log!)).ToHashSet(StringComparer.Ordinal);
            var todo = records.Where(r => !judged.Contains(CorrectionsFile.RecordKey(r.Record))).ToList();
            var intents = ReviewSession.IntentChoices(Intents(model, blob, records));
            var lines = File.Exists(outPath) ? new List<string>(File.ReadAllLines(outPath).Where(l => l.Trim().Length > 0)) : [];
            var console = Console(output);
            console.MarkupLine($"{Markup.Escape(logPath)}: {records.Count} record(s), {records.Count - todo.Count} already in {Markup.Escape(outPath)}, {todo.Count} to review");
            int done = new ReviewSession(console, intents, record =>
            {
                lines.Add(CorrectionsFile.Line(record));
                CorrectionsFile.WriteAll(outPath, lines);
            }).Run(todo, records.Count - todo.Count, records.Count);
            output.WriteLine($"reviewed {done} record(s); {outPath} holds {lines.Count} correction(s)" + (done < todo.Count ? $"; {todo.Count - done} left (run again to resume)" : ""));
            return SaffuCommand.Ok;
        }
        catch (Exception e) when (e is InputFileException or ModelFolderException or BlobFileException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"saffu review: {e.Message}");
            return SaffuCommand.BadInput;
        }
        catch (InvalidOperationException e) when (e.Message.Contains("interactive", StringComparison.OrdinalIgnoreCase))
        {
            error.WriteLine($"saffu review: {e.Message} (review needs a terminal; edit the corrections file by hand instead, docs/corrections.md)");
            return SaffuCommand.BadInput;
        }
    }

    static IEnumerable<string> Intents(string? model, string? blob, IReadOnlyList<PulledRecord> records)
    {
        if (model is not null) return ModelFolder.Load(model).Model.Intents;
        if (blob is not null) return BlobLayout.Read(BlobFile.Read(blob)).Intents ?? [];
        return records.Select(r => r.Decision.Intent).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }
}
