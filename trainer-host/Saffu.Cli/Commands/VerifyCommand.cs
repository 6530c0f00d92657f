using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Saffu.Runtime.Blob;
using Saffu.Training.Export;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu verify FILE.blob [--json]`: the device runtime's full loader plus the host-only content hash check;
/// prints `OK` and a one-line summary, or the typed error (exit 1) (docs/cli.md).
/// </summary>
public static class VerifyCommand
{
    /// <summary>The error name `saffu verify` reports when the Identity's content hash does not match the sections.</summary>
    public const string ContentHashMismatch = "ContentHashMismatch";

    public static Command Create()
    {
        var file = new Argument<string>("FILE.blob") { Description = "The model blob to verify." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of a line. Default: false." };
        var command = new Command("verify",
            "Check a model blob with the device runtime's full loader (every BlobError) and its content hash; prints OK and a one-line "
            + "summary, or the typed error and exits with 1.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output, error = parse.InvocationConfiguration.Error;
            string path = parse.GetValue(file)!;
            BlobInspection x;
            try
            {
                x = BlobInspection.Of(BlobFile.Read(path));
            }
            catch (BlobFileException e)
            {
                if (parse.GetValue(json)) VerifyJson.Write(output, path, null, e.Message);
                error.WriteLine($"saffu verify: {e.Message}");
                return SaffuCommand.BadInput;
            }
            if (parse.GetValue(json)) VerifyJson.Write(output, path, x, null);
            else if (x.Valid) output.WriteLine($"OK {path}: {Summary(x)}");
            if (!x.Valid) error.WriteLine($"saffu verify: {Problem(path, x)}");
            return x.Valid ? SaffuCommand.Ok : SaffuCommand.BadInput;
        });
        return command;
    }

    /// <summary>"PATH: ErrorName: message" for a blob that does not load or whose content hash does not match.</summary>
    public static string Problem(string path, BlobInspection x) => x.Load.Ok
        ? $"{path}: {ContentHashMismatch}: the Identity section's content hash is {InspectReport.Hex(x.StoredContentHash!)} but the other sections hash to {InspectReport.Hex(x.ComputedContentHash)}"
        : $"{path}: {x.Load.Error}: {x.Load.Message}";

    /// <summary>One line: bytes, shape, labels, action map, RAM, content hash.</summary>
    public static string Summary(BlobInspection x)
    {
        var m = x.Model!;
        var c = m.Config;
        string contexts = string.Join(" + ", new[] { c.HasBlock ? $"block {c.BlockSize}" : null, c.HasRadial ? $"radial {c.RadialSize}" : null,
            c.HasDocument ? "document" : null }.Where(s => s is not null));
        string map = m.Actions.Map is { } a ? $"action map {a.LightCount} lights" : "no action map";
        string hash = x.ContentHashMatches is null ? "no identity (content hash not checked)" : $"content hash {InspectReport.Hex(x.ComputedContentHash)[..16]}… ok";
        return $"blob v{BlobFormat.Version}, {InspectReport.N(x.Bytes.Length)} bytes, V {InspectReport.N(c.VocabSize)}, b {c.Bits}, {c.IntentCount} intents, "
            + $"{c.TagCount} tags, {contexts}, {map}, RAM {InspectReport.N(m.RamBytes)} bytes, {hash}";
    }
}

/// <summary>
/// `saffu verify --json` (and the error keys of `saffu inspect --json`): System.Text.Json source generation
/// (<see cref="VerifyJsonContext"/>, snake_case); pinned byte for byte by tests/Saffu.Cli.Tests/Golden/verify.jsonl.
/// </summary>
internal static class VerifyJson
{
    public static void Write(TextWriter output, string path, BlobInspection? x, string? fileError)
    {
        var (error, message) = x is null ? ("Unreadable", fileError) : ErrorOf(x);
        var document = new VerifyDocument(path, x?.Valid ?? false, error, message, x?.Bytes.Length,
            x is null ? null : InspectReport.Hex(x.ComputedContentHash), x?.ContentHashMatches, x?.Model?.RamBytes,
            x?.Valid == true ? VerifyCommand.Summary(x) : null);
        output.WriteLine(JsonSerializer.Serialize(document, VerifyJsonContext.Default.VerifyDocument));
    }

    /// <summary>The `error` and `message` of a blob's JSON: the loader's error, ContentHashMismatch, or nulls.</summary>
    public static (string? Error, string? Message) ErrorOf(BlobInspection x) =>
        !x.Load.Ok ? (x.Load.Error.ToString(), x.Load.Message)
        : x.ContentHashMatches == false ? (VerifyCommand.ContentHashMismatch,
            $"the Identity section's content hash is {InspectReport.Hex(x.StoredContentHash!)} but the other sections hash to {InspectReport.Hex(x.ComputedContentHash)}")
        : (null, null);
}

/// <summary>One `saffu verify --json` line, keys in the documented order.</summary>
internal sealed record VerifyDocument(string File, bool Ok, string? Error, string? Message, int? Bytes, string? ContentHash, bool? ContentHashOk,
    long? RamBytes, string? Summary);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(VerifyDocument))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext;
