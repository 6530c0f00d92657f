using System.Globalization;
using Saffu.Runtime.Blob;
using Saffu.Training.Blob;
using Saffu.Training.Export;
using Saffu.Training.Home;
using Saffu.Training.Speech;
using Saffu.Training.Training;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>One `saffu export` invocation: export, check that the runtime loads the blob, write it, print the size report.</summary>
internal sealed class ExportRun(string modelFolder, string outPath, ExportOptions options, bool quiet, TextWriter output, TextWriter error)
{
    public int Execute()
    {
        try
        {
            if (Directory.Exists(outPath)) throw new BlobFileException(outPath, "a folder", "a file path for --out");
            ExportResult result = Export();
            LoadResult loaded = ModelBlob.Load(result.Bytes);
            if (!loaded.Ok && loaded.Error != BlobError.TooLarge)
                throw new ExportInputException($"{modelFolder}: the device runtime refuses this model as a blob v1 ({loaded.Error}: {loaded.Message}); nothing was written");
            Write(result);
            var console = EvalConsole.Over(output);
            console.Write(ExportReport.Sections(result));
            console.Write(ExportReport.Tensors(result));
            foreach (string line in ExportReport.Summary(result, modelFolder, loaded)) output.WriteLine(line);
            output.WriteLine($"wrote {outPath} ({result.Bytes.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes)");
            WriteSpeech();
            if (!loaded.Ok && !quiet)
                error.WriteLine($"saffu export: warning: the device runtime would refuse this blob with its default RAM limit ({loaded.Error}: {loaded.Message}).");
            return SaffuCommand.Ok;
        }
        catch (Exception e) when (e is ModelFolderException or HomeDescriptionException or ActionMapException or BlobFileException or ExportInputException)
        {
            error.WriteLine($"saffu export: {e.Message}");
            return SaffuCommand.BadInput;
        }
    }

    /// <summary>The export; a model the blob format cannot hold (e.g. a string over its length limit) is bad input.</summary>
    private ExportResult Export()
    {
        try
        {
            return ModelFolderExport.Export(modelFolder, options);
        }
        catch (ArgumentException e)
        {
            throw new ExportInputException($"{modelFolder}: cannot be written as a blob v1: {e.Message}");
        }
    }

