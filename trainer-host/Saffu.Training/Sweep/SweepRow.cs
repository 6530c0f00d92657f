using System.Text.Json;
using System.Text.Json.Serialization;

namespace Saffu.Training.Sweep;

/// <summary>
/// One line of the sweep's results file (JSON Lines, docs/cli.md `## saffu sweep`): the configuration and what it
/// measured. Fractions are 0–1.
/// </summary>
public sealed record SweepRow
{
    [JsonPropertyName("key")] public required string Key { get; init; }
    [JsonPropertyName("config")] public required SweepConfig Config { get; init; }
    [JsonPropertyName("valid_accuracy")] public required double ValidAccuracy { get; init; }
    /// <summary>Validation accuracy of the exported blob through the device runtime (quantization included); null in rows of older files.</summary>
    [JsonPropertyName("blob_valid_accuracy")] public double? BlobValidAccuracy { get; init; }
    /// <summary>Closed-set accuracy on every extra dev set, by its name (folder or file name).</summary>
    [JsonPropertyName("dev_accuracy")] public required IReadOnlyDictionary<string, double> DevAccuracy { get; init; }
    /// <summary>Share of every extra dev set decided as labelled, rejection rule included (<see cref="SweepRunner.DecisionAccuracy"/>); null in rows of older files.</summary>
    [JsonPropertyName("dev_decision_accuracy")] public IReadOnlyDictionary<string, double>? DevDecisionAccuracy { get; init; }
    /// <summary>A lights sweep: the share of every dev set the blob decided as labelled through the device's action planner
    /// (<see cref="DeviceCost.DevDeviceAccuracy"/>); null without a home and in rows of older files.</summary>
    [JsonPropertyName("dev_device_accuracy")] public IReadOnlyDictionary<string, double>? DevDeviceAccuracy { get; init; }
    /// <summary>Share of the out-of-domain set rejected at the threshold chosen on valid for ≤ 2% false rejection; null without --ood.</summary>
    [JsonPropertyName("ood_rejection")] public double? OodRejection { get; init; }
    /// <summary>Share of valid rejected at that threshold (≤ 0.02 by construction, up to ties).</summary>
    [JsonPropertyName("false_rejection")] public required double FalseRejection { get; init; }
    [JsonPropertyName("blob_bytes")] public required long BlobBytes { get; init; }
    [JsonPropertyName("ram_bytes")] public required long RamBytes { get; init; }
    [JsonPropertyName("macs_per_word")] public required long MacsPerWord { get; init; }
    /// <summary>Bytes and MACs are estimates (structured U: the runtime has no factored layers yet).</summary>
    [JsonPropertyName("cost_estimated")] public required bool CostEstimated { get; init; }
    [JsonPropertyName("parameters")] public required long Parameters { get; init; }
    /// <summary>Wall clock of Trainer.Train (explicit solve, fine-tuning when on, calibration).</summary>
    [JsonPropertyName("train_seconds")] public required double TrainSeconds { get; init; }
    /// <summary>Validation accuracy of the explicit solution before fine-tuning (equal to valid_accuracy without it).</summary>
    [JsonPropertyName("explicit_valid_accuracy")] public required double ExplicitValidAccuracy { get; init; }

    public string ToJsonLine() => JsonSerializer.Serialize(this, SweepJsonContext.Default.SweepRow);

    /// <summary>One results line; null for a line that is not a whole row (an interrupted write): the sweep redoes it.</summary>
    public static SweepRow? Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        try
        {
            return JsonSerializer.Deserialize(line, SweepJsonContext.Default.SweepRow);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}

/// <summary>System.Text.Json source generation for the sweep's results file: snake_case, compact, NaN and infinities as named literals.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(SweepRow))]
public sealed partial class SweepJsonContext : JsonSerializerContext;
