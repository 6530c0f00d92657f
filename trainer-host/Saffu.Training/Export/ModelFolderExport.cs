using System.Globalization;
using Saffu.Training.Evaluation;
using Saffu.Training.Training;

namespace Saffu.Training.Export;

/// <summary>
/// `saffu export` as a library call: reads a model folder (docs/model-dir.md) and, when it holds
/// `home.yaml`, the home the model was trained for; exports the blob; writes it atomically.
/// </summary>
public static class ModelFolderExport
{
    /// <summary>The home description a lights model folder keeps beside model.json (`saffu train --home`).</summary>
    public const string HomeFile = ModelFolder.HomeFile;

    /// <exception cref="ModelFolderException">A missing or malformed model folder, or a malformed home.yaml in it.</exception>
    /// <exception cref="Blob.ActionMapException">A home the model's vocabulary cannot encode.</exception>
    public static ExportResult Export(string modelFolder, ExportOptions options)
    {
        ModelFolderContents folder = ModelFolder.Load(modelFolder);
        return Export(modelFolder, folder, options);
    }

    /// <summary>Exports a model folder already read (with its lineage, when it was retrained).</summary>
    public static ExportResult Export(string modelFolder, ModelFolderContents folder, ExportOptions options)
    {
        // A model trained with --u-rank is exported factored (docs/model-blob.md §14).
        return BlobExporter.Export(folder.Model, DataHash(modelFolder, folder.TrainSha256), folder.Home,
            options with { URank = folder.Options.Solver.URank }, folder.Lineage);
    }

    /// <summary>Writes the blob to a temporary file beside <paramref name="path"/> and renames it into place.</summary>
    public static void Write(string path, byte[] blob) => AtomicFile.Write(path, blob);

    /// <summary>The identity's time: SOURCE_DATE_EPOCH when set (reproducible builds), else 0 = not recorded.</summary>
    public static long CreatedUnixSeconds() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out long s) ? s : 0;

    private static byte[] DataHash(string modelFolder, string trainSha256)
    {
        if (trainSha256.Length == 64 && trainSha256.All(Uri.IsHexDigit)) return Convert.FromHexString(trainSha256);
        throw new ModelFolderException(Path.Combine(modelFolder, ModelFolder.ModelFile), $"data.trainSha256 \"{trainSha256}\"",
            "64 hexadecimal digits (the SHA-256 of the training data)");
    }
}
