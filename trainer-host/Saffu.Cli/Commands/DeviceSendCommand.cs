using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Saffu.Training.DeviceLink;
using Saffu.Training.Simulation;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu device --port PORT send [TEXT|-]`: the device decides each transcript, drives its pins, logs the decision
/// and answers; printed like `saffu run` (docs/cli.md).
/// </summary>
internal static class DeviceSendCommand
{
    public static Command Create(DeviceOptions o, Func<TextReader> input)
    {
        var text = new Argument<string?>("TEXT")
        {
            Description = "One transcript. Without it, or with '-', every line of stdin is one transcript, until end of input.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var command = new Command("send", "Send transcripts to the device: it decides, switches its lights, logs the decision and answers.");
        command.Arguments.Add(text);
        command.SetAction(parse => DeviceCommand.Run(parse, o, "send", (client, output, error) =>
        {
            bool json = parse.GetValue(o.Json);
            var lines = parse.GetValue(text) is { } one && one != "-" ? [(one, false)] : TranscriptLines.Read(input());
            foreach (var (line, _) in lines)
            {
                DeviceDecision d = client.Say(line);
                output.WriteLine(json ? Json(d) : Text(d));
                output.Flush();
            }
            return SaffuCommand.Ok;
        }));
        return command;
    }

    /// <summary>The project keys first (`text`, `intent`, `understood`, `confidence`, `slots`), then the device's own.</summary>
    public static string Json(DeviceDecision d, string? file = null) => DeviceOutput.Line(
        new DeviceSendJson(file, d.Text, d.Intent, d.Understood, d.Confidence, d.Slots, d.Action, d.Top, d.Reason, d.Answer, d.Truncated, d.Seq,
            d.ConfidenceQ15, d.Correction, d.Json.TryGetProperty("log_error", out var logError) ? logError : null),
        DeviceJsonContext.Relaxed.DeviceSendJson);

    public static string Text(DeviceDecision d)
    {
        var lines = new List<string> { $"> {d.Text}" };
        string slots = string.Concat(d.Slots.EnumerateObject().Select(s => $"  {s.Name}={(s.Value.ValueKind == JsonValueKind.String ? s.Value.GetString() : s.Value.GetRawText())}"));
        string p = d.Confidence.ToString("0.000", CultureInfo.InvariantCulture);
        lines.Add(d.Understood ? $"  {d.Intent} ({p}){slots}" : $"  not understood: {d.Answer} (top {d.Top ?? "-"}, {p}){slots}");
        if (d.Action is { } a)
        {
            string kind = DeviceOutput.Str(a, "kind");
            string pins = a.TryGetProperty("pins", out var ps) && ps.GetArrayLength() > 0 ? $" [{DeviceOutput.Pins(ps)}]" : "";
            lines.Add(kind == "pins" ? $"  action: {DeviceOutput.Str(a, "action")}: {DeviceOutput.Str(a, "message")}{pins}" : $"  action: {DeviceOutput.Str(a, "message")}");
        }
        else lines.Add("  action: none");
        lines.Add(d.Seq is { } seq ? $"  logged as seq {seq}" : $"  NOT logged: {DeviceOutput.Str(d.Json, "log_error")}");
        if (d.Truncated) lines.Add("  (words past the model's maximum were dropped)");
        if (d.Correction is { } c) lines.Add($"  correction: decided on \"{c}\"");
        return string.Join(Environment.NewLine, lines);
    }
}
