namespace Saffu.Training.Retraining;

/// <summary>A bad corrections file or decision log: `file:line: found …; expected …`.</summary>
public sealed class CorrectionsException(string path, int line, string found, string expected)
    : InputFileException(path, line, 0, found, expected);
