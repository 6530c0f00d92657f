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

    public static readonly Option<string> Port = new("--port")
    {
        Description = "The device: a serial port as the OS names it (COM3, /dev/ttyUSB0), or sim:DIR for the simulated device with its flash in DIR.",
        HelpName = "PORT",
        Required = true,
        Recursive = true,
    };

    public static readonly Option<int> Baud = new("--baud")
    {
        Description = $"Serial speed in baud (the device's 'baud' setting). Default: {SerialDeviceLink.DefaultBaud}.",
        DefaultValueFactory = _ => SerialDeviceLink.DefaultBaud,
        Recursive = true,
    };

    public static readonly Option<double> Timeout = new("--timeout")
    {
        Description = $"Seconds to wait for each answer before giving up with an error (0.1..3600). Default: {DefaultTimeoutSeconds}.",
        HelpName = "SECONDS",
        DefaultValueFactory = _ => DefaultTimeoutSeconds,
        Recursive = true,
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print JSON (one object a line) instead of text. Default: false.",
        Recursive = true,
    };

    public static Command Create() => Create(() => Console.In);

    /// <summary>The command group; `send` reads transcripts from <paramref name="input"/> when no TEXT is given.</summary>
    public static Command Create(Func<TextReader> input)
    {
        Timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is var s && (s < 0.1 || s > 3600 || double.IsNaN(s)))
                r.AddError($"--timeout {s} is out of range; expected seconds from 0.1 to 3600.");
        });
        var command = new Command("device",
            "Talk to the SaffuEmbedded device application over its serial line protocol (docs/serial-protocol.md), or to the simulated device (--port sim:DIR).");
        command.Options.Add(Port);
        command.Options.Add(Baud);
        command.Options.Add(Timeout);
        command.Options.Add(Json);
        command.Subcommands.Add(DeviceSendCommand.Create(input));
        command.Subcommands.Add(DeviceStatusCommand.Create());
        command.Subcommands.Add(DeviceLightsCommand.CreateLights());
        command.Subcommands.Add(DeviceLightsCommand.CreateSet());
        command.Subcommands.Add(DeviceUploadCommand.CreateUpload());
        command.Subcommands.Add(DeviceUploadCommand.CreateActivate());
        command.Subcommands.Add(DeviceLogCommand.CreatePull());
        command.Subcommands.Add(DeviceLogCommand.CreateClear());
        command.Subcommands.Add(DeviceBenchCommand.CreateBench());
        command.Subcommands.Add(DeviceBenchCommand.CreateReboot());
        return command;
    }

    /// <summary>
    /// Opens the port, resynchronises, runs <paramref name="body"/>; every link, device, blob and log-file problem
    /// becomes one line on stderr and exit code 1.
    /// </summary>
    public static int Run(ParseResult parse, string verb, Func<DeviceClient, TextWriter, TextWriter, int> body)
    {
        TextWriter output = parse.InvocationConfiguration.Output, error = parse.InvocationConfiguration.Error;
        string port = parse.GetValue(Port)!;
        try
        {
            using var client = new DeviceClient(DeviceLinks.Open(port, parse.GetValue(Baud)), TimeSpan.FromSeconds(parse.GetValue(Timeout)));
            client.Connect();
            return body(client, output, error);
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
    }
}
