using System.Diagnostics;
using Saffu.Training.Corpus;
using Saffu.Training.Training;

namespace Saffu.Compare;

/// <summary>
/// HWU64 train / valid / test and the CLINC150 out-of-scope test set, read once through the
/// trainer's <see cref="DatasetReader"/>; every system sees the same utterances.
/// </summary>
internal sealed record ComparisonData(IReadOnlyList<Utterance> Train, IReadOnlyList<Utterance> Valid, IReadOnlyList<Utterance> Test,
    IReadOnlyList<Utterance> Ood, double ReadSeconds)
{
    /// <summary>The extra dev set (slurp-dev by default; labels must be training intents); null = none.</summary>
    public IReadOnlyList<Utterance>? Dev { get; init; }
    /// <summary>The dev set's name in the report (its folder or file name).</summary>
    public string DevName { get; init; } = "";

    public static ComparisonData Read(string root, string? devPath = null)
    {
        var timer = Stopwatch.StartNew();
        var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
        var known = Trainer.ReadOptionsFor(train);
        var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
        var test = DatasetReader.Read(Path.Combine(root, "hwu64", "test"), known).Utterances;
        // Out-of-domain labels ("oos") are ignored.
        var ood = DatasetReader.Read(Path.Combine(root, "clinc150-oos", "test"), new ReadOptions { RequireIntent = false }).Utterances;
        var dev = devPath is null ? null : DatasetReader.Read(devPath, known).Utterances;
        return new ComparisonData(train, valid, test, ood, timer.Elapsed.TotalSeconds)
        {
            Dev = dev,
            DevName = devPath is null ? "" : Path.GetFileName(Path.TrimEndingDirectorySeparator(devPath)),
        };
    }

    /// <summary>
    /// Every <paramref name="stride"/>-th training utterance (the files are sorted by intent, so a
    /// stride keeps every intent), validated on a quarter of themselves: a slice for the JIT warm-up.
    /// </summary>
    public ComparisonData Slice(int stride)
    {
        var train = Train.Where((_, i) => i % stride == 0).ToList();
        return this with { Train = train, Valid = train.Where((_, i) => i % 4 == 0).ToList() };
    }
}
