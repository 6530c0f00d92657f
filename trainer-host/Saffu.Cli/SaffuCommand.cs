using System.CommandLine;
using Saffu.Cli.Commands;

namespace Saffu.Cli;

/// <summary>The `saffu` root command. Exit codes (docs/cli.md): 0 ok, 1 bad input, 2 usage.</summary>
public static class SaffuCommand
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int Usage = 2;

    public static RootCommand Create()
    {
        var root = new RootCommand("Train, evaluate, quantize and run SAFFU intent models for microcontrollers.");
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        root.Subcommands.Add(InspectCommand.Create());
        root.Subcommands.Add(VerifyCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ListenCommand.Create());
        root.Subcommands.Add(DeviceCommand.Create());
        root.Subcommands.Add(ReviewCommand.Create());
        root.Subcommands.Add(RetrainCommand.Create());
        root.Subcommands.Add(LineageCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        return root;
    }

    /// <summary>Parses and runs; parse errors print the usage error and return 2.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = Create();
        if (UnknownCommand(root, args) is { } unknown)
        {
            // Before parsing: with --help anywhere the parser would print the help of the command above and succeed.
            error.WriteLine(unknown);
            error.WriteLine("Run 'saffu --help' (or 'saffu COMMAND --help') for usage.");
            return Usage;
        }
        ParseResult parsed = root.Parse(args);
        var config = new InvocationConfiguration { Output = output, Error = error };
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) error.WriteLine(e.Message);
            error.WriteLine("Run 'saffu --help' (or 'saffu COMMAND --help') for usage.");
            return Usage;
        }
        return parsed.Invoke(config);
    }

    static readonly string[] HelpTokens = ["--help", "-h", "-?", "/h", "/?"];

    /// <summary>
    /// "unknown command 'X'…" when a word that is no subcommand follows `saffu` or a command group (`saffu device`),
    /// with or without --help (parsed without the help tokens, so help cannot hide it); else null.
    /// </summary>
    static string? UnknownCommand(RootCommand root, string[] args)
    {
        ParseResult bare = root.Parse(args.Where(a => !HelpTokens.Contains(a)).ToArray());
        Command at = bare.CommandResult.Command;
        string? token = bare.UnmatchedTokens.FirstOrDefault(t => !t.StartsWith('-'));
        if (token is null || at.Subcommands.Count == 0) return null;
        string where = at == root ? "" : $" for 'saffu {at.Name}'";
        return $"unknown command '{token}'{where}. Available commands are: {string.Join(", ", at.Subcommands.Select(c => c.Name))}.";
    }
}
