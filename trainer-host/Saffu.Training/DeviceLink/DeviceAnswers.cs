using System.Text.Json;

namespace Saffu.Training.DeviceLink;

/// <summary>`info`: firmware, protocol limits and the blob versions the firmware reads.</summary>
public sealed record DeviceInfo(int Protocol, string Firmware, IReadOnlyList<int> BlobVersions, int MaxLine, int MaxChunk, int SlotBytes,
    JsonElement Model, IReadOnlyList<string> IntentNames)
{
    internal static DeviceInfo From(JsonElement e) => new(
        DeviceJson.Int(e, "protocol"), DeviceJson.String(e, "firmware"),
        DeviceJson.Get(e, "blob_versions", JsonValueKind.Array).EnumerateArray().Select(v => v.GetInt32()).ToArray(),
        DeviceJson.Int(e, "max_line"), DeviceJson.Int(e, "max_chunk"), DeviceJson.Int(e, "slot_bytes"),
        DeviceJson.Get(e, "model", JsonValueKind.Object),
        DeviceJson.Get(e, "intent_names", JsonValueKind.Array).EnumerateArray().Select(v => v.GetString() ?? "").ToArray());
}

/// <summary>`say`: the decision the device made and acted on (the whole answer line is kept in <see cref="Json"/>).</summary>
public sealed record DeviceDecision(JsonElement Json)
{
    public long? Seq => DeviceJson.LongOrNull(Json, "seq");
    public string Text => DeviceJson.String(Json, "text");
    public string? Intent => DeviceJson.StringOrNull(Json, "intent");
    public bool Understood => DeviceJson.Bool(Json, "understood");
    public int ConfidenceQ15 => DeviceJson.Int(Json, "confidence_q15");
    /// <summary>The exact probability, Q15 / 32768 (the answer's four-place decimal is rounded).</summary>
    public double Confidence => ConfidenceQ15 / 32768.0;
    public string? Top => DeviceJson.StringOrNull(Json, "top");
    public string? Reason => DeviceJson.StringOrNull(Json, "reason");
    public string Answer => DeviceJson.String(Json, "answer");
    public bool Truncated => DeviceJson.Bool(Json, "truncated");
    /// <summary>The words a correction was decided on (docs/serial-protocol.md, say); null when none, or from a firmware without the key.</summary>
    public string? Correction => DeviceJson.Optional(Json, "correction") is { ValueKind: JsonValueKind.String } c ? c.GetString() : null;
    public JsonElement Slots => DeviceJson.Get(Json, "slots", JsonValueKind.Object);
    /// <summary>The action object, or null when not understood.</summary>
    public JsonElement? Action => DeviceJson.Optional(Json, "action") is { ValueKind: JsonValueKind.Object } a ? a : null;
}

/// <summary>`upload end`: the verified upload waiting for `activate`.</summary>
public sealed record UploadResult(string Slot, int Bytes, string Crc, string? ContentHash);

/// <summary>`bench`: the runtime timed on the device itself.</summary>
public sealed record BenchResult(string Sentence, int Runs, int Words, long Ticks, long MicrosecondsPerWord, long MacsPerWord, long HeapFree)
{
    internal static BenchResult From(JsonElement e) => new(DeviceJson.String(e, "sentence"), DeviceJson.Int(e, "runs"), DeviceJson.Int(e, "words"),
        DeviceJson.Long(e, "ticks"), DeviceJson.Long(e, "us_per_word"), DeviceJson.Long(e, "macs_per_word"), DeviceJson.Long(e, "heap_free"));
}
