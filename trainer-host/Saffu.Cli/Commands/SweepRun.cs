using System.Diagnostics;
using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.Sweep;
using Saffu.Training.Training;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>The parsed options of `saffu sweep` besides the sweep's own settings.</summary>
internal sealed record SweepRunSettings(string? Train, string? Valid, string Out, string[] Dev, string? Ood, long? BudgetBytes, long? BudgetMacs, bool Quiet)
{
    /// <summary>`--home`: a lights sweep.</summary>
    public string? Home { get; init; }
    public long? BudgetRam { get; init; }

    public string ResultsFile => Path.Combine(Out, "results.jsonl");
}

/// <summary>One `saffu sweep` invocation: read the sets, run the sweep with a progress bar and ETA, write the plot, print the summary.</summary>
internal sealed class SweepRun(SweepRunSettings settings, SweepSettings sweep, TextWriter output, TextWriter error)
{
    public int Execute()
    {
        if (sweep.Count is < 1 or > 100000 || sweep.Threads is < 1 or > 64 || sweep.Near is < 0 or > 1 || sweep.MaxFineTuned < 0
            || settings.BudgetBytes is <= 0 || settings.BudgetMacs is <= 0 || settings.BudgetRam is <= 0
            || (settings.Home is null && (settings.Train is null || settings.Valid is null)))
        {
            error.WriteLine("saffu sweep: found " + Describe() + "; expected --configs 1..100000, --threads 1..64, --near 0..1, "
                + "--max-fine-tuned ≥ 0, budgets > 0, and --train with --valid unless --home is given.");
            return SaffuCommand.Usage;
        }
        try
        {
            var data = Read();
            var run = (data.Home is null ? sweep : sweep with { Defaults = TrainOptions.Lights })
                with { Budget = (settings.BudgetBytes, settings.BudgetMacs, settings.BudgetRam) };
            var timer = Stopwatch.StartNew();
            var rows = WithProgress(progress => SweepRunner.Run(data, run, settings.ResultsFile, progress));
            var chosen = ParetoFront.BestWithin(rows, settings.BudgetBytes, settings.BudgetMacs, settings.BudgetRam);
            SweepPlot.Write(settings.Out, rows, chosen);
            SweepSummary.Write(output, rows, chosen, settings, timer.Elapsed);
            return SaffuCommand.Ok;
        }
        catch (Exception e) when (e is DatasetException or ArgumentException or IOException or UnauthorizedAccessException
            or Saffu.Training.Home.HomeDescriptionException or Saffu.Training.Grammar.GrammarException)
        {
            error.WriteLine($"saffu sweep: {e.Message}");
            return SaffuCommand.BadInput;
        }
    }

