using Saffu.Runtime.Blob;

namespace Saffu.Training.Export;

/// <summary>A blob file that cannot be read at all (missing, a folder, unreadable, larger than any blob may be).</summary>
public sealed class BlobFileException(string path, string found, string expected)
    : Exception($"{path}: found {found}; expected {expected}.")
{
    public string Path { get; } = path;
}

/// <summary>Reads a blob file's bytes for the host tools, refusing files no blob can be before reading them.</summary>
public static class BlobFile
{
    /// <exception cref="BlobFileException">Missing, a folder, unreadable, or over <see cref="BlobFormat.MaxBlobBytes"/>.</exception>
    public static byte[] Read(string path)
    {
        if (Directory.Exists(path)) throw new BlobFileException(path, "a folder", "a model blob file written by 'saffu export'");
        var info = new FileInfo(path);
        if (!info.Exists) throw new BlobFileException(path, "no such file", "a model blob file written by 'saffu export'");
        if (info.Length > BlobFormat.MaxBlobBytes)
            throw new BlobFileException(path, $"{info.Length:N0} bytes", $"at most {BlobFormat.MaxBlobBytes:N0} bytes (MaxBlobBytes, docs/model-blob.md)");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BlobFileException(path, $"a file that cannot be read ({e.Message})", "a readable model blob file");
        }
    }
}
