using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Saffu.Training.Export;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu lineage BLOB... [--json]`: the chain of retrained blobs from the first trained model (docs/cli.md): each blob's
/// content hash, generation, parent, and the corrections that made it, ordered parent before child.
/// </summary>
public static class LineageCommand
{
    public static Command Create()
    {
        var files = new Argument<string[]>("BLOB") { Description = "Blobs of one chain (any order): the first trained model and its retrained descendants.", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of lines. Default: false." };
        var command = new Command("lineage", "Print the chain of retrained blobs from the first trained model: content hashes, parents, generations and corrections hashes.");
        command.Arguments.Add(files);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output, error = parse.InvocationConfiguration.Error;
            var links = new List<LineageLink>();
            foreach (string path in parse.GetValue(files)!)
            {
                try
                {
                    links.Add(LineageLink.Of(path, BlobLayout.Read(BlobFile.Read(path))));
                }
                catch (BlobFileException e)
                {
                    error.WriteLine($"saffu lineage: {e.Message}");
                    return SaffuCommand.BadInput;
                }
            }
            var ordered = Order(links);
            if (parse.GetValue(json)) output.WriteLine(JsonSerializer.Serialize(new LineageDocument(ordered), LineageJsonContext.Default.LineageDocument));
            else Print(output, ordered);
            var unreadable = ordered.Where(l => l.ContentHash is null).ToList();
            foreach (var l in unreadable) error.WriteLine($"saffu lineage: {l.File}: no Identity section readable (not a blob written by saffu export or retrain)");
            return unreadable.Count == 0 ? SaffuCommand.Ok : SaffuCommand.BadInput;
        });
        return command;
    }

    /// <summary>Parents before children: by generation, then by file order; a blob's parent is looked up among the others.</summary>
    static List<LineageLink> Order(List<LineageLink> links)
    {
        var byHash = links.Where(l => l.ContentHash is not null).GroupBy(l => l.ContentHash!).ToDictionary(g => g.Key, g => g.First().File);
        return links.Select(l => l with { ParentFile = l.ParentHash is { } p && byHash.TryGetValue(p, out string? f) ? f : null })
            .OrderBy(l => l.Generation).ToList();
    }

    static void Print(TextWriter output, IReadOnlyList<LineageLink> chain)
    {
        foreach (var l in chain)
        {
            string what = l.Generation == 0 ? "trained by saffu train" : $"retrained from {Short(l.ParentHash)} ({l.ParentFile ?? "parent not given"}) with corrections {Short(l.CorrectionsHash)} ({l.Corrections} teaching)";
            output.WriteLine($"generation {l.Generation}  {Short(l.ContentHash)}  {l.File}  {what}");
        }
        var roots = chain.Select(l => l.Generation == 0 ? l.ContentHash : l.RootHash).Distinct().ToList();
        output.WriteLine(roots.Count == 1 ? $"first trained model: {roots[0]}" : $"{roots.Count} chains (first trained models: {string.Join(", ", roots.Select(Short))})");
    }

    static string Short(string? hash) => hash is null ? "?" : hash[..16] + "…";
}

/// <summary>One blob in a chain (`saffu lineage --json`, snake_case keys).</summary>
internal sealed record LineageLink(string File, string? ContentHash, bool? ContentHashOk, int Generation, string? ParentHash, string? ParentFile,
    string? RootHash, string? CorrectionsHash, uint Corrections)
{
    public static LineageLink Of(string path, BlobLayout layout)
    {
        var id = layout.Identity;
        var lineage = InspectJson.Lineage(layout);
        string? parent = id is null || id.ParentHash.All(b => b == 0) ? null : InspectReport.Hex(id.ParentHash);
        string? content = id is null ? null : InspectReport.Hex(id.ContentHash);
        return new LineageLink(path, content, id is null ? null : id.ContentHash.SequenceEqual(layout.ComputeContentHash()),
            lineage?.Generation ?? (parent is null ? 0 : 1), parent, null, lineage?.RootHash ?? (parent is null ? content : null),
            lineage?.CorrectionsHash, lineage?.Corrections ?? 0);
    }
}

internal sealed record LineageDocument(IReadOnlyList<LineageLink> Chain);

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(LineageDocument))]
internal sealed partial class LineageJsonContext : JsonSerializerContext;
