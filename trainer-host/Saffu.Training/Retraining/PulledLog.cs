using System.Text.Json;
using System.Text.Json.Nodes;
using Saffu.Training.Corpus;

namespace Saffu.Training.Retraining;

/// <summary>One pulled decision-log record: the object verbatim, what it decided, and where it was.</summary>
public sealed record PulledRecord(JsonObject Record, LoggedDecision Decision, int Line);

/// <summary>
/// Reads a pulled decision log (docs/decision-log.md, `saffu device … pull-log`): JSON Lines, one record a line, blank lines
/// ignored. Each record must be an object with a `text` string; its other keys are kept as they are.
/// </summary>
public static class PulledLog
{
    public static IReadOnlyList<PulledRecord> Read(string path)
    {
        if (!File.Exists(path)) throw new CorrectionsException(path, 0, "no such file", "a pulled decision log (docs/decision-log.md)");
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static IReadOnlyList<PulledRecord> Read(Stream stream, string path)
    {
        var result = new List<PulledRecord>();
        foreach (RawLine line in new LineReader(stream, path, ReadOptions.DefaultMaxLineBytes).Lines())
        {
            if (line.Problem is { } p) throw new CorrectionsException(path, line.Number, p.Found, p.Expected);
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            JsonObject record;
            try
            {
                record = JsonSerializer.Deserialize(line.Text!, CorrectionsJsonContext.Default.JsonObject)
                    ?? throw new CorrectionsException(path, line.Number, "a JSON value that is not an object", "one decision-log record (a JSON object) a line");
            }
            catch (JsonException e)
            {
                throw new CorrectionsException(path, line.Number, $"invalid JSON ({e.Message})", "one decision-log record (a JSON object) a line");
            }
            result.Add(new PulledRecord(record, LoggedDecision.Of(record, path, line.Number), line.Number));
        }
        return result;
    }
}
