using System.Collections.Concurrent;
using System.Diagnostics;
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.FineTuning;
using Saffu.Training.Training;

namespace Saffu.Training.Sweep;

/// <summary>The sets a sweep reads: train, valid (choice, early stopping, calibration), extra dev sets, out-of-domain.</summary>
public sealed record SweepData(IReadOnlyList<Utterance> Train, IReadOnlyList<Utterance> Valid,
    IReadOnlyList<(string Name, IReadOnlyList<Utterance> Set)> Dev, IReadOnlyList<Utterance>? Ood)
{
    /// <summary>A lights sweep (`--home`): the home's words the trainer must keep, and its action map in every blob; null for a
    /// plain data set.</summary>
    public SweepHome? Home { get; init; }
}

/// <summary>What `saffu train --home` passes to the trainer besides the corpus, and the home whose action map the blob carries.</summary>
public sealed record SweepHome(Home.HomeDescription Description, IReadOnlySet<string> KeepWords, IReadOnlyList<string> AnchorWords,
    IReadOnlyList<string> VocabularyWords);

/// <summary>How many configurations, drawn how, on how many threads, and which get fine-tuned.</summary>
public sealed record SweepSettings
{
    public int Count { get; init; } = 300;
    public int Seed { get; init; } = 1;
    /// <summary>Configurations trained at the same time.</summary>
    public int Threads { get; init; } = 2;
    /// <summary>A configuration is "near" the Pareto front when its valid accuracy is within this of the front's best at its size or smaller.</summary>
    public double Near { get; init; } = 0.005;
    /// <summary>At most this many configurations are fine-tuned (the most accurate near the front).</summary>
    public int MaxFineTuned { get; init; } = 12;
    /// <summary>
    /// The budget the sweep is for (`--budget-bytes`, `--budget-macs`, `--budget-ram`; null = none): the rows near the front
    /// among those within it are fine-tuned first, then the rows near the whole front.
    /// </summary>
    public (long? Bytes, long? Macs, long? Ram) Budget { get; init; }
    /// <summary>`saffu train`'s options, which every configuration starts from.</summary>
    public TrainOptions Defaults { get; init; } = new();
    /// <summary>Explicit configurations to train (null = <see cref="SweepGrid.Sample"/>; tests pass a few).</summary>
    public IReadOnlyList<SweepConfig>? Configs { get; init; }
}

/// <summary>Hears each finished row (from worker threads) and when the fine-tuning phase starts.</summary>
public interface ISweepProgress
{
    void Started(int total, int alreadyDone);
    void RowFinished(SweepRow row, bool fromFile);
    void FineTuningStarted(int count);
}

/// <summary>
/// `saffu sweep` as a library call: trains every configuration explicitly (resuming from the results file: a key already
/// there is not trained again), then fine-tunes the few on or near the Pareto front of valid accuracy against blob bytes.
/// Every row is appended to the JSON Lines file as soon as it is measured.
/// </summary>
public static class SweepRunner
{
    public static IReadOnlyList<SweepRow> Run(SweepData data, SweepSettings settings, string resultsFile, ISweepProgress progress)
    {
        var defaultsPoint = DefaultsPoint(settings.Defaults);
        // The shipped lights blob is exported with 8-bit U (tools/main-job: the 40 KB budget).
        // The lights grid keeps the home defaults' τ_D (no `td` in its keys).
        if (data.Home is not null) defaultsPoint = defaultsPoint with { UBits = 8, TauD = null };
        var configs = settings.Configs ?? SweepGrid.Sample(settings.Count, settings.Seed, defaultsPoint, data.Home is not null);
        var done = Read(resultsFile);
        progress.Started(configs.Count, configs.Count(c => done.ContainsKey(c.Key)));
        foreach (var c in configs) if (done.TryGetValue(c.Key, out var row)) progress.RowFinished(row, true);
        using var writer = new ResultsWriter(resultsFile);
        var rows = new ConcurrentDictionary<string, SweepRow>(done, StringComparer.Ordinal);
        TrainAll(configs.Where(c => !done.ContainsKey(c.Key)).ToList(), data, settings, writer, rows, progress);

        var explicitRows = configs.Select(c => rows[c.Key]).ToList();
        var (maxBytes, maxMacs, maxRam) = settings.Budget;
        var within = explicitRows.Where(r => (maxBytes is null || r.BlobBytes <= maxBytes) && (maxMacs is null || r.MacsPerWord <= maxMacs)
            && (maxRam is null || r.RamBytes <= maxRam)).ToList();
        // The defaults' row first (the reference every other fine-tuned row is read against), then the rows near the front.
        var tune = explicitRows.Take(settings.Configs is null ? 1 : 0)
            .Concat(within.Count == 0 ? [] : ByAccuracy(ParetoFront.NearFront(within, settings.Near)))
            .Concat(ByAccuracy(ParetoFront.NearFront(explicitRows, settings.Near)))
            .DistinctBy(r => r.Key).Take(settings.MaxFineTuned).Select(r => r.Config with { FineTune = true }).ToList();
        progress.FineTuningStarted(tune.Count);
        foreach (var c in tune) if (rows.TryGetValue(c.Key, out var row)) progress.RowFinished(row, true);
        TrainAll(tune.Where(c => !rows.ContainsKey(c.Key)).ToList(), data, settings, writer, rows, progress);
        return explicitRows.Concat(tune.Select(c => rows[c.Key])).ToList();
    }

