using System.CommandLine;
using Saffu.Training.DeviceLink;
using Saffu.Training.Export;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu device --port PORT [--baud N] [--timeout S] [--json] COMMAND`: talks to the ESP32 application, or to the
/// simulated device with `--port sim:DIR`, over docs/serial-protocol.md (docs/cli.md).
/// </summary>
public static class DeviceCommand
{
    /// <summary>Seconds a request may wait for its answer unless --timeout says otherwise.</summary>
    public const double DefaultTimeoutSeconds = 5;

    public static Command Create() => Create(() => Console.In);

    /// <summary>The command group; `send` reads transcripts from <paramref name="input"/> when no TEXT is given.</summary>
    public static Command Create(Func<TextReader> input)
    {
        var o = new DeviceOptions();
        var command = new Command("device",
            "Talk to the SaffuEmbedded device application over its serial line protocol (docs/serial-protocol.md), or to the simulated device (--port sim:DIR).");
        command.Options.Add(o.Port);
        command.Options.Add(o.Baud);
        command.Options.Add(o.Timeout);
        command.Options.Add(o.Json);
        command.Subcommands.Add(DeviceSendCommand.Create(o, input));
        command.Subcommands.Add(DeviceStatusCommand.Create(o));
        command.Subcommands.Add(DeviceLightsCommand.CreateLights(o));
        command.Subcommands.Add(DeviceLightsCommand.CreateSet(o));
        command.Subcommands.Add(DeviceUploadCommand.CreateUpload(o));
        command.Subcommands.Add(DeviceUploadCommand.CreateActivate(o));
        command.Subcommands.Add(DeviceLogCommand.CreatePull(o));
        command.Subcommands.Add(DeviceLogCommand.CreateClear(o));
        command.Subcommands.Add(DeviceBenchCommand.CreateBench(o));
        command.Subcommands.Add(DeviceBenchCommand.CreateReboot(o));
        return command;
    }

    /// <summary>True when --port names the simulated device (sim:DIR).</summary>
    internal static bool IsSimulated(ParseResult parse, DeviceOptions o) => parse.GetValue(o.Port)!.StartsWith(DeviceLinks.SimulatorPrefix, StringComparison.Ordinal);

    /// <summary>
    /// Opens the port, resynchronises, runs <paramref name="body"/>; every link, device, blob and log-file problem
    /// becomes one line on stderr and exit code 1.
    /// </summary>
    internal static int Run(ParseResult parse, DeviceOptions o, string verb, Func<DeviceClient, TextWriter, TextWriter, int> body)
    {
        TextWriter output = parse.InvocationConfiguration.Output, error = parse.InvocationConfiguration.Error;
        string port = parse.GetValue(o.Port)!;
        try
        {
            IDeviceLink link = DeviceLinks.Open(port, parse.GetValue(o.Baud));
            if (link is SimulatedDeviceLink { NewDevice: true })
                error.WriteLine($"saffu device: new simulated device in {port[DeviceLinks.SimulatorPrefix.Length..]}, with the shipped default model built in (as tools/flash leaves a board)");
            using var client = new DeviceClient(link, TimeSpan.FromSeconds(parse.GetValue(o.Timeout)));
            client.Connect();
            int code = body(client, output, error);
            if (client.SawBoot && verb != "reboot")
                error.WriteLine($"saffu device {verb}: note: {client.Description} restarted while saffu talked to it (it sent a boot event); 'status' shows its boot counter and model");
            return code;
        }
        catch (DeviceLinkException e)
        {
            error.WriteLine($"saffu device {verb}: {e.Message}");
            return SaffuCommand.BadInput;
        }
        catch (Exception e) when (e is BlobFileException or DecisionLogFileException)
        {
            error.WriteLine($"saffu device {verb}: {e.Message}");
            return SaffuCommand.BadInput;
        }
        catch (IOException e)
        {
            error.WriteLine($"saffu device {verb}: {e.Message}");
            return SaffuCommand.BadInput;
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or IndexOutOfRangeException)
        {
            // The text output reads answer keys directly; an answer without them is the device's protocol error, not a crash.
            error.WriteLine($"saffu device {verb}: the device's answer is not what docs/serial-protocol.md says ({e.Message})");
            return SaffuCommand.BadInput;
        }
    }
}

/// <summary>The options every `saffu device` subcommand takes (made once per command tree: options are not shared between trees).</summary>
internal sealed class DeviceOptions
{
    public readonly Option<string> Port = new("--port")
    {
        Description = "The device: a serial port as the OS names it (COM3, /dev/ttyUSB0), or sim:DIR for the simulated device with its flash in DIR.",
        HelpName = "PORT",
        Required = true,
        Recursive = true,
    };

    public readonly Option<int> Baud = new("--baud")
    {
        Description = $"Serial speed in baud (the device's 'baud' setting). Default: {SerialDeviceLink.DefaultBaud}.",
        DefaultValueFactory = _ => SerialDeviceLink.DefaultBaud,
        Recursive = true,
    };

    public readonly Option<double> Timeout = new("--timeout")
    {
        Description = $"Seconds to wait for each answer before giving up with an error (0.1..3600). Default: {DeviceCommand.DefaultTimeoutSeconds}.",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => DeviceCommand.DefaultTimeoutSeconds,
        Recursive = true,
    };

    public readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON (one object a line) instead of text. Default: false.",
        Recursive = true,
    };

    public DeviceOptions()
    {
        Baud.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is var b && (b < 300 || b > 5_000_000))
                r.AddError($"--baud {b} is out of range; expected 300..5000000 (the device's default is {SerialDeviceLink.DefaultBaud}).");
        });
        Timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var s && (s < 0.1 || s > 3600 || double.IsNaN(s)))
                r.AddError($"--timeout {s} is out of range; expected seconds from 0.1 to 3600.");
        });
    }
}
