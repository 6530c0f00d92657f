using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Saffu.Training.Corpus;
using Saffu.Training.Model;
using Saffu.Training.Training;

namespace Saffu.Training.Retraining;

/// <summary>
/// Reads and writes corrections files (docs/corrections.md): JSON Lines, one <see cref="CorrectionRecord"/> a line,
/// blank lines ignored. Every problem is a <see cref="CorrectionsException"/> naming `file:line`, what was found and
/// what was expected.
/// </summary>
public static class CorrectionsFile
{
    public static IReadOnlyList<Correction> Read(string path)
    {
        if (!File.Exists(path)) throw new CorrectionsException(path, 0, "no such file", "a corrections file (docs/corrections.md)");
        using var stream = File.OpenRead(path);
        return Read(stream, path);
    }

    public static IReadOnlyList<Correction> Read(Stream stream, string path)
    {
        var result = new List<Correction>();
        foreach (RawLine line in new LineReader(stream, path, ReadOptions.DefaultMaxLineBytes).Lines())
        {
            if (line.Problem is { } p) throw new CorrectionsException(path, line.Number, p.Found, p.Expected);
            if (string.IsNullOrWhiteSpace(line.Text)) continue;
            result.Add(Validate(Parse(line.Text!, path, line.Number), path, line.Number));
        }
        return result;
    }

    /// <summary>Reads the line as a <see cref="CorrectionRecord"/> (snake_case keys; an unknown key is refused).</summary>
    public static CorrectionRecord Parse(string text, string path, int line)
    {
        try
        {
            return JsonSerializer.Deserialize(text, CorrectionsJsonContext.Default.CorrectionRecord)
                ?? throw new CorrectionsException(path, line, "null", "one JSON object a line");
        }
        catch (JsonException e)
        {
            throw new CorrectionsException(path, line, $"invalid JSON or a key that does not belong ({e.Message})",
                "one object a line with the keys of docs/corrections.md (log, verdict, corrected_text, corrected_intent, corrected_slots, slot_words; text, intent, slots for a new sentence)");
        }
    }

    static Correction Validate(CorrectionRecord r, string path, int line)
    {
        Verdict verdict = r.Verdict switch
        {
            "ok" => Verdict.Ok,
            "corrected" => Verdict.Corrected,
            "ignore" => Verdict.Ignore,
            "new" => Verdict.New,
            null => throw new CorrectionsException(path, line, "no \"verdict\"", "\"verdict\": \"ok\", \"corrected\", \"ignore\" or \"new\""),
            _ => throw new CorrectionsException(path, line, $"the verdict \"{r.Verdict}\"", "\"ok\", \"corrected\", \"ignore\" or \"new\""),
        };
        var source = new SourceLine(path, line);
        var slotWords = SlotWords(r.SlotWords, path, line);
        if (verdict == Verdict.New)
        {
            if (r.Log is not null || r.CorrectedText is not null || r.CorrectedIntent is not null || r.CorrectedSlots is not null)
                throw new CorrectionsException(path, line, "\"new\" with a log record or corrected_* keys", "a new sentence as \"text\", \"intent\" and optional \"slots\"");
            string text = NonEmpty(r.Text, "text", path, line);
            string intent = NonEmpty(r.Intent, "intent", path, line);
            var slots = r.Slots is null ? Correction.None : SlotJson.Read(r.Slots, path, line, "\"slots\"");
            return new Correction(verdict, null, text, intent, slots, slotWords, source);
        }
        if (r.Text is not null || r.Intent is not null || r.Slots is not null)
            throw new CorrectionsException(path, line, $"\"text\", \"intent\" or \"slots\" with the verdict \"{r.Verdict}\"",
                "corrected_text, corrected_intent, corrected_slots (text, intent and slots belong to a \"new\" sentence)");
        if (r.Log is null) throw new CorrectionsException(path, line, $"the verdict \"{r.Verdict}\" without \"log\"", "the pulled decision-log record as \"log\"");
        var logged = LoggedDecision.Of(r.Log, path, line);
        bool corrects = r.CorrectedText is not null || r.CorrectedIntent is not null || r.CorrectedSlots is not null;
        if (verdict == Verdict.Corrected && !corrects)
            throw new CorrectionsException(path, line, "\"corrected\" without a correction", "at least one of corrected_text, corrected_intent, corrected_slots");
        if (verdict != Verdict.Corrected && (corrects || slotWords.Count > 0))
            throw new CorrectionsException(path, line, $"corrected_* or slot_words with the verdict \"{r.Verdict}\"", "the verdict \"corrected\"");
        return new Correction(verdict, r.Log,
            r.CorrectedText is null ? logged.Text : NonEmpty(r.CorrectedText, "corrected_text", path, line),
            r.CorrectedIntent is null ? logged.IntentOrNone : NonEmpty(r.CorrectedIntent, "corrected_intent", path, line),
            r.CorrectedSlots is null ? logged.Slots : SlotJson.Read(r.CorrectedSlots, path, line, "\"corrected_slots\""),
            slotWords, source);
    }

    static IReadOnlyDictionary<string, string> SlotWords(Dictionary<string, string>? words, string path, int line)
    {
        if (words is null) return Correction.None;
        foreach (var (slot, said) in words)
            if (!SlotNames.IsText(slot) || string.IsNullOrWhiteSpace(said))
                throw new CorrectionsException(path, line, $"slot_words \"{slot}\": \"{said}\"", "words for a text slot (name, area, color, step)");
        return words;
    }

    static string NonEmpty(string? value, string key, string path, int line) =>
        string.IsNullOrWhiteSpace(value) ? throw new CorrectionsException(path, line, $"no \"{key}\"", $"\"{key}\" as a non-empty string") : value;

    /// <summary>Writes the lines (one record each) atomically: temporary file + rename, `\n` after every line.</summary>
    public static void WriteAll(string path, IEnumerable<string> lines) =>
        Evaluation.AtomicFile.Write(path, Encoding.UTF8.GetBytes(string.Concat(lines.Select(l => l + "\n"))));

    /// <summary>One record as its corrections-file line (no line break).</summary>
    public static string Line(CorrectionRecord record) => JsonSerializer.Serialize(record, CorrectionsJsonContext.Compact.CorrectionRecord);

    /// <summary>SHA-256 of the file's bytes as given: the corrections hash a retrained blob's lineage records.</summary>
    public static byte[] Hash(byte[] fileBytes) => SHA256.HashData(fileBytes);

    /// <summary>
    /// The identity of a pulled log record, so a review can resume: `log_id:seq` (unique, docs/decision-log.md), or for a
    /// record without them its canonical JSON (keys sorted, compact).
    /// </summary>
    public static string RecordKey(JsonObject record) =>
        record["log_id"] is JsonValue id && id.TryGetValue(out string? logId) && record["seq"] is JsonValue seq && seq.TryGetValue(out long number)
            ? $"{logId}:{number}"
            : Encoding.UTF8.GetString(SortedJson.Serialize(record, indented: false));
}