    /// <summary>`FILE.arpa` and `FILE.dict` beside the blob: the recogniser's language model and dictionary (docs/voice.md).</summary>
    private void WriteSpeech()
    {
        var stock = StockSpeechModel.Default;
        ModelFolderContents contents = ModelFolder.Load(modelFolder);
        var (texts, source) = ModelFolder.CorpusTexts(modelFolder, contents);
        SpeechModelFiles files = SpeechModelFiles.ForModelFolder(modelFolder, contents, stock);
        try
        {
            files.WriteBeside(outPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BlobFileException(outPath, $"a folder where the language model cannot be written ({e.Message})", "a writable folder for --out");
        }
        var (arpa, dict) = SpeechModelFiles.PathsBeside(outPath);
        output.WriteLine($"wrote {arpa} (trigram, Witten-Bell, {ExportReport.Count(files.Words)} words, {ExportReport.Count(texts.Count)} sentences of {source})");
        if (files.Dict is not null)
            output.WriteLine($"wrote {dict} ({ExportReport.Count(files.Words)} words; {files.Fallbacks.Count} not in the stock dictionary: "
                + $"{string.Join(", ", files.Fallbacks.Take(8).Select(f => $"{f.Word} ({f.Source.ToString().ToLowerInvariant()})"))}"
                + (files.Fallbacks.Count > 8 ? ", …" : "") + (files.Missing.Count > 0 ? $"; left out: {string.Join(", ", files.Missing)}" : "") + ")");
        else if (!quiet)
            error.WriteLine($"saffu export: warning: {dict} not written: {stock.Dictionary} not found (run tools/setup-speech); "
                + "the language model covers every vocabulary word, and 'saffu listen' builds the dictionary when it runs.");
        if (source != ModelFolder.CorpusFile && !quiet)
            error.WriteLine($"saffu export: warning: {Path.Combine(modelFolder, ModelFolder.CorpusFile)} not found (a folder from an older saffu); "
                + $"the language model counts only the {texts.Count} sentences of {source}. Train again to fit it to the whole corpus.");
    }

    private void Write(ExportResult result)
    {
        try
        {
            ModelFolderExport.Write(outPath, result.Bytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BlobFileException(outPath, $"a path that cannot be written ({e.Message})", "a writable file path for --out");
        }
    }
}

/// <summary>A model folder that `saffu export` cannot turn into a blob the runtime loads (exit 1).</summary>
internal sealed class ExportInputException(string message) : Exception(message);

/// <summary>The printed report of `saffu export`: blob bytes by section, tensors, clipped values, decision settings.</summary>
internal static class ExportReport
{
    public static Table Sections(ExportResult result)
    {
        var table = new Table().Title("blob sections").AddColumn("section").AddColumn(new TableColumn("kind").RightAligned())
            .AddColumn(new TableColumn("bytes").RightAligned()).AddColumn(new TableColumn("share").RightAligned());
        int total = result.Bytes.Length;
        int tableBytes = ModelBlobWriter.HeaderSize + ModelBlobWriter.TableEntrySize * result.Layout.Sections.Count;
        table.AddRow("header + section table", "", Count(tableBytes), Share(tableBytes, total));
        foreach (BlobSection s in result.Layout.Sections)
            table.AddRow(s.Name, Count(s.Kind), Count(s.Length), Share(s.Length, total));
        long padding = total - tableBytes - result.Layout.Sections.Sum(s => s.Length);
        if (padding > 0) table.AddRow("padding", "", Count(padding), Share(padding, total));
        table.AddRow("[bold]total[/]", "", $"[bold]{Count(total)}[/]", "100.0%");
        return table;
    }

    public static Table Tensors(ExportResult result)
    {
        var table = new Table().Title("quantized tensors").AddColumn("tensor").AddColumn("shape").AddColumn("bits").AddColumn("scale")
            .AddColumn(new TableColumn("bytes").RightAligned()).AddColumn(new TableColumn("max |w|").RightAligned())
            .AddColumn(new TableColumn("max error").RightAligned()).AddColumn(new TableColumn("clipped").RightAligned());
        foreach (TensorReport t in result.Tensors)
            table.AddRow(t.Name, $"{t.Rows} × {t.Cols}", Count(t.Bits), t.PerColumn ? "per column" : "per tensor", Count(t.RecordBytes),
                Number(t.MaxAbs), Number(t.MaxAbsError), Count(t.Clipped));
        return table;
    }

    public static IEnumerable<string> Summary(ExportResult result, string modelFolder, LoadResult loaded)
    {
        var d = result.Contents.Decision;
        yield return $"clipped values: {Count(result.Clipped)} (values beyond the scale range the runtime's shifts allow, set to ±qmax)";
        string none = d.NoneIntent >= 0 ? result.Contents.Intents[d.NoneIntent] : "none";
        string early = d.EarlyThresholdQ15 < 0 ? "off" : $"confidence ≥ {Number(d.EarlyThresholdQ15 / 32768.0)} (Q15 {d.EarlyThresholdQ15}) after {d.EarlyMinWords} word(s)";
        yield return $"decision: none class {none}; reject threshold Q15 {d.RejectThresholdQ15} ({Number(d.RejectThresholdQ15 / 32768.0)}); "
            + $"early decision {early}; temperature {Number(d.TemperatureQ16 / 65536.0)} (divided into O)";
        if (result.Layout.ActionMapCounts is { } map)
            yield return $"action map: {map.Summary} (from {Path.Combine(modelFolder, ModelFolderExport.HomeFile)})";
        else
            yield return $"action map: none ({ModelFolderExport.HomeFile} not in the model folder): the blob decides but drives no pins";
        if (loaded.Model is { } model)
            yield return $"runtime: loads; RAM {Count(model.RamBytes)} bytes beyond the blob";
    }

    internal static string Count(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
    internal static string Number(double value) => value.ToString("0.######", CultureInfo.InvariantCulture);

    private static string Share(long part, long total) => (100.0 * part / total).ToString("0.0", CultureInfo.InvariantCulture) + "%";
}
