using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Saffu.Training.Retraining;

/// <summary>
/// One line of a corrections file as written (docs/corrections.md): the pulled decision-log record verbatim (`log`),
/// the person's verdict and what they corrected; or a new sentence (`verdict` "new", no `log`). Keys are snake_case.
/// </summary>
public sealed record CorrectionRecord
{
    /// <summary>The pulled decision-log record, exactly as `saffu device … pull-log` wrote it; null for a new sentence.</summary>
    public JsonObject? Log { get; init; }
    /// <summary>`ok`, `corrected`, `ignore` or `new`.</summary>
    public string? Verdict { get; init; }
    public string? CorrectedText { get; init; }
    /// <summary>The right intent: one of the model's intents, `&lt;none&gt;` for "should not have been understood", or a new one.</summary>
    public string? CorrectedIntent { get; init; }
    /// <summary>The right slots (replacing the logged ones): canonical values as `saffu run` reports them.</summary>
    public JsonObject? CorrectedSlots { get; init; }
    /// <summary>Per text slot, the transcript's words that said it when they are no known phrase for the value (a new alias).</summary>
    public Dictionary<string, string>? SlotWords { get; init; }
    /// <summary>A new sentence (`verdict` "new"): its transcript, intent and slots.</summary>
    public string? Text { get; init; }
    public string? Intent { get; init; }
    public JsonObject? Slots { get; init; }
}

/// <summary>System.Text.Json source generation for the corrections file: snake_case, nulls left out, unknown keys refused.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CorrectionRecord))]
public sealed partial class CorrectionsJsonContext : JsonSerializerContext
{
    /// <summary>Compact, non-ASCII unescaped (one record a line).</summary>
    public static CorrectionsJsonContext Compact { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
