using System.CommandLine;
using System.Text.Json;
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

/// <summary>`saffu verify --json` (and the error keys of `saffu inspect --json`).</summary>
internal static class VerifyJson
{
    public static void Write(TextWriter output, string path, BlobInspection? x, string? fileError)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteString("file", path);
            json.WriteBoolean("ok", x?.Valid ?? false);
            if (x is null)
            {
                json.WriteString("error", "Unreadable");
                json.WriteString("message", fileError);
            }
            else Error(json, x);
            if (x is null) json.WriteNull("bytes"); else json.WriteNumber("bytes", x.Bytes.Length);
            json.WriteString("content_hash", x is null ? null : InspectReport.Hex(x.ComputedContentHash));
            if (x?.ContentHashMatches is { } ok) json.WriteBoolean("content_hash_ok", ok); else json.WriteNull("content_hash_ok");
            if (x?.Model is { } m) json.WriteNumber("ram_bytes", m.RamBytes); else json.WriteNull("ram_bytes");
            json.WriteString("summary", x?.Valid == true ? VerifyCommand.Summary(x) : null);
            json.WriteEndObject();
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    /// <summary>`error` (the BlobError name, ContentHashMismatch, or null) and `message`.</summary>
    /// <summary>The `error` and `message` of a blob's JSON: the loader's error, ContentHashMismatch, or nulls.</summary>
    public static (string? Error, string? Message) ErrorOf(BlobInspection x) =>
        !x.Load.Ok ? (x.Load.Error.ToString(), x.Load.Message)
        : x.ContentHashMatches == false ? (VerifyCommand.ContentHashMismatch,
            $"the Identity section's content hash is {InspectReport.Hex(x.StoredContentHash!)} but the other sections hash to {InspectReport.Hex(x.ComputedContentHash)}")
        : (null, null);

    public static void Error(Utf8JsonWriter json, BlobInspection x)
    {
        if (!x.Load.Ok)
        {
            json.WriteString("error", x.Load.Error.ToString());
            json.WriteString("message", x.Load.Message);
        }
        else if (x.ContentHashMatches == false)
        {
            json.WriteString("error", VerifyCommand.ContentHashMismatch);
            json.WriteString("message", $"the Identity section's content hash is {InspectReport.Hex(x.StoredContentHash!)} but the other sections hash to {InspectReport.Hex(x.ComputedContentHash)}");
        }
        else
        {
            json.WriteNull("error");
            json.WriteNull("message");
        }
    }
}
