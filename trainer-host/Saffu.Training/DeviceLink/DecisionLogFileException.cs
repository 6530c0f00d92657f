namespace Saffu.Training.DeviceLink;

/// <summary>A `pull-log` FILE whose existing content is not the decision-log JSON Lines of docs/decision-log.md.</summary>
public sealed class DecisionLogFileException(string path, int line, string found, string expected)
    : InputFileException(path, line, 0, found, expected);