    static IEnumerable<SweepRow> ByAccuracy(IEnumerable<SweepRow> rows) => rows.OrderByDescending(r => r.ValidAccuracy).ThenBy(r => r.BlobBytes);

    /// <summary>`saffu train`'s defaults as a sweep point.</summary>
    public static SweepConfig DefaultsPoint(TrainOptions d) => new()
    {
        Bits = d.Bits, Document = d.Document, Block = d.BlockSize, Radial = d.RadialSize,
        Passes = d.BlockSize > 0 || d.RadialSize > 0 ? d.Solver.RefinementPasses : 0, Epsilon = d.Solver.Epsilon,
        TauU = d.BlockSize > 0 || d.RadialSize > 0 ? d.Solver.TauU : 5, TauD = d.Document ? d.Solver.TauD : null,
        PrefixWeight = d.Solver.PrefixWeight,
        Cooccurrence = d.Cooccurrence.Radius, CooccurrenceMix = d.Cooccurrence.Radius > 0 ? d.Cooccurrence.Mix : 0.8,
        UBits = ExportDefaults.U, URank = d.Solver.URank,
    };

    static class ExportDefaults
    {
        public static int U => Export.ExportOptions.Default.Bits.U;
    }

    static void TrainAll(IReadOnlyList<SweepConfig> todo, SweepData data, SweepSettings settings, ResultsWriter writer,
        ConcurrentDictionary<string, SweepRow> rows, ISweepProgress progress)
    {
        Parallel.ForEach(todo, new ParallelOptions { MaxDegreeOfParallelism = settings.Threads }, config =>
        {
            SweepRow row = Measure(config, data, settings.Defaults);
            writer.Append(row);
            rows[row.Key] = row;
            progress.RowFinished(row, false);
        });
    }

