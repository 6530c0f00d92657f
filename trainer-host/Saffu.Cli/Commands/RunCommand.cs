using System.CommandLine;
using Saffu.Training.Export;
using Saffu.Training.Simulation;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu run --blob FILE [TEXT] [--trace] [--json]`: the host simulator — typed transcripts through the device runtime,
/// printing the decision, slots and the action on the pins (docs/cli.md).
/// </summary>
public static class RunCommand
{
    public static Command Create() => Create(() => Console.In);

    /// <summary>The command reading transcripts from <paramref name="input"/> when no TEXT is given (tests pass a StringReader).</summary>
    public static Command Create(Func<TextReader> input)
    {
        var blob = new Option<string>("--blob") { Description = "The model blob written by 'saffu export'.", HelpName = "FILE", Required = true };
        var text = new Argument<string?>("TEXT")
        {
            Description = "One transcript to run. Default: every line of stdin until end of input (the lights' state carries over from line to line).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        text.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } t && t.StartsWith("--", StringComparison.Ordinal))
                result.AddError($"Unrecognized option '{t}'. Options are --blob, --trace, --json (a transcript that starts with '--' can be given on stdin).");
        });
        var trace = new Option<bool>("--trace") { Description = "Also show the intent scores after every word and where an early decision fires. Default: false." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object a line instead of text. Default: false." };
        var command = new Command("run",
            "Run typed transcripts through the device runtime on this machine: intent, confidence, slots and the action on the pins "
            + "(or why nothing is done), with the lights' state kept from one transcript to the next.");
        command.Options.Add(blob);
        command.Arguments.Add(text);
        command.Options.Add(trace);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output, error = parse.InvocationConfiguration.Error;
            TranscriptRunner runner;
            try
            {
                runner = new TranscriptRunner(SimulatedModel.LoadFile(parse.GetValue(blob)!));
            }
            catch (Exception e) when (e is BlobFileException or BlobLoadException)
            {
                error.WriteLine($"saffu run: {e.Message}");
                return SaffuCommand.BadInput;
            }
            var transcripts = parse.GetValue(text) is { } one ? [(one, false)] : TranscriptLines.Read(input());
            bool asJson = parse.GetValue(json), withTrace = parse.GetValue(trace);
            foreach (var (line, cut) in transcripts)
            {
                TranscriptResult result = runner.Run(line, withTrace);
                if (asJson) output.WriteLine(TranscriptJson.Line(result, runner.Intents));
                else RunReport.Write(output, result, runner.Intents);
                if (cut && !asJson) output.WriteLine($"  (line cut to its first {TranscriptLines.MaxLineChars:N0} characters)");
                output.Flush();
            }
            return SaffuCommand.Ok;
        });
        return command;
    }
}
