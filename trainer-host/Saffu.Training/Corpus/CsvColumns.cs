using System.Globalization;

namespace Saffu.Training.Corpus;

/// <summary>Where the text, intent and slot columns of a CSV with a header are.</summary>
internal sealed class CsvColumns
{
    const string TextColumn = "text", IntentColumn = "intent";

    readonly int text, intent, width;
    readonly (string Slot, int Column)[] slots;

    CsvColumns(int text, int intent, int width, (string, int)[] slots)
    {
        this.text = text;
        this.intent = intent;
        this.width = width;
        this.slots = slots;
    }

    public static bool TryHeader(IReadOnlyList<string> fields, out CsvColumns columns)
    {
        var names = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
        int text = names.IndexOf(TextColumn), intent = names.IndexOf(IntentColumn);
        columns = null!;
        if (text < 0 || intent < 0) return false;
        var slots = SlotNames.All.Select(s => (s, names.IndexOf(s))).Where(p => p.Item2 >= 0).ToArray();
        columns = new CsvColumns(text, intent, fields.Count, slots);
        return true;
    }

    public (string Text, string? Intent, IReadOnlyDictionary<string, string> Slots) Read(
        IReadOnlyList<string> fields, int line, UtteranceRules rules)
    {
        if (fields.Count != width)
            throw rules.Malformed(line, $"{fields.Count} fields", $"{width} fields, as in the header");
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (slot, column) in slots)
        {
            string cell = fields[column].Trim();
            if (cell.Length > 0) values[slot] = SlotValue(slot, cell, line, rules);
        }
        return (fields[text], fields[intent], values.Count == 0 ? Utterance.NoSlots : values);
    }

    public static (string Text, string? Intent, IReadOnlyDictionary<string, string> Slots) Headerless(
        IReadOnlyList<string> fields, int line, UtteranceRules rules)
    {
        if (fields.Count == 2) return (fields[0], fields[1], Utterance.NoSlots);
        if (fields.Count == 1 && !rules.Options.RequireIntent) return (fields[0], null, Utterance.NoSlots);
        throw rules.Malformed(line, $"{fields.Count} fields", "2 fields: text,intent (quote a text that contains commas)");
    }

    static string SlotValue(string slot, string cell, int line, UtteranceRules rules)
    {
        if (slot != SlotNames.Brightness) return cell;
        if (int.TryParse(cell, NumberStyles.None, CultureInfo.InvariantCulture, out int percent)
            && percent is >= SlotNames.MinBrightness and <= SlotNames.MaxBrightness)
            return SlotNames.FormatBrightness(percent);
        throw rules.Malformed(line, $"brightness {DatasetException.Quote(cell)}", "an integer percent 0..100");
    }
}
