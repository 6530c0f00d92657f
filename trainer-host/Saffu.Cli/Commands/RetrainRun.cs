using System.Diagnostics;
using System.Globalization;
using Saffu.Training;
using Saffu.Training.Blob;
using Saffu.Training.DeviceLink;
using Saffu.Training.Export;
using Saffu.Training.Retraining;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>Runs `saffu retrain`: plan (retrain + guard), print the before/after table and changed decisions, write unless refused.</summary>
internal sealed class RetrainRun(RetrainSettings s, TextWriter output, TextWriter error)
{
    const int MaxChangedShown = 40;

    public int Execute()
    {
        if (Path.GetFullPath(s.Out).TrimEnd('/') == Path.GetFullPath(s.Model).TrimEnd('/'))
        {
            error.WriteLine($"saffu retrain: --out {s.Out} is the --model folder; expected a new folder (the parent stays as it is).");
            return SaffuCommand.Usage;
        }
        var clock = Stopwatch.StartNew();
        RetrainOutcome o;
        try
        {
            o = RetrainJob.Plan(s.Model, s.Corrections, s.Weight, s.Tests, s.MaxDrop, s.Update, ExportOptions.Default with { Bits = ExportOptions.Default.Bits with { U = s.BitsU } });
        }
        catch (Exception e) when (e is InputFileException or ModelFolderException or RetrainException or ArgumentException or ActionMapException)
        {
            error.WriteLine($"saffu retrain: {e.Message}");
            return SaffuCommand.BadInput;
        }
        double planned = clock.Elapsed.TotalSeconds;
        Summary(o, planned);
        Table(o.Guard);
        if (!s.Quiet) Changed(o.Guard);
        if (!o.Guard.Passes)
        {
            foreach (string refusal in o.Guard.Refusals) error.WriteLine($"saffu retrain: refused: {refusal}");
            if (!s.Force)
            {
                error.WriteLine("saffu retrain: nothing written (--force writes it anyway)");
                return SaffuCommand.BadInput;
            }
            output.WriteLine("--force: writing despite the guard");
        }
        try
        {
            RetrainJob.Write(o, s.Out, s.Blob);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"saffu retrain: cannot write {s.Out}: {e.Message}");
            return SaffuCommand.BadInput;
        }
        output.WriteLine($"wrote {Path.Combine(s.Out, ModelFolder.ModelFile)} and its weights, training state, held-out set and log" +
            (o.Result.Home is null ? "" : ", home.yaml"));
        if (s.Blob is not null) output.WriteLine($"wrote {s.Blob} ({o.Blob.Length:N0} bytes, content hash {Hex(BlobContentHash(o.Blob))[..16]}…)");
        return s.Port is null ? SaffuCommand.Ok : Upload(o.Blob, s.Port);
    }

    /// <summary>`--port`: the new blob to the device's inactive slot (verified there), then activated (docs/serial-protocol.md).</summary>
    int Upload(byte[] blob, string port)
    {
        try
        {
            using var client = new DeviceClient(DeviceLinks.Open(port, SerialDeviceLink.DefaultBaud), TimeSpan.FromSeconds(DeviceCommand.DefaultTimeoutSeconds));
            UploadResult result = BlobUpload.Upload(client, blob);
            var activated = client.Activate();
            output.WriteLine($"uploaded to {port}: slot {result.Slot}, {result.Bytes:N0} bytes, verified by the device; activated slot {DeviceOutput.Str(activated, "slot")}");
            return SaffuCommand.Ok;
        }
        catch (Exception e) when (e is DeviceLinkException or IOException or UnauthorizedAccessException or TimeoutException)
        {
            error.WriteLine($"saffu retrain: the model folder{(s.Blob is null ? "" : " and blob")} were written, but the device at {port} did not take the blob: {e.Message}");
            error.WriteLine($"saffu retrain: retry with: saffu device --port {port} upload BLOB --activate");
            return SaffuCommand.BadInput;
        }
    }

    void Summary(RetrainOutcome o, double seconds)
    {
        RetrainResult r = o.Result;
        int teach = o.Corrections.Count(c => c.Teaches);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"retrained {s.Model} → {s.Out}: {o.Corrections.Count} correction(s), {teach} teaching ({r.Examples} example(s), weight {s.Weight:0.###}); " +
            $"solved in {r.Seconds:F2} s, {seconds:F2} s with both exports and the guard"));
        string regrown = r.Growth.Regrown.Count == 0 ? "" : $" ({string.Join(", ", r.Growth.Regrown)} re-grown: known, now an alias)";
        output.WriteLine($"growth: {Words(r.Growth.NewWords, "new word")}{regrown}; {Words(r.Growth.NewIntents, "new intent")}; " +
            (r.Growth.NewAliases.Count == 0 ? "no new alias" : string.Join(", ", r.Growth.NewAliases.Select(a => $"{a.Slot} \"{a.Phrase}\" → {a.Value}"))));
        string rule = r.Rejection is { } c
            ? string.Create(CultureInfo.InvariantCulture, $", none offset {c.Offset:F3}, reject threshold {r.Model.RejectThreshold:F3}")
            : string.Create(CultureInfo.InvariantCulture, $", reject threshold {r.Model.RejectThreshold:F3}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibration: temperature {r.Model.Temperature:F3}{rule}"));
        output.WriteLine($"lineage: generation {o.Lineage.Generation}, parent {Hex(o.Lineage.ParentHash)[..16]}…, corrections {Hex(o.Lineage.CorrectionsHash)[..16]}…");
    }

    static string Words(IReadOnlyList<string> list, string what) =>
        list.Count == 0 ? $"no {what}" : $"{list.Count} {what}(s) ({string.Join(", ", list.Take(8))}{(list.Count > 8 ? ", …" : "")})";

    void Table(GuardReport g)
    {
        output.WriteLine();
        output.WriteLine("set | n | right before | right after | change (points) | near misses acted on before → after");
        foreach (SetComparison row in g.Sets)
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{row.Name} | {row.N} | {row.Before:P2} | {row.After:P2} | {row.ChangePoints:+0.00;-0.00;0.00} | {(row.NearMisses == 0 ? "–" : $"{row.ActedOnBefore} → {row.ActedOnAfter} of {row.NearMisses}")}"));
    }

    void Changed(GuardReport g)
    {
        output.WriteLine();
        output.WriteLine($"changed decisions: {g.Changed.Count} ({g.Changed.Count(c => c.RightAfter && !c.RightBefore)} fixed, " +
            $"{g.Changed.Count(c => c.RightBefore && !c.RightAfter)} broken)");
        // Broken first, then fixed, then changed but wrong before and after: what a person must look at comes before the cut.
        foreach (ChangedDecision c in g.Changed.OrderBy(c => Mark(c) switch { "-" => 0, "+" => 1, _ => 2 }).Take(MaxChangedShown))
            output.WriteLine($"  {Mark(c)} [{c.Set}] \"{c.Utterance.Text}\" (expected {c.Utterance.Intent}): {c.Before} → {c.After}");
        if (g.Changed.Count > MaxChangedShown) output.WriteLine($"  … {g.Changed.Count - MaxChangedShown} more");
    }

    static string Mark(ChangedDecision c) => c.RightAfter && !c.RightBefore ? "+" : c.RightBefore && !c.RightAfter ? "-" : "~";

    static byte[] BlobContentHash(byte[] blob) => Saffu.Training.Export.BlobLayout.Read(blob).ComputeContentHash();

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
