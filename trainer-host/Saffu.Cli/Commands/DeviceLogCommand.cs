using System.CommandLine;
using Saffu.Training.DeviceLink;

namespace Saffu.Cli.Commands;

/// <summary>`saffu device pull-log FILE` (append the records FILE does not have) and `saffu device clear-log`.</summary>
internal static class DeviceLogCommand
{
    public static Command CreatePull(DeviceOptions o)
    {
        var file = new Argument<string>("FILE") { Description = "The decision-log JSON Lines file (docs/decision-log.md); created when missing, else appended to." };
        var command = new Command("pull-log",
            "Read the device's decision log and append to FILE, in seq order, each record FILE does not hold yet (by log id and seq), "
            + "with the time it was pulled; FILE is replaced atomically.");
        command.Arguments.Add(file);
        command.SetAction(parse => DeviceCommand.Run(parse, o, "pull-log", (client, output, _) =>
        {
            string path = parse.GetValue(file)!;
            PullResult r = DecisionLogFile.Pull(client, path, DateTimeOffset.UtcNow);
            if (parse.GetValue(o.Json))
                output.WriteLine(DeviceOutput.Line(new DevicePullJson(path, r.LogId, r.Added, r.AlreadyHad, r.FirstAdded, r.LastAdded, r.FileRecords),
                    DeviceJsonContext.Relaxed.DevicePullJson));
            else if (r.LogId is null) output.WriteLine($"the device's decision log is empty; {path} unchanged ({Records(r.FileRecords)})");
            else
                output.WriteLine(r.Added == 0
                    ? $"nothing new: {path} already holds every record of log {r.LogId} ({Records(r.FileRecords)})"
                    : $"appended {Records(r.Added)} of log {r.LogId}, seq {(r.FirstAdded == r.LastAdded ? $"{r.FirstAdded}" : $"{r.FirstAdded}..{r.LastAdded}")}, to {path} (now {Records(r.FileRecords)})");
            return SaffuCommand.Ok;
        }));
        return command;
    }

    public static Command CreateClear(DeviceOptions o)
    {
        var command = new Command("clear-log", "Erase the device's decision log (pull it first); sequence numbers continue and are never reused.");
        command.SetAction(parse => DeviceCommand.Run(parse, o, "clear-log", (client, output, _) =>
        {
            long next = client.ClearLog();
            output.WriteLine(parse.GetValue(o.Json)
                ? DeviceOutput.Line(new DeviceClearJson(next), DeviceJsonContext.Relaxed.DeviceClearJson)
                : $"decision log cleared; the next decision gets seq {next}");
            return SaffuCommand.Ok;
        }));
        return command;
    }

    private static string Records(int n) => n == 1 ? "1 record" : $"{DeviceOutput.N(n)} records";
}
