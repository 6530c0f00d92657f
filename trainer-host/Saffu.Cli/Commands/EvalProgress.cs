using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>
/// The progress bars of `saffu eval` on stderr (docs/cli.md: every step over a second shows one;
/// `--quiet` hides them). Steps run inside <see cref="Run{T}"/>; without bars they just run.
/// </summary>
internal sealed class EvalProgress(TextWriter error, bool quiet)
{
    /// <summary>Runs <paramref name="work"/>, giving it a step factory: step(description, total) → an increment callback.</summary>
    public T Run<T>(Func<Func<string, double, Action<double>>, T> work)
    {
        if (quiet) return work((_, _) => _ => { });
        var console = EvalConsole.Over(error);
        if (!console.Profile.Capabilities.Interactive) return work((_, _) => _ => { });
        return console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(context => work((description, total) =>
            {
                var task = context.AddTask(description, maxValue: Math.Max(1, total));
                return amount => { lock (task) task.Increment(amount); };
            }));
    }
}