    string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"--configs {sweep.Count}, --threads {sweep.Threads}, --near {sweep.Near}, --max-fine-tuned {sweep.MaxFineTuned}, " +
        $"--budget-bytes {settings.BudgetBytes?.ToString(CultureInfo.InvariantCulture) ?? "none"}, --budget-macs {settings.BudgetMacs?.ToString(CultureInfo.InvariantCulture) ?? "none"}, " +
        $"--budget-ram {settings.BudgetRam?.ToString(CultureInfo.InvariantCulture) ?? "none"}, --train {settings.Train ?? "none"}, --valid {settings.Valid ?? "none"}, --home {settings.Home ?? "none"}");

    SweepData Read()
    {
        if (settings.Home is not null) return ReadHome(settings.Home);
        var train = DatasetReader.Read(settings.Train!).Utterances;
        var known = Trainer.ReadOptionsFor(train);
        var valid = DatasetReader.Read(settings.Valid!, known).Utterances;
        var dev = settings.Dev.Select(d => (Name(d), DatasetReader.Read(d, known).Utterances)).ToList();
        var ood = settings.Ood is null ? null : DatasetReader.Read(settings.Ood, new ReadOptions { RequireIntent = false }).Utterances;
        if (valid.Count == 0) throw new ArgumentException($"The validation set {settings.Valid} has no utterances; a sweep chooses on it.");
        return new SweepData(train, valid, dev, ood);
    }

    /// <summary>
    /// A lights sweep: the home's lights corpus as `saffu train --home` builds it (seed 1), its validation split unless
    /// `--valid` names another set, `--train` sentences added to the corpus's.
    /// </summary>
    SweepData ReadHome(string homeFile)
    {
        var description = Saffu.Training.Home.HomeDescription.Load(homeFile);
        var corpus = Saffu.Training.Grammar.LightsCorpus.Build(description,
            Saffu.Training.Grammar.LightsCorpusOptions.Default with { Seed = TrainOptions.Lights.FineTuning.Seed });
        var train = corpus.Train.Select(s => s.ToUtterance()).ToList();
        if (settings.Train is not null) train.AddRange(DatasetReader.Read(settings.Train).Utterances);
        var known = Trainer.ReadOptionsFor(train);
        IReadOnlyList<Utterance> valid = settings.Valid is null ? corpus.Valid.Select(s => s.ToUtterance()).ToList()
            : DatasetReader.Read(settings.Valid, known).Utterances;
        var dev = settings.Dev.Select(d => (Name(d), DatasetReader.Read(d, known).Utterances)).ToList();
        var ood = settings.Ood is null ? null : DatasetReader.Read(settings.Ood, new ReadOptions { RequireIntent = false }).Utterances;
        return new SweepData(train, valid, dev, ood)
        {
            Home = new SweepHome(description, corpus.KeepWords, corpus.AnchorWords, corpus.VocabularyWords),
        };
    }

    /// <summary>A dev set's name in the rows: its folder or file name without extension.</summary>
    static string Name(string path) => Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(path));

    T WithProgress<T>(Func<ISweepProgress, T> work)
    {
        var console = EvalConsole.Over(error);
        if (settings.Quiet || !console.Profile.Capabilities.Interactive) return work(new LineProgress(settings.Quiet ? null : console));
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(),
                new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(new BarProgress(context)));
    }

    /// <summary>A bar whose ETA Spectre computes from the rows finished so far (rows read from the file count at once).</summary>
    sealed class BarProgress(ProgressContext context) : ISweepProgress
    {
        ProgressTask? task;

        public void Started(int total, int alreadyDone)
        {
            task = context.AddTask($"explicit configurations ({alreadyDone} from the results file)", maxValue: total);
        }

        public void RowFinished(SweepRow row, bool fromFile)
        {
            lock (this) task?.Increment(1);
        }

        public void FineTuningStarted(int count)
        {
            lock (this)
            {
                task?.StopTask();
                task = context.AddTask("fine-tuning near the Pareto front", maxValue: Math.Max(1, count));
            }
        }
    }

    /// <summary>Without a terminal: one line every 10 rows with the count and the time left at the rate so far.</summary>
    sealed class LineProgress(IAnsiConsole? console) : ISweepProgress
    {
        readonly Stopwatch clock = Stopwatch.StartNew();
        int total, done, trained;

        public void Started(int total, int alreadyDone)
        {
            this.total = total;
            console?.WriteLine($"sweep: {total} configurations, {alreadyDone} already in the results file");
        }

        public void RowFinished(SweepRow row, bool fromFile)
        {
            lock (this)
            {
                done++;
                if (!fromFile) trained++;
                if (console is null || fromFile || (done % 10 != 0 && done != total)) return;
                double eta = trained == 0 ? 0 : clock.Elapsed.TotalSeconds / trained * (total - done);
                console.WriteLine($"sweep: {done}/{total} ({clock.Elapsed.TotalSeconds:F0} s, about {eta:F0} s left)");
            }
        }

        public void FineTuningStarted(int count)
        {
            lock (this)
            {
                total = done + count;
                console?.WriteLine($"sweep: fine-tuning {count} configurations near the Pareto front");
            }
        }
    }
}
