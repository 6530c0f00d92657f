namespace Saffu.Training.Training;

/// <summary>A model folder file that is missing, corrupt, of another version or inconsistent; names the file, what was found and what was expected.</summary>
public sealed class ModelFolderException(string path, string found, string expected)
    : Exception($"{path}: found {found}; expected {expected}.")
{
    public string Path { get; } = path;
    public string Found { get; } = found;
    public string Expected { get; } = expected;
}
