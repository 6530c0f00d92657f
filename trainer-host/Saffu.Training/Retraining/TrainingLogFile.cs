using System.Text.Json;
using System.Text.Json.Nodes;
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
            return JsonNode.Parse(File.ReadAllBytes(path))?["noneRejection"]?["offset"]?.GetValue<double>() ?? 0;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new ModelFolderException(path, $"unreadable noneRejection.offset ({e.Message})", "the training log written by 'saffu train'");
        }
    }
}
