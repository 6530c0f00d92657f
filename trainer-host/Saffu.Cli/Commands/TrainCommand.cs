using System.CommandLine;

namespace Saffu.Cli.Commands;

/// <summary>`saffu train` (being written; see docs/cli.md).</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var command = new Command("train", "Not written yet.");
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine("saffu train is not written yet.");
            return SaffuCommand.BadInput;
        });
        return command;
    }
}
