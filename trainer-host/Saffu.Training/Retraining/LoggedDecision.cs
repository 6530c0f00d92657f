using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Saffu.Training.Corpus;
using Saffu.Training.Model;

namespace Saffu.Training.Retraining;

/// <summary>
/// What a corrections file reads from a pulled decision-log record (docs/decision-log.md): the transcript, the decided
/// intent (null when not understood) and the slots, under the keys every saffu JSON uses (`text`, `intent`, `slots`).
/// The record's other keys are kept verbatim in the corrections file and not interpreted here.
/// </summary>
public sealed record LoggedDecision(string Text, string? Intent, IReadOnlyDictionary<string, string> Slots)
{
    /// <summary>The intent to train on when the person accepts the decision: the decided one, or the none class.</summary>
    public string IntentOrNone => Intent ?? FloatModel.NoneIntentName;

    /// <summary>Reads the fields from a pulled record; <paramref name="where"/> names the record for messages.</summary>
    public static LoggedDecision Of(JsonObject record, string path, int line)
    {
        string text = record["text"] is JsonValue t && t.TryGetValue(out string? s) ? s
            : throw new CorrectionsException(path, line, "a log record without a \"text\" string", "the pulled decision-log record with its \"text\"");
        string? intent = record["intent"] switch
        {
            null => null,
            JsonValue v when v.TryGetValue(out string? name) => name,
            var other => throw new CorrectionsException(path, line, $"the log record's \"intent\" {other.ToJsonString()}", "a string or null"),
        };
        var slots = record["slots"] is JsonObject o ? SlotJson.Read(o, path, line, "the log record's \"slots\"") : Correction.None;
        return new LoggedDecision(text, intent, slots);
    }
}

/// <summary>Slot objects of corrections and log records: `name`, `area`, `color`, `step` strings, `brightness` an integer 0..100.</summary>
public static class SlotJson
{
    public static IReadOnlyDictionary<string, string> Read(JsonObject slots, string path, int line, string what)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in slots)
        {
            if (value is null) continue;
            if (SlotNames.IsText(name))
                result[name] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length > 0
                    ? v.GetValue<string>()
                    : throw new CorrectionsException(path, line, $"{what}: \"{name}\" = {value.ToJsonString()}", $"\"{name}\" as a non-empty string");
            else if (name == SlotNames.Brightness)
                result[name] = value is JsonValue b && b.GetValueKind() == JsonValueKind.Number && b.TryGetValue(out int percent)
                    && percent is >= SlotNames.MinBrightness and <= SlotNames.MaxBrightness
                    ? percent.ToString(CultureInfo.InvariantCulture)
                    : throw new CorrectionsException(path, line, $"{what}: \"brightness\" = {value.ToJsonString()}", "\"brightness\" as an integer percent 0..100");
            else throw new CorrectionsException(path, line, $"{what}: the slot \"{name}\"", $"slots among {string.Join(", ", SlotNames.All)}");
        }
        return new Dictionary<string, string>(result, StringComparer.Ordinal);
    }

    /// <summary>Slots as a JSON object (brightness an integer), keys in slot order.</summary>
    public static JsonObject ToJson(IReadOnlyDictionary<string, string> slots)
    {
        var o = new JsonObject();
        foreach (string name in SlotNames.All.Where(slots.ContainsKey))
            o[name] = name == SlotNames.Brightness ? JsonValue.Create(int.Parse(slots[name], CultureInfo.InvariantCulture)) : JsonValue.Create(slots[name]);
        return o;
    }
}
