using System.Text.Json;

namespace Saffu.Training.Evaluation;

/// <summary>
/// The `--json` report (docs/cli.md, `## saffu eval`): snake_case keys, fractions 0–1, null for
/// what was not measured. Numbers are written in their shortest round-trip form.
/// </summary>
public static class EvaluationJson
{
    /// <summary>Writes the report to <paramref name="path"/> atomically (temporary file + rename).</summary>
    public static void Write(EvaluationReport report, string path) => AtomicFile.Write(path, stream => Write(report, stream));

    /// <summary>An <see cref="Simulation.ActionReport"/>: counts overall and per category (null when not measured).</summary>
    static void WriteActions(Utf8JsonWriter json, string key, Simulation.ActionReport? a)
    {
        if (a is null) { json.WriteNull(key); return; }
        json.WriteStartObject(key);
        WriteCategory(json, a.All);
        json.WriteNumber("state_questions", a.StateQuestions);
        Nullable(json, "state_right", a.StateQuestions == 0 ? null : a.StateRight / (double)a.StateQuestions);
        json.WriteStartArray("categories");
        foreach (var c in a.Categories)
        {
            json.WriteStartObject();
            json.WriteString("category", c.Category);
            WriteCategory(json, c);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    static void WriteCategory(Utf8JsonWriter json, Simulation.CategoryActions c)
    {
        json.WriteNumber("n", c.N);
        json.WriteNumber("not_acted", c.N == 0 ? 0 : c.NotActed / (double)c.N);
        json.WriteNumber("intent_right", c.N == 0 ? 0 : c.IntentRight / (double)c.N);
        json.WriteNumber("with_lights", c.WithLights);
        Nullable(json, "lights_right", c.WithLights == 0 ? null : c.LightsRight / (double)c.WithLights);
    }

    public static void Write(EvaluationReport report, Stream stream)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("model", report.Model);
        json.WriteString("test", report.Test);
        json.WriteString("ood", report.Ood);
        json.WriteNumber("n", report.N);
        Nullable(json, "n_ood", report.NOod);
        json.WriteNumber("accuracy", report.Accuracy);
        json.WriteNumber("macro_f1", report.MacroF1);
        json.WriteNumber("ece", report.Ece);
        json.WriteNumber("false_rejection", report.FalseRejection);
        Nullable(json, "ood_rejection", report.OodRejection);
        json.WriteNumber("threshold", report.Threshold);
        json.WriteNumber("temperature", report.Temperature);
        json.WriteString("none_intent", report.NoneIntent);
        WriteOracle(json, report.Oracle);
        Nullable(json, "agreement", report.Agreement);
        Nullable(json, "max_probability_error", report.MaxProbabilityError);
        Nullable(json, "slot_exact_match", report.SlotExactMatch);
        WriteActions(json, "actions", report.Actions);
        json.WriteString("near_miss_file", report.NearMissPath);
        WriteActions(json, "near_miss", report.NearMiss);
        WriteAnticipation(json, report.Anticipation);
        WritePerIntent(json, report.PerIntent);
        WriteReliability(json, report.Reliability);
        WriteConfusion(json, report.Intents, report.Confusion);
        json.WriteEndObject();
    }

    private static void WriteOracle(Utf8JsonWriter json, OracleRejection oracle)
    {
        json.WriteStartObject("oracle");
        json.WriteNumber("max_false_rejection", oracle.MaxFalseRejection);
        json.WriteNumber("threshold", oracle.Threshold);
        json.WriteNumber("false_rejection", oracle.FalseRejection);
        Nullable(json, "ood_rejection", oracle.OodRejection);
        json.WriteEndObject();
    }

    private static void WriteAnticipation(Utf8JsonWriter json, IReadOnlyList<AnticipationPoint> points)
    {
        json.WriteStartArray("anticipation");
        foreach (var p in points)
        {
            json.WriteStartObject();
            json.WriteNumber("fraction", p.Fraction);
            json.WriteNumber("accuracy", p.Accuracy);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WritePerIntent(Utf8JsonWriter json, IReadOnlyList<IntentMetrics> rows)
    {
        json.WriteStartArray("per_intent");
        foreach (var r in rows)
        {
            json.WriteStartObject();
            json.WriteString("intent", r.Intent);
            json.WriteNumber("precision", r.Precision);
            json.WriteNumber("recall", r.Recall);
            json.WriteNumber("f1", r.F1);
            json.WriteNumber("support", r.Support);
            json.WriteNumber("predicted", r.Predicted);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteReliability(Utf8JsonWriter json, IReadOnlyList<ReliabilityBin> bins)
    {
        json.WriteStartArray("reliability");
        foreach (var b in bins)
        {
            json.WriteStartObject();
            json.WriteNumber("lower", b.Lower);
            json.WriteNumber("upper", b.Upper);
            json.WriteNumber("count", b.Count);
            Nullable(json, "confidence", b.Confidence);
            Nullable(json, "accuracy", b.Accuracy);
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }

    private static void WriteConfusion(Utf8JsonWriter json, IReadOnlyList<string> intents, int[][] matrix)
    {
        json.WriteStartObject("confusion");
        json.WriteStartArray("intents");
        foreach (string name in intents) json.WriteStringValue(name);
        json.WriteEndArray();
        json.WriteStartArray("matrix");
        foreach (int[] row in matrix)
        {
            json.WriteStartArray();
            foreach (int count in row) json.WriteNumberValue(count);
            json.WriteEndArray();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter json, string key, double? value)
    {
        if (value is { } v) json.WriteNumber(key, v);
        else json.WriteNull(key);
    }

    private static void Nullable(Utf8JsonWriter json, string key, int? value)
    {
        if (value is { } v) json.WriteNumber(key, v);
        else json.WriteNull(key);
    }
}
