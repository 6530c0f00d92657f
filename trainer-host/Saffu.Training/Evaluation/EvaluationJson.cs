using System.Text.Json;
using System.Text.Json.Serialization;
using Saffu.Training.Simulation;

namespace Saffu.Training.Evaluation;

/// <summary>
/// The `--json` report (docs/cli.md, `## saffu eval`): snake_case keys, fractions 0–1, null for what was not measured.
/// Numbers are written in their shortest round-trip form. Written with System.Text.Json source generation
/// (<see cref="EvaluationJsonContext"/>, keys in declaration order); pinned byte for byte by
/// tests/Saffu.Cli.Tests/Golden/eval.json.
/// </summary>
public static class EvaluationJson
{
    /// <summary>Writes the report to <paramref name="path"/> atomically (temporary file + rename).</summary>
    public static void Write(EvaluationReport report, string path) => AtomicFile.Write(path, stream => Write(report, stream));

    public static void Write(EvaluationReport report, Stream stream) =>
        JsonSerializer.Serialize(stream, Of(report), EvaluationJsonContext.Default.EvaluationDocument);

    public static EvaluationDocument Of(EvaluationReport r) => new(r.Model, r.Test, r.Ood, r.N, r.NOod, r.Accuracy, r.MacroF1, r.Ece,
        r.FalseRejection, r.OodRejection, r.Threshold, r.Temperature, r.NoneIntent, r.Oracle, r.Agreement, r.MaxProbabilityError,
        r.SlotExactMatch, Actions(r.Actions), r.NearMissPath, Actions(r.NearMiss), r.Anticipation, r.PerIntent, r.Reliability,
        new ConfusionJson(r.Intents, r.Confusion));

    static ActionsJson? Actions(ActionReport? a) => a is null ? null
        : new(a.All.N, NotActed(a.All), IntentRight(a.All), a.All.WithLights, LightsRight(a.All), a.StateQuestions,
            a.StateQuestions == 0 ? null : a.StateRight / (double)a.StateQuestions,
            a.Categories.Select(c => new CategoryJson(c.Category, c.N, NotActed(c), IntentRight(c), c.WithLights, LightsRight(c))).ToList());

    static double NotActed(CategoryActions c) => c.N == 0 ? 0 : c.NotActed / (double)c.N;
    static double IntentRight(CategoryActions c) => c.N == 0 ? 0 : c.IntentRight / (double)c.N;
    static double? LightsRight(CategoryActions c) => c.WithLights == 0 ? null : c.LightsRight / (double)c.WithLights;
}

/// <summary>The report's keys in the documented order.</summary>
public sealed record EvaluationDocument(string? Model, string? Test, string? Ood, int N, int? NOod, double Accuracy, double MacroF1, double Ece,
    double FalseRejection, double? OodRejection, double Threshold, double Temperature, string? NoneIntent, OracleRejection Oracle,
    double? Agreement, double? MaxProbabilityError, double? SlotExactMatch, ActionsJson? Actions, string? NearMissFile, ActionsJson? NearMiss,
    IReadOnlyList<AnticipationPoint> Anticipation, IReadOnlyList<IntentMetrics> PerIntent, IReadOnlyList<ReliabilityBin> Reliability,
    ConfusionJson Confusion);

/// <summary>`actions` / `near_miss`: the whole set's counts, the state questions, then per category.</summary>
public sealed record ActionsJson(int N, double NotActed, double IntentRight, int WithLights, double? LightsRight, int StateQuestions,
    double? StateRight, List<CategoryJson> Categories);

public sealed record CategoryJson(string Category, int N, double NotActed, double IntentRight, int WithLights, double? LightsRight);

public sealed record ConfusionJson(IReadOnlyList<string> Intents, int[][] Matrix);

/// <summary>System.Text.Json source generation for the `saffu eval --json` report: snake_case, indented, default escaping.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(EvaluationDocument))]
public sealed partial class EvaluationJsonContext : JsonSerializerContext;
