using System.Text.Json;
using System.Text.Json.Serialization;
using Saffu.Runtime.Blob;
using Saffu.Training.Blob;
using Saffu.Training.Export;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu inspect --json`: one JSON object (docs/cli.md lists the keys); null for what could not be read. Written with
/// System.Text.Json source generation (snake_case, keys in declaration order); the output is pinned by golden files
/// (tests/Saffu.Cli.Tests/Golden/inspect-*.json).
/// </summary>
internal static class InspectJson
{
    public static void Write(TextWriter output, string path, BlobInspection x) =>
        output.WriteLine(JsonSerializer.Serialize(Of(path, x), InspectJsonContext.Default.InspectDocument));

    public static InspectDocument Of(string path, BlobInspection x)
    {
        BlobLayout layout = x.Layout;
        var (error, message) = VerifyJson.ErrorOf(x);
        return new InspectDocument(path, x.Bytes.Length, x.Load.Ok, error, message, Header(layout.Header),
            layout.Sections.Select(s => new InspectSection(s.Kind, s.Name, s.Required, s.Offset, s.Length, s.Alignment)).ToList(),
            Config(layout.Config), Decision(layout.Decision), Identity(x), layout.Intents, layout.VocabularyCount, layout.TagLabels,
            x.AnchorWords(), ActionMap(x), x.Model?.RamBytes, x.Macs() is { } m ? new InspectMacs(m.First, m.FullContext) : null,
            Lineage(layout));
    }

    static InspectHeader? Header(BlobHeader? h) => h is null ? null
        : new(h.Magic, h.Version, h.HeaderSize, h.TotalLength, $"{h.StoredCrc:x8}", h.CrcMatches, h.SectionCount, h.Flags, h.TableOffset);

    static InspectConfig? Config(BlobConfig? c) => c is null ? null
        : new(c.VocabSize, c.Bits, c.MaxPopcount, c.PrependSod, c.Block, c.Radial, c.Document, c.TagHead, c.OovId, Id(c.SodId), Id(c.NumId),
            c.LabelDim, c.IntentCount, c.BlockSize, c.RadialSize, c.MaxWords);

    static InspectDecision? Decision(BlobDecision? d) => d is null ? null
        : new(Id(d.NoneIntent), d.RejectThresholdQ15, d.RejectThresholdQ15 / 32768.0,
            d.EarlyThresholdQ15 == BlobFormat.NoEarlyDecision ? null : d.EarlyThresholdQ15, d.EarlyMinWords, d.TemperatureQ16);

    static InspectIdentity? Identity(BlobInspection x) => x.Layout.Identity is not { } id ? null
        : new(InspectReport.Hex(id.ContentHash), x.ContentHashMatches == true, id.ParentHash.All(b => b == 0) ? null : InspectReport.Hex(id.ParentHash),
            InspectReport.Hex(id.DataHash), id.CreatedUnixSeconds, id.Trainer);

    static InspectActionMap? ActionMap(BlobInspection x) => x.Layout.ActionMapCounts is not { } map ? null
        : new(map.Layout, map.Lights, map.Areas, map.Colors, map.Steps, map.StepPercent, map.Places, map.Leads, map.Devices,
            x.Lights()?.Select(l => new InspectLight(l.Name, l.Area, l.Kind, l.Pins)).ToList());

    internal static InspectLineage? Lineage(BlobLayout layout) =>
        layout.SectionBytes((SectionKind)LineageSection.Kind) is { } bytes && LineageSection.Read(bytes) is { } l
            ? new(l.Generation, InspectReport.Hex(l.ParentHash), InspectReport.Hex(l.RootHash), InspectReport.Hex(l.CorrectionsHash), l.Corrections)
            : null;

    static int? Id(int id) => id == BlobFormat.NoId ? null : id;
}

internal sealed record InspectDocument(string File, int Bytes, bool Loads, string? Error, string? Message, InspectHeader? Header,
    IReadOnlyList<InspectSection> Sections, InspectConfig? Config, InspectDecision? Decision, InspectIdentity? Identity,
    IReadOnlyList<string>? Intents, int? VocabularySize, IReadOnlyList<string>? TagLabels, IReadOnlyList<string>? AnchorWords,
    InspectActionMap? ActionMap, long? RamBytes, InspectMacs? MacsPerWord, InspectLineage? Lineage);

internal sealed record InspectHeader(string Magic, int Version, int HeaderSize, long TotalLength, string Crc32, bool Crc32Ok, int SectionCount,
    int Flags, long SectionTableOffset);

internal sealed record InspectSection(int Kind, string Name, bool Required, long Offset, long Length, int Alignment);

internal sealed record InspectConfig(int VocabSize, int Bits, int MaxPopcount, bool PrependSod, bool Block, bool Radial, bool Document, bool TagHead,
    int OovId, int? SodId, int? NumId, int LabelDim, int IntentCount, int BlockSize, int RadialSize, int MaxWords);

internal sealed record InspectDecision(int? NoneIntent, int RejectThresholdQ15, double Threshold, int? EarlyThresholdQ15, int EarlyMinWords, long TemperatureQ16);

internal sealed record InspectIdentity(string ContentHash, bool ContentHashOk, string? ParentHash, string DataHash, long CreatedUnixSeconds, string Trainer);

internal sealed record InspectActionMap(int? Layout, int Lights, int Areas, int Colors, int StepPhrases, int StepPercent,
    int PlacePhrases, int LeadPhrases, int DevicePhrases,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<InspectLight>? LightList);

internal sealed record InspectLight(string Name, string Area, string Kind, IReadOnlyList<int> Pins);

internal sealed record InspectMacs(long First, long FullContext);

/// <summary>The blob's Lineage section (kind 13), docs/model-blob.md §13.</summary>
internal sealed record InspectLineage(int Generation, string ParentHash, string RootHash, string CorrectionsHash, uint Corrections);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(InspectDocument))]
internal sealed partial class InspectJsonContext : JsonSerializerContext;
