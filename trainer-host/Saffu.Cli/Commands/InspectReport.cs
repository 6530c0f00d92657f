using System.Globalization;
using Saffu.Runtime.Blob;
using Saffu.Training.Export;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>The tables and lines `saffu inspect` prints.</summary>
internal static class InspectReport
{
    /// <summary>Plain lines to <paramref name="output"/> (never wrapped), tables through a console over it.</summary>
    public static void Write(TextWriter output, string path, BlobInspection x)
    {
        BlobLayout layout = x.Layout;
        IAnsiConsole console = EvalConsole.Over(output);
        output.WriteLine($"{path}: {N(x.Bytes.Length)} bytes; {Verdict(x)}");
        if (layout.Header is { } h)
        {
            output.WriteLine($"header: magic {h.Magic}, version {h.Version}, headerSize {h.HeaderSize}, totalLength {N(h.TotalLength)}, "
                + $"CRC-32 0x{h.StoredCrc:X8} ({(h.CrcMatches ? "matches" : $"computed 0x{h.ComputedCrc:X8}")}), {h.SectionCount} sections, "
                + $"flags {h.Flags}, section table at {h.TableOffset}");
            console.Write(Sections(layout));
        }
        else output.WriteLine($"header: none ({N(x.Bytes.Length)} bytes; a header is {BlobFormat.HeaderSize})");
        foreach (string line in Fields(x)) output.WriteLine(line);
    }

    public static string Verdict(BlobInspection x)
    {
        string load = x.Load.Ok ? "loads" : $"does not load: {x.Load.Error}: {x.Load.Message}";
        string ram = x.Model is { } m ? $"; RAM {N(m.RamBytes)} bytes beyond the blob" : "";
        string macs = x.Macs() is { } macsPerWord ? $"; {N(macsPerWord.First)} MACs for the first word, {N(macsPerWord.FullContext)} at full context" : "";
        return load + ram + macs;
    }

    private static Table Sections(BlobLayout layout)
    {
        var table = new Table().Title("section table").AddColumn(new TableColumn("kind").RightAligned()).AddColumn("name").AddColumn("required")
            .AddColumn(new TableColumn("offset").RightAligned()).AddColumn(new TableColumn("length").RightAligned())
            .AddColumn(new TableColumn("alignment").RightAligned());
        foreach (BlobSection s in layout.Sections)
            table.AddRow(N(s.Kind), s.Name, s.Required ? "yes" : "no", N(s.Offset), N(s.Length) + (s.InBounds ? "" : " (past the end)"), N(s.Alignment));
        return table;
    }

    private static IEnumerable<string> Fields(BlobInspection x)
    {
        BlobLayout layout = x.Layout;
        IReadOnlyList<string>? intents = layout.Intents;
        if (layout.Config is { } c)
            yield return $"config: V {N(c.VocabSize)}, b {N(c.Bits)}, maxPopcount {c.MaxPopcount}, contexts {Contexts(c)}, prependSod {Yes(c.PrependSod)}, "
                + $"tag head {Yes(c.TagHead)}, oovId {c.OovId}, sodId {Id(c.SodId)}, numId {Id(c.NumId)}, b' {c.LabelDim}, intents {c.IntentCount}, maxWords {c.MaxWords}";
        if (layout.Decision is { } d)
            yield return $"decision: none class {(d.NoneIntent == BlobFormat.NoId ? "none" : $"{Name(intents, d.NoneIntent)} ({d.NoneIntent})")}, "
                + $"reject threshold Q15 {d.RejectThresholdQ15} ({P(d.RejectThresholdQ15)}), early decision "
                + (d.EarlyThresholdQ15 == BlobFormat.NoEarlyDecision ? "off" : $"Q15 {d.EarlyThresholdQ15} ({P(d.EarlyThresholdQ15)}) after {d.EarlyMinWords} word(s)")
                + $", temperature Q16 {d.TemperatureQ16} ({(d.TemperatureQ16 / 65536.0).ToString("0.####", CultureInfo.InvariantCulture)}, divided into O)";
        if (layout.Identity is { } id)
        {
            yield return $"identity: content hash {Hex(id.ContentHash)} ({ContentHash(x)})";
            yield return $"          parent hash {(id.ParentHash.All(b => b == 0) ? "none" : Hex(id.ParentHash))}";
            yield return $"          data hash {Hex(id.DataHash)}";
            yield return $"          created {(id.CreatedUnixSeconds == 0 ? "not recorded" : DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(id.CreatedUnixSeconds, 0, 253402300799)).ToString("u", CultureInfo.InvariantCulture))}, trainer {id.Trainer}";
        }
        else yield return "identity: none";
        yield return InspectJson.Lineage(layout) is { } l
            ? $"lineage: generation {l.Generation}, parent {l.ParentHash}, first trained model {l.RootHash}, corrections {l.CorrectionsHash} ({N(l.Corrections)} teaching)"
            : "lineage: none (trained by 'saffu train', not retrained)";
        if (intents is not null) yield return $"intents ({intents.Count}): {string.Join(", ", intents)}";
        if (layout.VocabularyCount is { } v) yield return $"vocabulary: {N(v)} words";
        if (layout.TagLabels is { } tags) yield return $"tag labels ({tags.Count}): {string.Join(", ", tags)}";
        yield return x.AnchorWords() is { } anchors ? $"anchor words ({anchors.Count}): {string.Join(", ", anchors)}"
            : "anchor words: none (no anchor rule)";
        if (layout.ActionMapCounts is { } map)
        {
            yield return $"action map: {map.Summary}";
            foreach (ActionMapLight light in x.Lights() ?? [])
                yield return $"  {light.Name} ({light.Area}): {light.Kind}, GPIO {string.Join("/", light.Pins)}";
        }
        else yield return "action map: none (the blob decides but drives no pins)";
        var unreadable = layout.Sections.Where(s => !s.InBounds).Select(s => s.Name).ToList();
        if (unreadable.Count > 0) yield return $"past the end of the blob, not shown: {string.Join(", ", unreadable)}";
    }

    internal static string ContentHash(BlobInspection x) => x.ContentHashMatches switch
    {
        true => "matches the sections",
        false => $"MISMATCH: the sections hash to {Hex(x.ComputedContentHash)}",
        null => "no identity",
    };

    private static string Contexts(BlobConfig c) => string.Join(" + ", new[]
    {
        c.Block ? $"block {c.BlockSize}" : null, c.Radial ? $"radial {c.RadialSize}" : null, c.Document ? "document" : null,
    }.Where(s => s is not null).DefaultIfEmpty("none"));

    private static string Name(IReadOnlyList<string>? names, int i) => names is not null && i < names.Count ? names[i] : "?";
    private static string Id(int id) => id == BlobFormat.NoId ? "none" : id.ToString(CultureInfo.InvariantCulture);
    private static string Yes(bool b) => b ? "yes" : "no";
    private static string P(int q15) => (q15 / 32768.0).ToString("0.####", CultureInfo.InvariantCulture);
    internal static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
    internal static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
