using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;
using Saffu.Training.Evaluation;

namespace Saffu.Training.DeviceLink;

/// <summary>What one `pull-log` did.</summary>
/// <param name="Added">Records appended to the file.</param>
/// <param name="AlreadyHad">Records the device sent that the file already held (same log_id and seq).</param>
/// <param name="LogId">The device log's id (null when the device holds no record).</param>
public sealed record PullResult(int Added, int AlreadyHad, string? LogId, long? FirstAdded, long? LastAdded, int FileRecords);

/// <summary>
/// The host's decision-log file (docs/decision-log.md, "JSON Lines written by the host"): one JSON object a line per
/// device record, keyed by (`log_id`, `seq`). <see cref="Pull"/> asks the device only for records past the highest
/// seq the file holds for that device's log, appends the ones it does not have in seq order, and replaces the file
/// atomically, so a failure leaves either the old file or the old file plus whole new records. A record the file
/// already holds must agree on its boot counter and model hash too; when one does not, nothing is written
/// (<see cref="DecisionLogFileException"/>): the file holds another log under the same id.
/// </summary>
public static class DecisionLogFile
{
    /// <summary>Records asked for per `log dump` request (the protocol allows 1..256).</summary>
    public const int RecordsPerRequest = 64;

    /// <summary>The keys of a host record, in order (docs/decision-log.md).</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "log_id", "seq", "boot", "uptime_ms", "model_hash", "text", "intent", "understood", "confidence", "confidence_q15",
        "slots", "action", "top", "reason", "truncated", "text_cut", "pulled_at", "corrected",
    ];

    public static PullResult Pull(DeviceClient client, string path, DateTimeOffset pulledAt)
    {
        var held = ReadRecords(path);
        string? logId = DeviceLogId(client);
        if (logId is null) return new PullResult(0, 0, null, null, null, held.Count);
        // From the newest record FILE holds of this log (not one past it): when the device still has it, it must be
        // the same record (boot counter, model hash), else FILE is not this device's log.
        long from = held.Keys.Where(k => k.LogId == logId).Select(k => k.Seq).DefaultIfEmpty(0).Max();
        string stamp = pulledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var lines = new List<string>();
        int already = 0;
        string? conflict = null;
        long? first = null, last = null;
        try
        {
            client.DumpLog(from, RecordsPerRequest, record =>
            {
                var (id, seq, line) = HostLine(record, stamp);
                var origin = (Boot: DeviceJson.Long(record, "boot"), ModelHash: DeviceJson.StringOrNull(record, "model_hash"));
                if (held.TryGetValue((id, seq), out var had))
                {
                    if (had == origin) already++;
                    else conflict ??= $"{path} holds log {id} seq {seq} from boot {had.Boot}, model {Short(had.ModelHash)}, but the device's record "
                        + $"seq {seq} is from boot {origin.Boot}, model {Short(origin.ModelHash)}: the file is not this device's log (pull into a new file)";
                    return;
                }
                held[(id, seq)] = origin;
                lines.Add(line);
                first ??= seq;
                last = seq;
            });
        }
        finally
        {
            if (lines.Count > 0 && conflict is null) Append(path, lines);
        }
        if (conflict is not null) throw new DecisionLogFileException(path, 0, "another log under the same id", conflict);
        return new PullResult(lines.Count, already, logId, first, last, held.Count);
    }

    /// <summary>
    /// (log_id, seq) → (boot, model_hash) of every record in the file; a line that is not such a record is a
    /// <see cref="DecisionLogFileException"/>.
    /// </summary>
    public static Dictionary<(string LogId, long Seq), (long Boot, string? ModelHash)> ReadRecords(string path)
    {
        var records = new Dictionary<(string, long), (long, string?)>();
        if (Directory.Exists(path)) throw new DecisionLogFileException(path, 0, "a folder", "a decision-log JSON Lines file (or a new file name)");
        if (!File.Exists(path)) return records;
        int number = 0;
        foreach (string line in File.ReadLines(path, new UTF8Encoding(false, true)))
        {
            number++;
            if (line.Trim().Length == 0) continue;
            try
            {
                if (JsonSerializer.Deserialize(line, DecisionLogJsonContext.Default.LogRecordKey) is { LogId: { } id, Seq: { } seq, Boot: { } boot } key)
                {
                    records[(id, seq)] = (boot, key.ModelHash);
                    continue;
                }
            }
            catch (JsonException) { }
            throw new DecisionLogFileException(path, number, $"'{Cut(line)}'",
                "one JSON object a line with 'log_id' (string), 'seq' and 'boot' (integers) and 'model_hash' (docs/decision-log.md); pull into a new file instead");
        }
        return records;
    }

    /// <summary>A device `record` line as the host's JSON line: the documented keys in order, exact confidence, pulled_at.</summary>
    public static (string LogId, long Seq, string Line) HostLine(JsonElement r, string pulledAt)
    {
        string logId = DeviceJson.String(r, "log_id");
        long seq = DeviceJson.Long(r, "seq");
        int q15 = DeviceJson.Int(r, "confidence_q15");
        var line = new HostLogRecord(logId, seq, DeviceJson.Long(r, "boot"), DeviceJson.Long(r, "uptime_ms"), DeviceJson.StringOrNull(r, "model_hash"),
            DeviceJson.String(r, "text"), DeviceJson.StringOrNull(r, "intent"), DeviceJson.Bool(r, "understood"), q15 / 32768.0, q15,
            DeviceJson.Get(r, "slots", JsonValueKind.Object), DeviceJson.Optional(r, "action") is { ValueKind: JsonValueKind.Object } action ? action : null,
            DeviceJson.StringOrNull(r, "top"), DeviceJson.StringOrNull(r, "reason"), DeviceJson.Bool(r, "truncated"), DeviceJson.Bool(r, "text_cut"), pulledAt,
            // A firmware older than the correction rule writes no `corrected`: it never decided on a correction.
            DeviceJson.Optional(r, "corrected") is { ValueKind: JsonValueKind.True });
        return (logId, seq, JsonSerializer.Serialize(line, DecisionLogJsonContext.Relaxed.HostLogRecord));
    }

    /// <summary>The device's log id: from `status` when it reports one, else from its oldest record (null: the log is empty).</summary>
    private static string? DeviceLogId(DeviceClient client)
    {
        JsonElement log = DeviceJson.Get(client.Status(), "log", JsonValueKind.Object);
        if (log.TryGetProperty("log_id", out var id) && id.ValueKind == JsonValueKind.String) return id.GetString();
        if (DeviceJson.Long(log, "records") == 0) return null;
        string? found = null;
        client.Request("log dump 0 1", "log", record => found ??= DeviceJson.String(record, "log_id"));
        return found;
    }

    private static void Append(string path, List<string> lines)
    {
        byte[] old = File.Exists(path) ? File.ReadAllBytes(path) : [];
        AtomicFile.Write(path, stream =>
        {
            stream.Write(old);
            if (old.Length > 0 && old[^1] != (byte)'\n') stream.WriteByte((byte)'\n');
            foreach (string line in lines)
            {
                stream.Write(Encoding.UTF8.GetBytes(line));
                stream.WriteByte((byte)'\n');
            }
        });
    }

    private static string Short(string? hash) => hash is null ? "none" : hash.Length > 16 ? hash[..16] + "…" : hash;

    private static string Cut(string line) => line.Length <= 60 ? line : line[..60] + "…";
}

/// <summary>One record of the host's decision-log file, keys in the order of docs/decision-log.md; `slots` and `action` as the device sent them.</summary>
public sealed record HostLogRecord(string LogId, long Seq, long Boot, long UptimeMs, string? ModelHash, string Text, string? Intent, bool Understood,
    double Confidence, int ConfidenceQ15, JsonElement Slots, JsonElement? Action, string? Top, string? Reason, bool Truncated, bool TextCut, string PulledAt, bool Corrected);

/// <summary>What <see cref="DecisionLogFile.ReadRecords"/> needs of a record: its key and origin (`model_hash` must be present, null allowed).</summary>
public sealed record LogRecordKey(string? LogId, long? Seq, long? Boot, [property: JsonRequired] string? ModelHash);

/// <summary>
/// System.Text.Json source generation for the host's decision-log file: snake_case, compact; <see cref="Relaxed"/> leaves
/// non-ASCII and HTML characters unescaped (the file is read by people too).
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(HostLogRecord))]
[JsonSerializable(typeof(LogRecordKey))]
public sealed partial class DecisionLogJsonContext : JsonSerializerContext
{
    public static DecisionLogJsonContext Relaxed { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
