using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Saffu.Cli.Commands;

/// <summary>Shared pieces of `saffu device` output: answers as JSON without their protocol envelope, numbers, pins.</summary>
internal static class DeviceOutput
{
    /// <summary>The answer object without its `id` and `type` keys, as one JSON line.</summary>
    public static string Body(JsonElement answer) => Object(json => Copy(json, answer));

    /// <summary>One JSON object written by <paramref name="write"/>.</summary>
    public static string Object(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes every property of <paramref name="answer"/> but `id` and `type`.</summary>
    public static void Copy(Utf8JsonWriter json, JsonElement answer)
    {
        foreach (var p in answer.EnumerateObject())
            if (p.Name is not ("id" or "type")) p.WriteTo(json);
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
