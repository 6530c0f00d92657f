using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saffu.Training.Simulation;

/// <summary>
/// `saffu run --json`: one JSON object a line (docs/cli.md): `text`, `intent` (null when not understood),
/// `understood`, `confidence`, `slots` (`name`, `area`, `color`, `step` strings; `brightness` integer), `action`
/// (null exactly when not understood), then `top`, `reason`, `domain`, `answer`, `early`, `truncated`, `correction` and, with
/// `--trace`, `trace`. `saffu listen --json` writes `file` first and the spoken answer as the last key, `answer`.
/// Written with System.Text.Json source generation (<see cref="TranscriptJsonContext"/>: snake_case, keys in declaration
/// order); pinned byte for byte by tests/Saffu.Cli.Tests/Golden/run*.jsonl.
/// </summary>
public static class TranscriptJson
{
    public static string Line(TranscriptResult r, IReadOnlyList<string> intents) =>
        JsonSerializer.Serialize(new RunLine(ValidUtf16(r.Text), r.Intent, r.Understood, r.Confidence, Slots(r.Slots), Action(r.Action), r.Top,
            r.Reason, r.Domain, r.Answer, r.Early, r.Truncated, r.Correction, r.Trace is { } t ? Trace(t, intents) : null), TranscriptJsonContext.Default.RunLine);

    /// <summary>
    /// `saffu listen --json`: <paramref name="file"/> first, the keys of `saffu run --json` in their order (no `trace`), and
    /// <paramref name="answer"/>, the sentence `--say` speaks, last as `answer` (in place of run's `answer`).
    /// </summary>
    public static string Line(TranscriptResult r, string file, string answer) =>
        JsonSerializer.Serialize(new ListenLine(ValidUtf16(file), ValidUtf16(r.Text), r.Intent, r.Understood, r.Confidence, Slots(r.Slots),
            Action(r.Action), r.Top, r.Reason, r.Domain, r.Early, r.Truncated, r.Correction, answer), TranscriptJsonContext.Default.ListenLine);

    /// <summary>The listen line as above; <paramref name="intents"/> is not used (listen writes no trace). Kept for callers of the old signature.</summary>
    public static string Line(TranscriptResult r, IReadOnlyList<string> intents, string file, string answer) => Line(r, file, answer);

    /// <summary>`saffu listen --json`: an audio file that could not be recognised: `file`, `error`.</summary>
    public static string Error(string file, string message) =>
        JsonSerializer.Serialize(new ListenError(ValidUtf16(file), ValidUtf16(message)), TranscriptJsonContext.Default.ListenError);

    /// <summary>The slots heard, in order: text values as strings, numbers (`brightness`) as integers.</summary>
    static Dictionary<string, object> Slots(IReadOnlyList<SlotValue> slots)
    {
        var json = new Dictionary<string, object>();
        foreach (SlotValue s in slots) json[s.Name] = s.Number is { } n ? n : ValidUtf16(s.Text);
        return json;
    }

    static ActionJson? Action(ActionResult? a) => a is null ? null
        : new(a.Kind, a.Action, a.Reason, a.Message, a.Pins, a.Lights.Select(l => new LightJson(l.Name, l.Level, l.Dimmable, l.Color)).ToList());

    static List<TraceJson> Trace(IReadOnlyList<TraceStep> trace, IReadOnlyList<string> intents) =>
        trace.Select(s => new TraceJson(s.Words, s.Word, s.Top, s.Confidence, s.Tag, s.Early,
            intents.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => s.Scores[x.i]))).ToList();

    /// <summary>Lone surrogates (possible in a command-line argument) as U+FFFD, so any text can be written as JSON.</summary>
    public static string ValidUtf16(string text)
    {
        if (!text.Any(char.IsSurrogate)) return text;
        var chars = text.ToCharArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1])) { i++; continue; }
            if (char.IsSurrogate(chars[i])) chars[i] = '\uFFFD';
        }
        return new string(chars);
    }
}

/// <summary>One line of `saffu run --json`, keys in the documented order.</summary>
public sealed record RunLine(string Text, string? Intent, bool Understood, double Confidence, Dictionary<string, object> Slots, ActionJson? Action,
    string Top, string? Reason, string? Domain, string? Answer, EarlyDecision? Early, bool Truncated, string? Correction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] List<TraceJson>? Trace);

/// <summary>One line of `saffu listen --json` decided on this computer.</summary>
public sealed record ListenLine(string File, string Text, string? Intent, bool Understood, double Confidence, Dictionary<string, object> Slots,
    ActionJson? Action, string Top, string? Reason, string? Domain, EarlyDecision? Early, bool Truncated, string? Correction, string Answer);

public sealed record ListenError(string File, string Error);

/// <summary>`action`: `pins` are <see cref="PinCommand"/> as they are ({`pin`, `mode`, `level`}).</summary>
public sealed record ActionJson(string Kind, string? Action, string? Reason, string Message, IReadOnlyList<PinCommand> Pins, List<LightJson> Lights);

public sealed record LightJson(string Name, int Level, bool Dimmable,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? Color);

/// <summary>One `--trace` step; `scores` maps every intent, in the model's order, to its probability.</summary>
public sealed record TraceJson(int Words, string Word, string Top, double Confidence, string? Tag, bool Early, Dictionary<string, double> Scores);

/// <summary>System.Text.Json source generation for `saffu run --json` and `saffu listen --json`: snake_case, compact, default escaping.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(RunLine))]
[JsonSerializable(typeof(ListenLine))]
[JsonSerializable(typeof(ListenError))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(int))]
public sealed partial class TranscriptJsonContext : JsonSerializerContext;
