using System.CommandLine;
using System.Text.Json;
using Saffu.Training.DeviceLink;
using Saffu.Training.Export;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>`saffu device upload BLOB [--activate]` (to the inactive slot, verified) and `saffu device activate`.</summary>
internal static class DeviceUploadCommand
{
    public static Command CreateUpload(DeviceOptions o)
    {
        var blob = new Argument<string>("BLOB") { Description = "The model blob written by 'saffu export'." };
        var activate = new Option<bool>("--activate") { Description = "Activate the blob right after it is verified. Default: false." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar. Default: false." };
        var command = new Command("upload",
            "Upload a model blob to the device's inactive slot in CRC-checked chunks; the device verifies it before it can be activated. "
            + "A blob version the firmware does not read (its 'info' answer) is refused before anything is sent.");
        command.Arguments.Add(blob);
        command.Options.Add(activate);
        command.Options.Add(quiet);
        command.SetAction(parse => DeviceCommand.Run(parse, o, "upload", (client, output, error) =>
        {
            string path = parse.GetValue(blob)!;
            byte[] bytes = BlobFile.Read(path);
            UploadResult result = WithProgress(error, parse.GetValue(quiet), bytes.Length, progress => BlobUpload.Upload(client, bytes, progress));
            JsonElement? activated = parse.GetValue(activate) ? client.Activate() : null;
            if (parse.GetValue(o.Json))
                output.WriteLine(DeviceOutput.Line(new DeviceUploadJson(path, result.Bytes, result.Crc, result.Slot, true, result.ContentHash, activated is not null),
                    DeviceJsonContext.Relaxed.DeviceUploadJson));
            else
            {
                output.WriteLine($"uploaded {path} ({DeviceOutput.N(result.Bytes)} bytes, crc {result.Crc}) to slot {result.Slot}: verified by the device"
                    + (result.ContentHash is { } h ? $", content hash {h[..16]}…" : ""));
                output.WriteLine(activated is { } a
                    ? $"activated slot {DeviceOutput.Str(a, "slot")}: {DeviceStatusCommand.Model(a.GetProperty("model"))}"
                    : $"not active yet: saffu device --port {parse.GetValue(o.Port)} activate");
            }
            return SaffuCommand.Ok;
        }));
        return command;
    }

    public static Command CreateActivate(DeviceOptions o)
    {
        var command = new Command("activate",
            "Make the verified upload the running model and the one that boots (the previous model stays when the new one does not load).");
        command.SetAction(parse => DeviceCommand.Run(parse, o, "activate", (client, output, error) =>
        {
            JsonElement a;
            try
            {
                a = client.Activate();
            }
            catch (DeviceLinkException e) when (e.DeviceCode == "no_verified_upload")
            {
                error.WriteLine($"saffu device activate: {e.Message} (upload a model first: 'saffu device --port {parse.GetValue(o.Port)} upload BLOB', then activate; "
                    + "an upload the device verified waits for activate, across reboots, until it is activated or another upload begins)");
                return SaffuCommand.BadInput;
            }
            output.WriteLine(parse.GetValue(o.Json)
                ? DeviceOutput.Body(a)
                : $"activated slot {DeviceOutput.Str(a, "slot")}: {DeviceStatusCommand.Model(a.GetProperty("model"))}; lights reset to off");
            return SaffuCommand.Ok;
        }));
        return command;
    }

    /// <summary>A progress bar on stderr while <paramref name="work"/> uploads (only on a terminal, not with --quiet).</summary>
    private static T WithProgress<T>(TextWriter error, bool quiet, int total, Func<IProgress<int>?, T> work)
    {
        var console = EvalConsole.Over(error);
        if (quiet || !console.Profile.Capabilities.Interactive) return work(null);
        return console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask("upload", maxValue: total);
                return work(new ImmediateProgress(sent => task.Value = sent));
            });
    }

    /// <summary>Reports on the caller's thread (System.Progress posts to the thread pool, after the bar may be gone).</summary>
    private sealed class ImmediateProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }
}
