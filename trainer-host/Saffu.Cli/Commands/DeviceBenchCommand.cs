using System.CommandLine;
using System.Text.Json;
using Saffu.Training.DeviceLink;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>`saffu device bench [--runs N]` (the runtime timed on the device) and `saffu device reboot`.</summary>
internal static class DeviceBenchCommand
{
    public static Command CreateBench(DeviceOptions o)
    {
        var runs = new Option<int>("--runs") { Description = "Times the fixed sentence is run, 1..1000. Default: 20.", DefaultValueFactory = _ => 20 };
        runs.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 1000) r.AddError($"--runs {r.GetValueOrDefault<int>()} is out of range; expected 1..1000.");
        });
        var command = new Command("bench",
            "Time the runtime on the device itself: N runs of a fixed sentence, microseconds per word, MACs per word, free heap. "
            + "(On sim: the host's speed, not a board's.)");
        command.Options.Add(runs);
        command.SetAction(parse => DeviceCommand.Run(parse, o, "bench", (client, output, _) =>
        {
            BenchResult b = client.Bench(parse.GetValue(runs));
            if (parse.GetValue(o.Json))
            {
                output.WriteLine(DeviceOutput.Line(new DeviceBenchJson(b.Sentence, b.Runs, b.Words, b.Ticks, b.MicrosecondsPerWord, b.MacsPerWord, b.HeapFree),
                    DeviceJsonContext.Relaxed.DeviceBenchJson));
                return SaffuCommand.Ok;
            }
            var table = new Table().Title("saffu device bench").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
            table.Caption(Markup.Escape(DeviceCommand.IsSimulated(parse, o) ? "on the simulated device: this computer's speed, not a board's" : client.Description));
            table.AddRow("sentence", Markup.Escape($"\"{b.Sentence}\""));
            table.AddRow("runs × words", $"{b.Runs} runs, {DeviceOutput.N(b.Words)} pushes");
            table.AddRow("µs per word", DeviceOutput.N(b.MicrosecondsPerWord));
            table.AddRow("MACs per word", DeviceOutput.N(b.MacsPerWord));
            table.AddRow("free heap", DeviceCommand.IsSimulated(parse, o) ? "not measured" : $"{DeviceOutput.N(b.HeapFree)} bytes");
            EvalConsole.Over(output).Write(table);
            return SaffuCommand.Ok;
        }));
        return command;
    }

    public static Command CreateReboot(DeviceOptions o)
    {
        var command = new Command("reboot", "Restart the device and wait for its boot event (the model it booted and any fallback).");
        command.SetAction(parse => DeviceCommand.Run(parse, o, "reboot", (client, output, error) =>
        {
            JsonElement? boot = client.Reboot();
            if (parse.GetValue(o.Json))
                output.WriteLine(DeviceOutput.Line(new DeviceRebootJson(true, boot is { } b ? DeviceOutput.Without(b) : null), DeviceJsonContext.Relaxed.DeviceRebootJson));
            else if (boot is { } b)
            {
                output.WriteLine($"rebooted: boot {DeviceOutput.Str(b, "boot")}, firmware {DeviceOutput.Str(b, "firmware")}, model {DeviceStatusCommand.Model(b.GetProperty("model"))}");
                if (b.TryGetProperty("fallback", out var f) && f.ValueKind == JsonValueKind.Object)
                    output.WriteLine($"fallback: slot {DeviceOutput.Str(f, "slot")} did not load: {DeviceOutput.Str(f, "error")}: {DeviceOutput.Str(f, "message")}");
            }
            else
            {
                error.WriteLine($"saffu device reboot: the device said it was rebooting but sent no boot event within {client.Timeout.TotalSeconds + DeviceClient.SlowCommandAllowance.TotalSeconds:0.#} s");
                return SaffuCommand.BadInput;
            }
            return SaffuCommand.Ok;
        }));
        return command;
    }
}
