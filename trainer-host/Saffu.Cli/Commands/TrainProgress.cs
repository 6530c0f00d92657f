using Saffu.Training.FineTuning;
using Saffu.Training.Training;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>
/// Shows training on stderr: a Spectre.Console progress bar per step (counting passes, fine-tuning)
/// on a terminal, and the trainer's messages (sizes, K per layer, validation accuracy per epoch).
/// `--quiet` shows nothing.
/// </summary>
internal sealed class TrainProgress(TextWriter error, bool quiet)
{
    public T Run<T>(Func<ITrainingObserver, T> work)
    {
        if (quiet) return work(ITrainingObserver.None);
        var console = EvalConsole.Over(error);
        if (!console.Profile.Capabilities.Interactive) return work(new Observer(console, null));
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work(new Observer(console, context)));
    }

    sealed class Observer(IAnsiConsole console, ProgressContext? context) : ITrainingObserver
    {
        readonly Dictionary<string, ProgressTask> tasks = new();

        public IProgress<long>? StepStarted(string step, long total)
        {
            if (context is null) return null;
            var task = context.AddTask(step, maxValue: Math.Max(1, total));
            lock (tasks) tasks[step] = task;
            return new Sink(task);
        }

        public void StepFinished(string step, TimeSpan elapsed)
        {
            lock (tasks)
                if (tasks.Remove(step, out var task)) { task.Value = task.MaxValue; task.StopTask(); }
        }

        public void LayerSolved(LayerReport r) =>
            Write($"solved {r.Layer} (pass {r.Pass}): K = {r.K:F3} over {r.Examples:N0} examples");

        public void EpochFinished(EpochReport e) =>
            Write($"fine-tune epoch {e.Epoch:0.##} ({e.Seconds:F1} s): train loss {(double.IsNaN(e.TrainLoss) ? "-" : e.TrainLoss.ToString("F4"))}, valid accuracy {e.ValidAccuracy:P2}{(e.Best ? " (best)" : "")}");

        public void Message(string text) => Write(text);

        void Write(string text)
        {
            lock (tasks) console.WriteLine(text);
        }
    }

    sealed class Sink(ProgressTask task) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (task) task.Value = Math.Max(task.Value, value);
        }
    }
}
