using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>Spectre.Console consoles over the invocation's writers, so that tests capture what is printed.</summary>
internal static class EvalConsole
{
    /// <summary>A console that writes plain text (no colours, no cursor moves) unless the writer is the real terminal.</summary>
    public static IAnsiConsole Over(TextWriter writer, int width = 120)
    {
        bool terminal = (ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected)
            || (ReferenceEquals(writer, Console.Error) && !Console.IsErrorRedirected);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            // Spectre's own detection looks at stdout; progress goes to stderr, which may be the terminal when stdout is not.
            Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!terminal) console.Profile.Width = width;
        return console;
    }
}
