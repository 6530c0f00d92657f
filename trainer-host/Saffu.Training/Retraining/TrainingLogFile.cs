using System.Text.Json;
using System.Text.Json.Serialization;
using Saffu.Training.Training;

namespace Saffu.Training.Retraining;

/// <summary>What retraining reads from a model folder's `training-log.json`: the none offset δ folded into O (docs/model-dir.md).</summary>
public static class TrainingLogFile
{
    /// <summary>`noneRejection.offset`, or 0 when the log has none (no none class, no validation split).</summary>
    public static double NoneOffset(string folder)
    {
        string path = Path.Combine(folder, ModelFolder.LogFile);
        if (!File.Exists(path)) throw new ModelFolderException(path, "no such file", "the training log written by 'saffu train' (its none offset)");
        try
        {
            return JsonSerializer.Deserialize(File.ReadAllBytes(path), TrainingLogJsonContext.Default.TrainingLogHead)?.NoneRejection?.Offset ?? 0;
        }
        catch (JsonException e)
        {
            throw new ModelFolderException(path, $"unreadable noneRejection.offset ({e.Message})", "the training log written by 'saffu train'");
        }
    }
}

/// <summary>The part of `training-log.json` retraining reads (its other keys are skipped).</summary>
internal sealed record TrainingLogHead(NoneRejectionHead? NoneRejection);

internal sealed record NoneRejectionHead(double? Offset);

/// <summary>System.Text.Json source generation for reading `training-log.json` (camelCase, as docs/model-dir.md writes it).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(TrainingLogHead))]
internal sealed partial class TrainingLogJsonContext : JsonSerializerContext;
