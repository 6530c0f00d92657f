using System.Globalization;
using Saffu.Runtime.Actions;
using Saffu.Training.Simulation;

namespace Saffu.Cli.Commands;

/// <summary>The text `saffu run` prints for one transcript (without `--json`).</summary>
internal static class RunReport
{
    /// <summary>Longest echo of a transcript; longer ones end with "…".</summary>
    public const int MaxEcho = 200;

    public static void Write(TextWriter output, TranscriptResult r, IReadOnlyList<string> intents)
    {
        string echo = r.Text.Length > MaxEcho ? r.Text[..MaxEcho] + "…" : r.Text;
        output.WriteLine($"> {TranscriptJson.ValidUtf16(echo)}");
        if (r.Trace is { } trace)
            foreach (TraceStep step in trace) output.WriteLine(Step(step, intents));
        string slots = r.Slots.Count == 0 ? "" : "  " + string.Join(" ", r.Slots.Select(s => $"{s.Name}={s.Text}"));
        if (r.Understood) output.WriteLine($"  {r.Intent} ({P(r.Confidence)}){slots}");
        else output.WriteLine($"  not understood: {Why(r)} (top {r.Top}, {P(r.Confidence)}){slots}");
        if (r.Action is { } a)
        {
            string what = a.Kind switch
            {
                ActionResult.KindPins => $"{a.Action}: {a.Message} [{string.Join(", ", a.Pins.Select(Pin))}]",
                ActionResult.KindUnsupported => $"{a.Action ?? "none"}: {a.Message}",
                ActionResult.KindAnswer => $"answer: {a.Message}",
                _ => a.Message,
            };
            output.WriteLine($"  action: {what}");
        }
        else output.WriteLine("  action: none");
        if (r.Early is { } e) output.WriteLine($"  early decision: {e.Intent} after {e.Words} word(s) (\"{e.Word}\")");
        if (r.Truncated) output.WriteLine("  (words past the model's maximum were dropped)");
        if (r.Correction is { } c) output.WriteLine($"  correction: decided on \"{TranscriptJson.ValidUtf16(c)}\"");
    }

    private static string Step(TraceStep s, IReadOnlyList<string> intents)
    {
        var best = s.Scores.Select((p, i) => (p, i)).OrderByDescending(x => x.p).ThenBy(x => x.i).Take(3)
            .Select(x => $"{intents[x.i]} {P(x.p)}");
        string tag = s.Tag is null ? "" : $" [{s.Tag}]";
        string early = s.Early ? "  <- early decision" : "";
        return $"  {s.Words,3} {s.Word,-14}{tag,-16} {string.Join("  ", best)}{early}";
    }

    private static string Why(TranscriptResult r) => r.Reason is null ? ""
        : r.Domain is { } domain ? $"{ReasonCodes.MessageOf(r.Reason)}: that is for the {domain}" : ReasonCodes.MessageOf(r.Reason);

    private static string Pin(PinCommand p) => p.Mode == "pwm"
        ? $"GPIO {p.Pin} PWM {p.Level}‰"
        : $"GPIO {p.Pin} {(p.Level != 0 ? "high" : "low")}";

    private static string P(double p) => p.ToString("0.000", CultureInfo.InvariantCulture);
}
