using System.Text.Json;

namespace Saffu.Training.DeviceLink;

/// <summary>Reads the keys of a device's answer line; a missing or mistyped key is a <see cref="DeviceLinkError.Protocol"/> error naming it.</summary>
internal static class DeviceJson
{
    public static JsonElement Get(JsonElement e, string key, JsonValueKind kind)
    {
        if (e.TryGetProperty(key, out var v) && v.ValueKind == kind) return v;
        throw Missing(e, key, kind.ToString().ToLowerInvariant());
    }

    public static long Long(JsonElement e, string key) =>
        Get(e, key, JsonValueKind.Number).TryGetInt64(out long v) ? v : throw Missing(e, key, "an integer");

    public static int Int(JsonElement e, string key) =>
        Get(e, key, JsonValueKind.Number).TryGetInt32(out int v) ? v : throw Missing(e, key, "a 32-bit integer");

    public static string String(JsonElement e, string key) => Get(e, key, JsonValueKind.String).GetString()!;

    public static string? StringOrNull(JsonElement e, string key)
    {
        if (e.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.String or JsonValueKind.Null) return v.ValueKind == JsonValueKind.Null ? null : v.GetString();
        throw Missing(e, key, "string or null");
    }

    public static long? LongOrNull(JsonElement e, string key)
    {
        if (e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.Null) return null;
        if (e.TryGetProperty(key, out v) && v.TryGetInt64(out long n)) return n;
        throw Missing(e, key, "integer or null");
    }

    public static bool Bool(JsonElement e, string key)
    {
        if (e.TryGetProperty(key, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False) return v.GetBoolean();
        throw Missing(e, key, "true or false");
    }

    /// <summary>The key's value of any kind (null when absent).</summary>
    public static JsonElement? Optional(JsonElement e, string key) => e.TryGetProperty(key, out var v) ? v : null;

    private static DeviceLinkException Missing(JsonElement e, string key, string expected)
    {
        string type = e.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "?";
        string found = e.TryGetProperty(key, out var v) ? (v.ValueKind == JsonValueKind.Number ? v.GetRawText() : v.ValueKind.ToString().ToLowerInvariant()) : "nothing";
        return new DeviceLinkException(DeviceLinkError.Protocol,
            $"the device's '{type}' answer has {found} for '{key}'; expected {expected} (docs/serial-protocol.md)");
    }
}
