using System.Text.Json;

namespace Saffu.Training.Corpus;

/// <summary>
/// One JSON object a line: `{"text": "…", "intent": "…", "slots": {"area": "kitchen", "brightness": 50}}`.
/// `slots` is optional; its keys are `name`, `area`, `color`, `step` (strings) and `brightness` (an integer
/// 0..100); a null slot is absent. Optional `category` (a string) and `lights` (an array of light names: the lights a
/// command must act on) are kept for `saffu eval --blob`'s action measures. Other top-level keys are ignored. Blank lines
/// are ignored.
/// </summary>
public static class JsonlFormat
{
    static readonly JsonDocumentOptions Strict = new() { MaxDepth = 16 };

    public static Dataset Read(Stream stream, string path, ReadOptions options)
    {
        var rules = new UtteranceRules(path, options);
        foreach (RawLine line in new LineReader(stream, path, options.MaxLineBytes).Lines())
        {
            if (line.Problem is not null) { rules.Problem(line.Problem); continue; }
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            try
            {
                ReadLine(line.Number, line.Text, rules);
            }
            catch (DatasetException e) when (e.IsLineProblem)
            {
                rules.Problem(e);
            }
        }
        return rules.Finish(DatasetFormat.Jsonl);
    }

    static void ReadLine(int number, string text, UtteranceRules rules)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Strict);
        }
        catch (JsonException e)
        {
            throw rules.Malformed(number, $"invalid JSON ({e.Message})", "one JSON object a line");
        }
        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                throw rules.Malformed(number, $"a JSON {Kind(root)}", "a JSON object with \"text\" and \"intent\"");
            string transcript = RequiredString(root, "text", number, rules);
            string? intent = OptionalString(root, "intent", number, rules);
            var slots = root.TryGetProperty("slots", out JsonElement s) ? Slots(s, number, rules) : Utterance.NoSlots;
            string? category = OptionalString(root, "category", number, rules);
            rules.Add(number, transcript, intent, slots, category, Lights(root, number, rules));
        }
    }

    static string RequiredString(JsonElement root, string key, int number, UtteranceRules rules) =>
        OptionalString(root, key, number, rules)
        ?? throw rules.Malformed(number, $"no \"{key}\" string", $"a \"{key}\" string");

    static string? OptionalString(JsonElement root, string key, int number, UtteranceRules rules)
    {
        if (!root.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null) return null;
        if (value.ValueKind != JsonValueKind.String)
            throw rules.Malformed(number, $"\"{key}\" is a JSON {Kind(value)}", $"\"{key}\" as a string");
        return value.GetString();
    }

    static IReadOnlyDictionary<string, string> Slots(JsonElement slots, int number, UtteranceRules rules)
    {
        if (slots.ValueKind == JsonValueKind.Null) return Utterance.NoSlots;
        if (slots.ValueKind != JsonValueKind.Object)
            throw rules.Malformed(number, $"\"slots\" is a JSON {Kind(slots)}", "\"slots\" as an object");
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty slot in slots.EnumerateObject())
        {
            if (slot.Value.ValueKind == JsonValueKind.Null) continue;
            result[slot.Name] = SlotValue(slot, number, rules);
        }
        return result.Count == 0 ? Utterance.NoSlots : new Dictionary<string, string>(result, StringComparer.Ordinal);
    }

    static string SlotValue(JsonProperty slot, int number, UtteranceRules rules)
    {
        if (SlotNames.IsText(slot.Name))
        {
            if (slot.Value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(slot.Value.GetString()))
                return slot.Value.GetString()!;
            throw rules.Malformed(number, $"slot \"{slot.Name}\" = {slot.Value.GetRawText()}", $"\"{slot.Name}\" as a non-empty string");
        }
        if (slot.Name == SlotNames.Brightness)
        {
            if (slot.Value.ValueKind == JsonValueKind.Number && slot.Value.TryGetInt32(out int percent)
                && percent is >= SlotNames.MinBrightness and <= SlotNames.MaxBrightness)
                return SlotNames.FormatBrightness(percent);
            throw rules.Malformed(number, $"slot \"brightness\" = {slot.Value.GetRawText()}", "\"brightness\" as an integer percent 0..100");
        }
        throw rules.Malformed(number, $"the slot \"{slot.Name}\"", $"slots among {string.Join(", ", SlotNames.All)}");
    }

    /// <summary>`lights`: an array of light names (the lights a command must act on), or absent.</summary>
    static IReadOnlyList<string>? Lights(JsonElement root, int number, UtteranceRules rules)
    {
        if (!root.TryGetProperty("lights", out JsonElement lights) || lights.ValueKind == JsonValueKind.Null) return null;
        if (lights.ValueKind != JsonValueKind.Array || lights.EnumerateArray().Any(l => l.ValueKind != JsonValueKind.String))
            throw rules.Malformed(number, $"\"lights\" = {lights.GetRawText()}", "\"lights\" as an array of light names");
        return lights.EnumerateArray().Select(l => l.GetString()!).ToArray();
    }

    static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Null => "null",
        _ => "object",
    };
}
