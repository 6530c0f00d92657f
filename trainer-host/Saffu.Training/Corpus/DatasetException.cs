namespace Saffu.Training.Corpus;

/// <summary>What was wrong with a data file (docs/cli.md: exit code 1 with a clear message).</summary>
public enum DatasetError
{
    /// <summary>The path does not exist, or a folder lacks `seq.in` / `label`.</summary>
    NotFound,
    /// <summary>The path is neither a folder, a `.jsonl` nor a `.csv` file.</summary>
    UnknownFormat,
    /// <summary>No utterance could be read (empty file, or every line was bad and skipped).</summary>
    Empty,
    /// <summary>A line that does not parse (bad JSON, bad CSV quoting, a missing field, a bad slot).</summary>
    Malformed,
    /// <summary>A line longer than <see cref="ReadOptions.MaxLineBytes"/>.</summary>
    LineTooLong,
    /// <summary>Bytes that are not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>An intent label outside <see cref="ReadOptions.KnownIntents"/>.</summary>
    UnknownLabel,
    /// <summary>`seq.in` and `label` do not have the same number of lines.</summary>
    LineCountMismatch,
}

/// <summary>
/// A data file problem naming the file, the 1-based line (0 when it concerns the whole file),
/// what was found and what was expected.
/// </summary>
public sealed class DatasetException : InputFileException
{
    public DatasetException(DatasetError error, string path, int line, string found, string expected)
        : base(path, line, 0, found, expected)
    {
        Error = error;
    }

    public DatasetError Error { get; }

    /// <summary>Whether <see cref="ReadOptions.SkipBadLines"/> may skip it (a problem of one line, not of the file).</summary>
    public bool IsLineProblem => Line > 0 && Error is DatasetError.Malformed or DatasetError.LineTooLong
        or DatasetError.InvalidUtf8 or DatasetError.UnknownLabel;

    /// <summary>Shortens a found value for messages (long lines stay readable).</summary>
    internal static string Quote(string value, int max = 60)
    {
        string shown = value.Length <= max ? value : value[..max] + "…";
        return "\"" + shown.Replace("\n", "\\n").Replace("\r", "\\r") + "\"";
    }
}
