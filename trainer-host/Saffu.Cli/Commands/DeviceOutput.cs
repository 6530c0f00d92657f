using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Saffu.Cli.Commands;

/// <summary>Shared pieces of `saffu device` output: answers as JSON without their protocol envelope, numbers, pins.</summary>
internal static class DeviceOutput
{
    /// <summary>The answer object without its `id` and `type` keys, as one JSON line.</summary>
    public static string Body(JsonElement answer) => Line(Without(answer), DeviceJsonContext.Relaxed.DictionaryStringJsonElement);

    /// <summary>One JSON line of <paramref name="value"/>, as <paramref name="type"/> (of <see cref="DeviceJsonContext.Relaxed"/>) writes it.</summary>
    public static string Line<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.Serialize(value, type);

    /// <summary>Every property of <paramref name="answer"/> but `id` and `type`, in order.</summary>
    public static Dictionary<string, JsonElement> Without(JsonElement answer)
    {
        var body = new Dictionary<string, JsonElement>();
        foreach (var p in answer.EnumerateObject())
            if (p.Name is not ("id" or "type")) body[p.Name] = p.Value;
        return body;
    }

    public static string Str(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) ? v.ValueKind switch
        {
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.Null => "-",
            JsonValueKind.True => "yes",
            JsonValueKind.False => "no",
            JsonValueKind.Number => v.TryGetInt64(out long n) ? N(n) : v.GetRawText(),
            _ => v.GetRawText(),
        } : "-";

    public static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>"GPIO 4 PWM 1000‰" / "GPIO 13 high", as `saffu run` prints pin commands.</summary>
    public static string Pin(JsonElement p)
    {
        int pin = p.GetProperty("pin").GetInt32(), level = p.GetProperty("level").GetInt32();
        return p.GetProperty("mode").GetString() == "pwm" ? $"GPIO {pin} PWM {level}‰" : $"GPIO {pin} {(level != 0 ? "high" : "low")}";
    }

    public static string Pins(JsonElement pins) => string.Join(", ", pins.EnumerateArray().Select(Pin));
}

/// <summary>`saffu device send --json` (and `saffu listen --port --json` with `file` first): the project keys, then the device's own.</summary>
internal sealed record DeviceSendJson(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? File,
    string Text, string? Intent, bool Understood, double Confidence, JsonElement Slots, JsonElement? Action, string? Top, string? Reason,
    string Answer, bool Truncated, long? Seq, int ConfidenceQ15, string? Correction,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonElement? LogError);

internal sealed record DeviceUploadJson(string File, int Bytes, string Crc, string Slot, bool Verified, string? ContentHash, bool Activated);

internal sealed record DevicePullJson(string File, string? LogId, int Added, int AlreadyHad, long? FirstSeq, long? LastSeq, int Records);

internal sealed record DeviceClearJson(long NextSeq);

internal sealed record DeviceBenchJson(string Sentence, int Runs, int Words, long Ticks, long UsPerWord, long MacsPerWord, long HeapFree);

internal sealed record DeviceRebootJson(bool Rebooted, Dictionary<string, JsonElement>? Boot);

/// <summary>
/// System.Text.Json source generation for `saffu device … --json`: snake_case, compact; <see cref="Relaxed"/> leaves
/// non-ASCII and HTML characters unescaped, as the device's own answers are passed on.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(DeviceSendJson))]
[JsonSerializable(typeof(DeviceUploadJson))]
[JsonSerializable(typeof(DevicePullJson))]
[JsonSerializable(typeof(DeviceClearJson))]
[JsonSerializable(typeof(DeviceBenchJson))]
[JsonSerializable(typeof(DeviceRebootJson))]
[JsonSerializable(typeof(Dictionary<string, JsonElement>))]
internal sealed partial class DeviceJsonContext : JsonSerializerContext
{
    public static DeviceJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
