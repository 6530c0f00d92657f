namespace Saffu.Training.Corpus;

/// <summary>
/// RFC 4180 CSV. The header row is optional: a first record whose fields include `text` and
/// `intent` (any case, any order) is a header; then columns are found by name, the columns `name`,
/// `area`, `color` and `brightness` are slots (an empty cell is no slot) and other columns are
/// ignored. Without a header every record is `text,intent` (or `text` alone when intents are not
/// required). Blank lines are ignored. A record's line number is the line where it starts.
/// </summary>
public static class CsvFormat
{
    public static Dataset Read(Stream stream, string path, ReadOptions options)
    {
        var rules = new UtteranceRules(path, options);
        var record = new CsvRecord();
        CsvColumns? columns = null;
        bool first = true;
        foreach (RawLine line in new LineReader(stream, path, options.MaxLineBytes).Lines())
        {
            if (line.Problem is not null)
            {
                rules.Problem(record.IsOpen ? Reattach(line.Problem, record.StartLine) : line.Problem);
                record.Reset();
                continue;
            }
            if (!record.IsOpen && string.IsNullOrWhiteSpace(line.Text)) continue;
            if (!TryFeed(record, line, rules, options)) continue;
            if (first && CsvColumns.TryHeader(record.Fields, out CsvColumns header))
                columns = header;
            else
                Add(record, columns, rules);
            first = false;
            record.Reset();
        }
        if (record.IsOpen)
            rules.Problem(rules.Malformed(record.StartLine, "a quoted field that never closes", "a closing double quote"));
        return rules.Finish(DatasetFormat.Csv);
    }

    static bool TryFeed(CsvRecord record, RawLine line, UtteranceRules rules, ReadOptions options)
    {
        try
        {
            bool complete = record.Feed(line.Number, line.Text!);
            if (record.Length > options.MaxLineBytes)
            {
                rules.Problem(new DatasetException(DatasetError.LineTooLong, rules.Path, record.StartLine,
                    $"a record of more than {options.MaxLineBytes:N0} characters", $"at most {options.MaxLineBytes:N0} bytes a record"));
                record.Reset();
                return false;
            }
            return complete;
        }
        catch (FormatException e)
        {
            int start = record.StartLine;
            record.Reset();
            rules.Problem(rules.Malformed(start, e.Message, "RFC 4180 quoting (a quote inside a quoted field is doubled)"));
            return false;
        }
    }

    static void Add(CsvRecord record, CsvColumns? columns, UtteranceRules rules)
    {
        try
        {
            var (text, intent, slots) = columns is null
                ? CsvColumns.Headerless(record.Fields, record.StartLine, rules)
                : columns.Read(record.Fields, record.StartLine, rules);
            rules.Add(record.StartLine, text, intent, slots);
        }
        catch (DatasetException e) when (e.IsLineProblem)
        {
            rules.Problem(e);
        }
    }

    static DatasetException Reattach(DatasetException problem, int recordStart) =>
        new(problem.Error, problem.Path, recordStart, problem.Found + $" (line {problem.Line}, inside a quoted field)", problem.Expected);
}
