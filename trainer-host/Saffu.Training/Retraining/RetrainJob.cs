using Saffu.Training.Corpus;
using Saffu.Training.Training;
using Saffu.Training.Model;
using Saffu.Training.Evaluation;
using Saffu.Training.Export;

namespace Saffu.Training.Retraining;

/// <summary>Everything `saffu retrain` decided before writing: the new model, both blobs, the lineage and the guard's report.</summary>
/// <param name="Corpus">The new folder's `corpus.txt` texts: the parent's corpus, then every teaching correction's text.</param>
public sealed record RetrainOutcome(RetrainInput Parent, RetrainResult Result, ModelLineage Lineage, TrainData Data, byte[] ParentBlob, byte[] Blob,
    GuardReport Guard, IReadOnlyList<Correction> Corrections, IReadOnlyList<string> Corpus);

/// <summary>
/// `saffu retrain` as library calls: <see cref="Plan"/> retrains and checks without writing anything; <see cref="Write"/>
/// writes the new model folder (and blob). Both blobs use the same export options (default: <see cref="ExportOptions.Default"/>),
/// so the parent hash a child records is the content hash of the parent's blob exported with them — the blob on the device when
/// they are the options it was exported with (docs/retraining.md §Lineage).
/// </summary>
public static class RetrainJob
{
    public static RetrainOutcome Plan(string modelFolder, string correctionsPath, double weight, IReadOnlyList<string> tests, double maxDropPoints,
        RetrainUpdate update = RetrainUpdate.Auto, ExportOptions? export = null)
    {
        export ??= ExportOptions.Default;
        RetrainInput parent = Retrainer.Load(modelFolder);
        if (!File.Exists(correctionsPath)) throw new CorrectionsException(correctionsPath, 0, "no such file", "a corrections file (docs/corrections.md)");
        byte[] correctionsBytes = File.ReadAllBytes(correctionsPath);
        var corrections = CorrectionsFile.Read(new MemoryStream(correctionsBytes), correctionsPath);
        if (!corrections.Any(c => c.Teaches))
            throw new CorrectionsException(correctionsPath, 0, "no correction that teaches anything (every record is \"ignore\", or none)", "at least one record with the verdict ok, corrected or new");
        RetrainResult result = Retrainer.Retrain(parent, corrections, weight, update);

        byte[] parentBlob = ModelFolderExport.Export(modelFolder, parent.Folder, export).Bytes;
        byte[] parentHash = BlobLayout.Read(parentBlob).ComputeContentHash();
        byte[] correctionsHash = CorrectionsFile.Hash(correctionsBytes);
        ModelLineage? grand = parent.Folder.Lineage;
        var lineage = new ModelLineage(parentHash, correctionsHash, grand?.RootHash ?? parentHash, (grand?.Generation ?? 0) + 1,
            corrections.Count(c => c.Teaches), weight);
        if (lineage.Generation > ModelLineage.MaxGeneration)
            throw new RetrainException($"generation {lineage.Generation}", $"at most {ModelLineage.MaxGeneration} retrainings in one chain");
        var data = TrainData.Retrained(parent.Folder.TrainSha256, parent.Folder.TrainUtterances, correctionsHash, result.Examples);
        byte[] blob = BlobExporter.Export(result.Model, Convert.FromHexString(data.Sha256), result.Home, export with
        {
            CreatedUnixSeconds = ModelFolderExport.CreatedUnixSeconds(),
        }, lineage).Bytes;

        var sets = new List<GuardSet> { new(HeldOutFile.FileName, parent.Folder.HeldOut) };
        var known = result.Model.Intents.ToHashSet(StringComparer.Ordinal);
        foreach (string test in tests) sets.Add(new GuardSet(test, DatasetReader.Read(test, new ReadOptions { KnownIntents = known }).Utterances));
        var guard = RegressionGuard.Compare(parentBlob, blob, sets, maxDropPoints);
        var corpus = ModelFolder.CorpusTexts(modelFolder, parent.Folder).Texts.Concat(corrections.Where(c => c.Teaches).Select(c => c.Text)).ToList();
        return new RetrainOutcome(parent, result, lineage, data, parentBlob, blob, guard, corrections, corpus);
    }

    /// <summary>Writes the new model folder (docs/model-dir.md, with `lineage`) and, when <paramref name="blobPath"/> is given, its blob.</summary>
    public static void Write(RetrainOutcome o, string outFolder, string? blobPath)
    {
        RetrainResult r = o.Result;
        var training = new TrainingResult
        {
            Model = r.Model,
            Statistics = r.Statistics,
            WordCounts = r.WordCounts,
            HeldOut = o.Parent.Folder.HeldOut,
            Layers = r.Layers,
            FineTuneHistory = [],
            Rejection = r.Rejection,
            Measurements = new TrainingMeasurements
            {
                TrainUtterances = r.Examples,
                UnmatchedSlots = r.UnmatchedSlots,
                FinalValidAccuracy = o.Parent.Folder.HeldOut.Count == 0 ? double.NaN
                    : FineTuning.HeldOutAccuracy.Of(r.Model, EncodedCorpus.Encode(o.Parent.Folder.HeldOut, r.Model.Vocabulary, r.Model.Intents, null, out _)),
            },
        };
        ModelFolder.Save(outFolder, training, o.Parent.Folder.Options, o.Data, r.Home, o.Lineage, o.Corpus);
        if (blobPath is not null) AtomicFile.Write(blobPath, o.Blob);
    }
}