    /// <summary>Trains one configuration and measures its row.</summary>
    public static SweepRow Measure(SweepConfig config, SweepData data, TrainOptions defaults)
    {
        var options = config.Options(defaults);
        var timer = Stopwatch.StartNew();
        var home = data.Home;
        TrainingResult trained = Trainer.Train(data.Train, data.Valid, options, null, home?.KeepWords, home?.AnchorWords, home?.VocabularyWords);
        double seconds = timer.Elapsed.TotalSeconds;
        var model = trained.Model;
        // The commands of valid (a lights corpus's validation split also holds `<none>` sentences: no closed-set label).
        var commands = data.Valid.Where(u => model.NoneIntent < 0 || u.Intent != model.Intents[model.NoneIntent]).ToList();
        var valid = UtteranceScoring.ScoreAll(model, commands.Select(u => u.Text).ToArray(), Evaluator.Labels(model, commands));
        double? ood = null;
        if (data.Ood is { Count: > 0 } oodSet)
            ood = OutOfDomainRejection.Share(UtteranceScoring.ScoreAll(model, oodSet.Select(u => u.Text).ToArray(),
                Enumerable.Repeat(-1, oodSet.Count).ToArray()), model.RejectThreshold, model.NoneIntent);
        var dev = data.Dev.ToDictionary(d => d.Name,
            d => HeldOutAccuracy.Of(model, EncodedCorpus.Encode(d.Set, model.Vocabulary, model.Intents, null, out _)), StringComparer.Ordinal);
        var decisions = data.Dev.ToDictionary(d => d.Name, d => DecisionAccuracy(model, d.Set), StringComparer.Ordinal);
        var cost = DeviceCost.Measure(model, config.Export(), config.URank, commands, home?.Description, data.Dev);
        return new SweepRow
        {
            Key = config.Key,
            Config = config,
            ValidAccuracy = trained.Measurements.FinalValidAccuracy,
            ExplicitValidAccuracy = trained.Measurements.ExplicitValidAccuracy,
            BlobValidAccuracy = double.IsNaN(cost.BlobAccuracy) ? null : cost.BlobAccuracy,
            DevAccuracy = dev,
            DevDecisionAccuracy = decisions,
            DevDeviceAccuracy = cost.DevDeviceAccuracy,
            OodRejection = ood,
            FalseRejection = OutOfDomainRejection.Share(valid, model.RejectThreshold, model.NoneIntent),
            BlobBytes = cost.BlobBytes,
            RamBytes = cost.RamBytes,
            MacsPerWord = cost.MacsPerWord,
            CostEstimated = cost.Estimated,
            Parameters = model.Weights.ParameterCount(model.Config),
            TrainSeconds = seconds,
        };
    }

    /// <summary>
    /// Share of the set decided as labelled (docs/saffu-model.md §3): a `&lt;none&gt;` line not acted on (no anchor, none on
    /// top, a non-acting intent or below the threshold), any other line understood with its intent. What a near-miss set and
    /// a command set measure on a lights model, where closed-set accuracy ignores the rejection rule.
    /// </summary>
    public static double DecisionAccuracy(Model.FloatModel model, IReadOnlyList<Utterance> set)
    {
        if (set.Count == 0) return 0;
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < model.Intents.Count; i++) ids.TryAdd(model.Intents[i], i);
        int[] labels = set.Select(u => u.Intent is { } name && ids.TryGetValue(name, out int id) ? id : -1).ToArray();
        var scored = UtteranceScoring.ScoreAll(model, set.Select(u => u.Text).ToArray(), labels);
        int right = 0;
        foreach (var u in scored)
        {
            bool rejected = u.IsRejected(model.RejectThreshold, model.NoneIntent);
            right += u.Label == model.NoneIntent || u.Label < 0 ? (rejected ? 1 : 0) : (!rejected && u.Top == u.Label ? 1 : 0);
        }
        return right / (double)scored.Length;
    }

    /// <summary>The whole rows already in the results file, by key (a later line for the same key wins).</summary>
    public static Dictionary<string, SweepRow> Read(string resultsFile)
    {
        var rows = new Dictionary<string, SweepRow>(StringComparer.Ordinal);
        if (!File.Exists(resultsFile)) return rows;
        foreach (string line in File.ReadLines(resultsFile))
            if (SweepRow.Parse(line) is { } row) rows[row.Key] = row;
        return rows;
    }

    /// <summary>Appends one line per row and flushes it at once, so an interrupted sweep loses at most the rows in progress.</summary>
    sealed class ResultsWriter : IDisposable
    {
        readonly StreamWriter writer;

        public ResultsWriter(string path)
        {
            string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (folder is not null) Directory.CreateDirectory(folder);
            bool needsNewline = File.Exists(path) && new FileInfo(path).Length > 0 && LastByte(path) != '\n';
            writer = new StreamWriter(new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read));
            if (needsNewline) writer.WriteLine();
        }

        static int LastByte(string path)
        {
            using var s = File.OpenRead(path);
            s.Seek(-1, SeekOrigin.End);
            return s.ReadByte();
        }

        public void Append(SweepRow row)
        {
            lock (writer)
            {
                writer.WriteLine(row.ToJsonLine());
                writer.Flush();
            }
        }

        public void Dispose() => writer.Dispose();
    }
}
