using System.CommandLine;

namespace Saffu.Cli.Commands;

/// <summary>`saffu eval` (being written; see docs/cli.md).</summary>
public static class EvalCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Not written yet.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("saffu eval is not written yet.");
            return SaffuCommand.BadInput;
        });
        return command;
    }
}
