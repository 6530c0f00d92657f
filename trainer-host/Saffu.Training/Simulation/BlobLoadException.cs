using Saffu.Runtime.Blob;

namespace Saffu.Training.Simulation;

/// <summary>A blob the runtime loader refused: its typed error and the loader's message (what was found, what was expected).</summary>
public sealed class BlobLoadException(string path, BlobError error, string message)
    : Exception($"{path}: {error}: {message}")
{
    public string Path { get; } = path;
    public BlobError Error { get; } = error;
    public string LoaderMessage { get; } = message;
}
