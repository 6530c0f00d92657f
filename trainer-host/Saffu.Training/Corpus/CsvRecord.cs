using System.Text;

namespace Saffu.Training.Corpus;

/// <summary>
/// Assembles one RFC 4180 record from physical lines: fields separated by commas, a field in double
/// quotes may hold commas, line breaks and doubled quotes (`""`). A quote inside an unquoted field
/// is kept as a character; text after a closing quote is an error.
/// </summary>
internal sealed class CsvRecord
{
    readonly List<string> fields = new();
    readonly StringBuilder field = new();
    bool inQuotes, quotedField, afterClosingQuote;

    public int StartLine { get; private set; }
    public int Length { get; private set; }
    public bool IsOpen => StartLine > 0;
    public IReadOnlyList<string> Fields => fields;

    /// <summary>Adds a physical line; true when the record is complete. Throws <see cref="FormatException"/> on bad quoting.</summary>
    public bool Feed(int lineNumber, string line)
    {
        if (!IsOpen) StartLine = lineNumber;
        else field.Append('\n'); // the line break inside a quoted field
        Length += line.Length + 1;
        foreach (char ch in line) Take(ch);
        if (inQuotes) return false;
        EndField();
        return true;
    }

    public void Reset()
    {
        fields.Clear();
        field.Clear();
        inQuotes = quotedField = afterClosingQuote = false;
        StartLine = 0;
        Length = 0;
    }

    void Take(char ch)
    {
        if (inQuotes)
        {
            if (ch == '"') { inQuotes = false; afterClosingQuote = true; }
            else field.Append(ch);
            return;
        }
        if (ch == ',') { EndField(); return; }
        if (afterClosingQuote)
        {
            if (ch != '"') throw new FormatException($"the character '{ch}' after a closing quote");
            field.Append('"'); // a doubled quote inside a quoted field
            inQuotes = true;
            afterClosingQuote = false;
            return;
        }
        if (ch == '"' && field.Length == 0 && !quotedField) { inQuotes = quotedField = true; return; }
        field.Append(ch);
    }

    void EndField()
    {
        fields.Add(field.ToString());
        field.Clear();
        quotedField = afterClosingQuote = false;
    }
}
