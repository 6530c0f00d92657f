using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Saffu.Training.Corpus;

namespace Saffu.Training.Training;

/// <summary>
/// Utterances as canonical JSONL (docs/model-dir.md): one object a line with sorted keys `intent`,
/// `slots` (only when there are slots; brightness as an integer) and `text`. The model folder's
/// `heldout.jsonl` is this, and the data hash is the SHA-256 of the training set written this way.
/// </summary>
public static class HeldOutFile
{
    public const string FileName = "heldout.jsonl";

    public static byte[] Write(IEnumerable<Utterance> utterances)
    {
        using var stream = new MemoryStream();
        foreach (Utterance u in utterances)
        {
            var line = new JsonObject { ["text"] = u.Text, ["intent"] = u.Intent };
            if (u.Slots.Count > 0)
            {
                var slots = new JsonObject();
                foreach (var (name, value) in u.Slots)
                    slots[name] = name == SlotNames.Brightness && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int percent)
                        ? JsonValue.Create(percent) : JsonValue.Create(value);
                line["slots"] = slots;
            }
            stream.Write(SortedJson.Serialize(line, indented: false));
            stream.WriteByte((byte)'\n');
        }
        return stream.ToArray();
    }

    /// <summary>SHA-256 of the canonical JSONL of the utterances.</summary>
    public static byte[] Hash(IEnumerable<Utterance> utterances) => SHA256.HashData(Write(utterances));
}
