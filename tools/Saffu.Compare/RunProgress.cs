using Saffu.Training.FineTuning;
using Saffu.Training.Training;
using Spectre.Console;

namespace Saffu.Compare;

/// <summary>
/// Shows the run on stderr: one line per system as it starts and ends, the trainer's messages and
/// validation checks, and on a terminal a Spectre.Console progress bar per training step.
/// </summary>
internal sealed class RunProgress(TextWriter error)
{
    readonly IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(error),
        Interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? InteractionSupport.Yes : InteractionSupport.No,
        Ansi = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? AnsiSupport.Detect : AnsiSupport.No,
    });

    public void Line(string text) => console.WriteLine(text);

    /// <summary>Runs one system's work with an observer that reports its steps.</summary>
    public T Step<T>(string name, Func<ITrainingObserver, T> work)
    {
        console.WriteLine($"{name}: training and evaluating…");
        var started = DateTime.UtcNow;
        T result = !console.Profile.Capabilities.Interactive
            ? work(new Observer(console, null))
            : console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var whole = context.AddTask(name).IsIndeterminate();
                    var value = work(new Observer(console, context));
                    whole.StopTask();
                    return value;
                });
        console.WriteLine($"{name}: done in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        return result;
    }

    sealed class Observer(IAnsiConsole console, ProgressContext? context) : ITrainingObserver
    {
        readonly Dictionary<string, ProgressTask> tasks = new();

        public IProgress<long>? StepStarted(string step, long total)
        {
            if (context is null) return null;
            var task = context.AddTask("  " + step, maxValue: Math.Max(1, total));
            lock (tasks) tasks[step] = task;
            return new Progress(task);
        }

        public void StepFinished(string step, TimeSpan elapsed)
        {
            lock (tasks)
                if (tasks.Remove(step, out var task)) { task.Value = task.MaxValue; task.StopTask(); }
        }

        public void EpochFinished(EpochReport e) =>
            Write($"  epoch {e.Epoch:0.##} ({e.Seconds:F1} s of steps): valid accuracy {e.ValidAccuracy:P2}{(e.Best ? " (best)" : "")}");

        public void Message(string text) => Write("  " + text);

        void Write(string text)
        {
            lock (tasks) console.WriteLine(text);
        }
    }

    sealed class Progress(ProgressTask task) : IProgress<long>
    {
        public void Report(long value)
        {
            lock (task) task.Value = Math.Max(task.Value, value);
        }
    }
}
