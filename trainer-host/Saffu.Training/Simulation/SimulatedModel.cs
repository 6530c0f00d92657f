using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Training.Export;

namespace Saffu.Training.Simulation;

/// <summary>Loads a blob into the device runtime on the host (the same code the ESP32 runs).</summary>
public static class SimulatedModel
{
    /// <summary>Loads blob bytes with the device's RAM limit (default <see cref="BlobFormat.DefaultMaxRuntimeBytes"/>).</summary>
    /// <exception cref="BlobLoadException">The loader refused the blob; the typed error and its message.</exception>
    public static SaffuModel Load(byte[] blob, string path, int maxRuntimeBytes = BlobFormat.DefaultMaxRuntimeBytes)
    {
        LoadResult loaded = ModelBlob.Load(blob, maxRuntimeBytes);
        return loaded.Model ?? throw new BlobLoadException(path, loaded.Error, loaded.Message);
    }

    /// <summary>Reads and loads a blob file.</summary>
    /// <exception cref="BlobFileException">The file cannot be read.</exception>
    /// <exception cref="BlobLoadException">The loader refused it.</exception>
    public static SaffuModel LoadFile(string path, int maxRuntimeBytes = BlobFormat.DefaultMaxRuntimeBytes) =>
        Load(BlobFile.Read(path), path, maxRuntimeBytes);
}
