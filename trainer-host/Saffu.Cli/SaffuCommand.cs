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
        if (args.Length > 0 && !args[0].StartsWith('-') && root.Subcommands.All(c => c.Name != args[0]))
        {
            // Before parsing: with --help anywhere the parser would print the root help and succeed.
            error.WriteLine($"unknown command '{args[0]}'. Available commands are: {string.Join(", ", root.Subcommands.Select(c => c.Name))}.");
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
}
