using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Training.Export;
using Saffu.Training.Model;
using Saffu.Training.Quantization;
using Saffu.Training.Solver;

namespace Saffu.Training.Sweep;

/// <summary>What a model costs on the device: blob bytes, runtime RAM beyond the blob, integer MACs per word.</summary>
/// <param name="Estimated">True only for a low-rank U beside co-occurrence word vectors: the blob then holds U dense
/// (docs/model-blob.md §14), so bytes and MACs are the dense blob's, corrected arithmetically (below). A low-rank U with
/// bit-cipher codes is exported factored (FactoredTensors section) and measured like everything else.</param>
public sealed record DeviceCost(long BlobBytes, long RamBytes, long MacsPerWord, bool Estimated)
{
    /// <summary>Closed-set accuracy of the blob (through the runtime) on the texts given to <see cref="Measure"/>; NaN without them.</summary>
    public double BlobAccuracy { get; init; } = double.NaN;

    /// <summary>
    /// With a home: the share of each dev set the device decided as labelled through its action planner (`saffu eval --blob
    /// --near-miss`'s intent_right: a `&lt;none&gt;` line drove no pin, a light command acted with its intent, any other
    /// intent was the top); null without a home.
    /// </summary>
    public IReadOnlyDictionary<string, double>? DevDeviceAccuracy { get; init; }

    /// <summary>The context length the MAC count looks up to (Saffu.Bench's budget line: the full block of 16).</summary>
    public const int MacContext = 16;

    /// <summary>
    /// Exports the model (<see cref="BlobExporter"/>), loads the blob with the device runtime and counts as
    /// tools/Saffu.Bench does: RAM is <see cref="SaffuModel.RamBytes"/>, MACs the most expensive single push onto a session
    /// holding 0..16 positions of random word ids (seed 7; the session's own MAC counter).
    /// </summary>
    /// <param name="home">A lights model's home: its action map is in the blob (bytes, RAM), as `saffu export` writes it.</param>
    public static DeviceCost Measure(FloatModel model, ExportOptions export, int uRank, IReadOnlyList<Corpus.Utterance>? labelled = null,
        Home.HomeDescription? home = null, IReadOnlyList<(string Name, IReadOnlyList<Corpus.Utterance> Set)>? dev = null)
    {
        ExportResult exported = BlobExporter.Export(model, new byte[32], home, export with { URank = uRank });
        LoadResult loaded = ModelBlob.Load(exported.Bytes);
        if (!loaded.Ok) throw new InvalidOperationException($"The exported blob does not load: {loaded.Error}: {loaded.Message}");
        SaffuModel device = loaded.Model!;
        long bytes = exported.Bytes.Length, macs = WorstMacs(device);
        double accuracy = labelled is null ? double.NaN : BlobAccuracyOn(device, labelled);
        var devices = home is null || dev is null ? null : dev.ToDictionary(d => d.Name, d => d.Set.Count == 0 ? 0
            : Simulation.ActionReport.Measure(device, d.Set).All.IntentRight / (double)d.Set.Count, StringComparer.Ordinal);
        if (uRank <= 0 || uRank >= model.Config.LabelDim || exported.Contents.Factored is not null)
            return new DeviceCost(bytes, device.RamBytes, macs, false) { BlobAccuracy = accuracy, DevDeviceAccuracy = devices };
        var (bytesSaved, macsSaved) = Factored(model, exported, export, uRank);
        return new DeviceCost(bytes - bytesSaved, device.RamBytes, macs - macsSaved, true) { BlobAccuracy = accuracy, DevDeviceAccuracy = devices };
    }

    /// <summary>Closed-set top-1 of the blob's whole-utterance logits (the runtime's session).</summary>
    static double BlobAccuracyOn(SaffuModel device, IReadOnlyList<Corpus.Utterance> labelled)
    {
        var scorer = new Simulation.BlobScorer(device);
        var scored = Evaluation.UtteranceScoring.ScoreAll(scorer, labelled.Select(u => u.Text).ToArray(), Evaluation.Evaluator.Labels(scorer, labelled));
        return scored.Count(u => u.ClosedTop == u.Label) / (double)Math.Max(1, scored.Length);
    }

    /// <summary>The most expensive push with a context of at most <see cref="MacContext"/> positions.</summary>
    public static long WorstMacs(SaffuModel model)
    {
        ModelConfig c = model.Config;
        var random = new Random(7);
        int[] words = new int[c.MaxWords];
        for (int i = 0; i < words.Length; i++) words[i] = 3 + random.Next(Math.Max(1, c.VocabSize - 3));
        Session session = model.Session;
        long worst = 0;
        for (int n = 0; n <= MacContext && n + 1 <= c.MaxWords; n++)
        {
            session.Reset();
            for (int i = session.Position; i < n; i++) session.Push(words[i], -1);
            if (session.Position != n) continue;
            session.Push(words[n], -1);
            worst = Math.Max(worst, session.LastMacCount);
        }
        return worst;
    }

    /// <summary>
    /// Bytes and MACs a rank-r U saves: each context U's record (b × b′) becomes A (b × r) and B (r × b′) records with the
    /// same bits, and its per-word product k·b′ becomes k·r + r·b′ (k = the largest popcount).
    /// </summary>
    static (long Bytes, long Macs) Factored(FloatModel model, ExportResult exported, ExportOptions export, int rank)
    {
        SaffuConfig c = model.Config;
        var options = export.Quantization(TensorGroup.U);
        long bytes = 0, macs = 0;
        int k = model.Codes.MaxPopcount;
        foreach (var (name, rows, cols, data) in model.Weights.Tensors(c))
        {
            if (name is not ("block.U" or "radial.U" or "document.U")) continue;
            var (a, b) = LowRank.Factor(data, rows, cols, rank);
            int dense = exported.Tensors.First(t => t.Name == name).RecordBytes;
            int factored = TensorQuantizer.Quantize(a, rows, rank, options, 16, out _).RecordBytes
                + TensorQuantizer.Quantize(b, rank, cols, options, 1, out _).RecordBytes;
            bytes += dense - factored;
            macs += (long)k * cols - ((long)k * rank + (long)rank * cols);
        }
        return (bytes, macs);
    }
}
