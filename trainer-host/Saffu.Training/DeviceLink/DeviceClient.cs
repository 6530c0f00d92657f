using System.Text;
using System.Text.Json;

namespace Saffu.Training.DeviceLink;

/// <summary>
/// The host side of docs/serial-protocol.md over any <see cref="IDeviceLink"/>: numbered requests, answers matched by
/// id, the resynchronisation procedure, typed errors. Every wait is bounded by <see cref="Timeout"/>.
/// </summary>
public sealed partial class DeviceClient : IDisposable
{
    /// <summary>The protocol version this host speaks.</summary>
    public const int ProtocolVersion = 1;

    /// <summary>Longest request line the device reads, in bytes without the line end (Protocol.MaxLineBytes).</summary>
    public const int MaxRequestBytes = 1024;

    /// <summary>Longest answer line the host accepts, in bytes.</summary>
    public const int MaxAnswerBytes = 64 * 1024;

    /// <summary>Lines that match no request (noise, stale answers) read for one request before giving up.</summary>
    public const int MaxUnmatchedLines = 256;

    private readonly IDeviceLink _link;
    private int _nextId = 1;

    public DeviceClient(IDeviceLink link, TimeSpan timeout)
    {
        _link = link;
        Timeout = timeout;
    }

    public TimeSpan Timeout { get; }

    public string Description => _link.Description;

    /// <summary>True once a boot event was seen on this connection (the device restarted while we talked).</summary>
    public bool SawBoot { get; private set; }

    /// <summary>The byte that makes the device drop a half line without running it (docs/serial-protocol.md, Framing).</summary>
    public const char Cancel = '\u0018';

    /// <summary>
    /// Resynchronises (docs/serial-protocol.md, Resynchronising): drops what arrived before, then sends CAN (the device
    /// drops any half line it holds, without running it) and a ping with a fresh id in one write; everything before
    /// its pong is skipped. Returns the device's protocol version.
    /// </summary>
    public int Connect()
    {
        _link.DiscardInput();
        JsonElement pong;
        try
        {
            pong = Request("ping", "pong", prefix: Cancel.ToString());
        }
        catch (DeviceLinkException e) when (e.Error == DeviceLinkError.Timeout && SawBoot)
        {
            // The board restarted as the port opened (DTR/RTS wired to EN on many boards) and lost the ping: once more.
            pong = Request("ping", "pong", prefix: Cancel.ToString());
        }
        int protocol = pong.TryGetProperty("protocol", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetInt32() : -1;
        if (protocol != ProtocolVersion)
            throw new DeviceLinkException(DeviceLinkError.Protocol,
                $"{Description} speaks protocol version {protocol}; this saffu speaks version {ProtocolVersion} (update saffu or the firmware)");
        return protocol;
    }

    /// <summary>Sends one request and returns its final answer line (of <paramref name="expectedType"/>).</summary>
    /// <param name="onRecord">Called for each `record` line before the final line (log dump).</param>
    /// <param name="prefix">Bytes sent before the request in the same write (CAN when resynchronising).</param>
    public JsonElement Request(string command, string expectedType, Action<JsonElement>? onRecord = null, TimeSpan? timeout = null, string prefix = "")
    {
        int id = _nextId++;
        string line = $"{id} {command}";
        int bytes = Encoding.UTF8.GetByteCount(line);
        if (bytes > MaxRequestBytes)
            throw new DeviceLinkException(DeviceLinkError.Refused, $"the request is {bytes:N0} bytes; the device reads lines of at most {MaxRequestBytes:N0} bytes");
        _link.WriteLine(prefix + line);
        return ReadAnswer(id, command, expectedType, onRecord, timeout ?? Timeout);
    }

    private JsonElement ReadAnswer(int id, string command, string expectedType, Action<JsonElement>? onRecord, TimeSpan timeout)
    {
        DateTime deadline = DateTime.UtcNow + timeout;
        string? unreadLine = null;
        for (int unmatched = 0; unmatched <= MaxUnmatchedLines;)
        {
            TimeSpan left = deadline - DateTime.UtcNow;
            string text;
            try
            {
                if (left <= TimeSpan.Zero) throw new DeviceLinkException(DeviceLinkError.Timeout, "");
                text = _link.ReadLine(left);
            }
            catch (DeviceLinkException e) when (e.Error == DeviceLinkError.Protocol)
            {
                unmatched++;
                continue;
            }
            catch (DeviceLinkException e) when (e.Error == DeviceLinkError.Timeout)
            {
                throw NoAnswer(command, timeout, unreadLine, e);
            }
            var parsed = Parse(text);
            if (parsed is null)
            {
                unmatched++;
                continue;
            }
            var (answer, type, answerId) = parsed.Value;
            if (answerId is null)
            {
                if (type == "boot") SawBoot = true;
                else if (type == "error") unreadLine = $"{Str(answer, "code")}: {Str(answer, "message")}";
                unmatched++;
                continue;
            }
            if (answerId != id)
            {
                unmatched++;
                continue;
            }
            if (type == "record" && onRecord is not null)
            {
                onRecord(answer);
                deadline = DateTime.UtcNow + timeout;
                continue;
            }
            if (type == "error")
                throw new DeviceLinkException(DeviceLinkError.Device,
                    $"{Description} answered '{Verb(command)}' with error {Str(answer, "code")}: {Str(answer, "message")}", Str(answer, "code"));
            if (type != expectedType)
                throw new DeviceLinkException(DeviceLinkError.Protocol,
                    $"{Description} answered '{Verb(command)}' with a '{type}' line; expected '{expectedType}' (docs/serial-protocol.md)");
            return answer;
        }
        throw new DeviceLinkException(DeviceLinkError.Protocol,
            $"{Description} sent more than {MaxUnmatchedLines} lines that answer no request of this host while it waited for '{Verb(command)}' (wrong baud rate, or another program on the port?)");
    }

    /// <summary>An answer line's object, `type` and `id` (null for "id":null); null when the line is not an answer at all.</summary>
    private static (JsonElement Answer, string Type, int? Id)? Parse(string text)
    {
        JsonElement answer;
        try
        {
            using var doc = JsonDocument.Parse(text);
            answer = doc.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
        if (answer.ValueKind != JsonValueKind.Object || !answer.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String) return null;
        if (!answer.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.Number or JsonValueKind.Null)) return null;
        if (id.ValueKind == JsonValueKind.Null) return (answer, type.GetString()!, null);
        return id.TryGetInt32(out int n) ? (answer, type.GetString()!, n) : null;
    }

    private DeviceLinkException NoAnswer(string command, TimeSpan timeout, string? unreadLine, DeviceLinkException inner)
    {
        if (unreadLine is not null)
            return new DeviceLinkException(DeviceLinkError.Device,
                $"{Description} could not read the '{Verb(command)}' request ({unreadLine})", unreadLine.Split(':')[0], inner);
        string detail = inner.Message.Length > 0 ? inner.Message : $"no answer from {Description} within {timeout.TotalSeconds:0.0#} s";
        return new DeviceLinkException(DeviceLinkError.Timeout, $"'{Verb(command)}': {detail}", inner: inner);
    }

    /// <summary>The command's name for messages: its first word, or two for `upload …` and `log …` ("upload chunk").</summary>
    private static string Verb(string command)
    {
        string[] words = command.Split(' ', 3);
        return words.Length > 1 && words[0] is "upload" or "log" ? $"{words[0]} {words[1]}" : words[0];
    }

    internal static string Str(JsonElement e, string key) =>
        e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    public void Dispose() => _link.Dispose();
}
