using System.Text;
using System.Text.Json;

namespace Saffu.Training.Simulation;

/// <summary>
/// `saffu run --json`: one JSON object a line (docs/cli.md): `text`, `intent` (null when not understood),
/// `understood`, `confidence`, `slots` (`name`, `area`, `color`, `step` strings; `brightness` integer), `action`
/// (null exactly when not understood), then `top`, `reason`, `early`, `truncated` and, with `--trace`, `trace`.
/// </summary>
public static class TranscriptJson
{
    /// <param name="file">`saffu listen`: the audio file, written first as `file`.</param>
    /// <param name="answer">`saffu listen`: the spoken answer, written last as `answer` (in place of the runner's).</param>
    public static string Line(TranscriptResult r, IReadOnlyList<string> intents, string? file = null, string? answer = null)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            if (file is not null) json.WriteString("file", ValidUtf16(file));
            json.WriteString("text", ValidUtf16(r.Text));
            json.WriteString("intent", r.Intent);
            json.WriteBoolean("understood", r.Understood);
            json.WriteNumber("confidence", r.Confidence);
            Slots(json, r.Slots);
            Action(json, r.Action);
            json.WriteString("top", r.Top);
            json.WriteString("reason", r.Reason);
            json.WriteString("domain", r.Domain);
            if (answer is null) json.WriteString("answer", r.Answer);
            Early(json, r.Early);
            json.WriteBoolean("truncated", r.Truncated);
            if (r.Trace is { } trace) Trace(json, trace, intents);
            if (answer is not null) json.WriteString("answer", answer);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>`saffu listen --json`: an audio file that could not be recognised: `file`, `error`.</summary>
    public static string Error(string file, string message)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("file", ValidUtf16(file));
            json.WriteString("error", ValidUtf16(message));
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Slots(Utf8JsonWriter json, IReadOnlyList<SlotValue> slots)
    {
        json.WriteStartObject("slots");
        foreach (SlotValue s in slots)
        {
            if (s.Number is { } n) json.WriteNumber(s.Name, n);
            else json.WriteString(s.Name, ValidUtf16(s.Text));
        }
        json.WriteEndObject();
    }

    private static void Action(Utf8JsonWriter json, ActionResult? a)
    {
        if (a is null) { json.WriteNull("action"); return; }
        json.WriteStartObject("action");
        json.WriteString("kind", a.Kind);
        json.WriteString("action", a.Action);
        json.WriteString("reason", a.Reason);
        json.WriteString("message", a.Message);
        json.WriteStartArray("pins");
        foreach (PinCommand p in a.Pins)
        {
            json.WriteStartObject();
            json.WriteNumber("pin", p.Pin);
            json.WriteString("mode", p.Mode);
            json.WriteNumber("level", p.Level);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("lights");
        foreach (LightState l in a.Lights)
        {
            json.WriteStartObject();
            json.WriteString("name", l.Name);
            json.WriteNumber("level", l.Level);
            json.WriteBoolean("dimmable", l.Dimmable);
            if (l.Color is { } c)
            {
                json.WriteStartArray("color");
                foreach (int v in c) json.WriteNumberValue(v);
                json.WriteEndArray();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Early(Utf8JsonWriter json, EarlyDecision? e)
    {
        if (e is null) { json.WriteNull("early"); return; }
        json.WriteStartObject("early");
        json.WriteNumber("words", e.Words);
        json.WriteString("word", e.Word);
        json.WriteString("intent", e.Intent);
        json.WriteEndObject();
    }

    private static void Trace(Utf8JsonWriter json, IReadOnlyList<TraceStep> trace, IReadOnlyList<string> intents)
    {
        json.WriteStartArray("trace");
        foreach (TraceStep step in trace)
        {
            json.WriteStartObject();
            json.WriteNumber("words", step.Words);
            json.WriteString("word", step.Word);
            json.WriteString("top", step.Top);
            json.WriteNumber("confidence", step.Confidence);
            json.WriteString("tag", step.Tag);
            json.WriteBoolean("early", step.Early);
            json.WriteStartObject("scores");
            for (int i = 0; i < intents.Count; i++) json.WriteNumber(intents[i], step.Scores[i]);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

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
