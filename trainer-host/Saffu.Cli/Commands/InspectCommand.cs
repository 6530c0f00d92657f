using System.CommandLine;
using Saffu.Training.Export;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu inspect FILE.blob [--json]`: the blob's header, sections, config, decision, identity, labels,
/// action map, RAM and MACs per word (docs/cli.md); as much as can be read of a blob that does not load.
/// </summary>
public static class InspectCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE.blob") { Description = "The model blob to inspect." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of tables. Default: false." };
        var command = new Command("inspect",
            "Show a model blob's header, section table, config, decision settings, identity, intents, vocabulary size, tag labels, "
            + "action map, and (when it loads) the runtime's RAM and multiplies per word; a blob that does not load is shown as far as "
            + "it can be read, with the loader's typed error.");
        command.Arguments.Add(file);
        command.Options.Add(json);
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output, error = parse.InvocationConfiguration.Error;
            string path = parse.GetValue(file)!;
            BlobInspection inspection;
            try
            {
                inspection = BlobInspection.Of(BlobFile.Read(path));
            }
            catch (BlobFileException e)
            {
                error.WriteLine($"saffu inspect: {e.Message}");
                return SaffuCommand.BadInput;
            }
            if (parse.GetValue(json)) InspectJson.Write(output, path, inspection);
            else InspectReport.Write(output, path, inspection);
            if (inspection.Valid) return SaffuCommand.Ok;
            error.WriteLine($"saffu inspect: {VerifyCommand.Problem(path, inspection)}");
            return SaffuCommand.BadInput;
        });
        return command;
    }
}
