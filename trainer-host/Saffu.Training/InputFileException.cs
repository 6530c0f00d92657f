namespace Saffu.Training;

/// <summary>
/// A problem in a file the user gave (data, grammar, home description): the file, the 1-based line
/// and column (0 when it concerns the whole file or line), what was found and what was expected.
/// The message reads "path:line:column: found …; expected …."
/// </summary>
public abstract class InputFileException : Exception
{
    protected InputFileException(string path, int line, int column, string found, string expected, Exception? inner = null)
        : base(Format(path, line, column, found, expected), inner)
    {
        Path = path;
        Line = line;
        Column = column;
        Found = found;
        Expected = expected;
    }

    public string Path { get; }
    /// <summary>1-based line; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }
    /// <summary>1-based column; 0 when the problem concerns the whole line.</summary>
    public int Column { get; }
    public string Found { get; }
    public string Expected { get; }

    static string Format(string path, int line, int column, string found, string expected)
    {
        string where = line <= 0 ? path : column <= 0 ? $"{path}:{line}" : $"{path}:{line}:{column}";
        return $"{where}: found {found}; expected {expected}.";
    }
}
