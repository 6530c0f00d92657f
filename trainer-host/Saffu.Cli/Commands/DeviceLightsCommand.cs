using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Saffu.Training.DeviceLink;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>`saffu device lights` (every light's state) and `saffu device set LIGHT LEVEL [R G B]` (one light directly).</summary>
internal static class DeviceLightsCommand
{
    public static Command CreateLights(DeviceOptions o)
    {
        var command = new Command("lights", "Show every light of the device's action map: level, the level 'on' restores, colour, pins.");
        command.SetAction(parse => DeviceCommand.Run(parse, o, "lights", (client, output, _) =>
        {
            JsonElement answer = client.Lights();
            if (parse.GetValue(o.Json)) output.WriteLine(DeviceOutput.Body(answer));
            else Write(output, answer);
            return SaffuCommand.Ok;
        }));
        return command;
    }

    public static Command CreateSet(DeviceOptions o)
    {
        var light = new Argument<string>("LIGHT") { Description = "The light: its index or its name as 'lights' shows them (\"kitchen light\")." };
        var level = new Argument<int>("LEVEL") { Description = "Brightness in percent, 0..100 (a light that is not dimmable: above 0 is on)." };
        var color = new Argument<int[]>("RED GREEN BLUE") { Description = "For a colour light: its colour, each 0..255.", Arity = new ArgumentArity(0, 3) };
        var command = new Command("set", "Set one light directly (not a decision: nothing is logged).");
        command.Arguments.Add(light);
        command.Arguments.Add(level);
        command.Arguments.Add(color);
        command.Validators.Add(r =>
        {
            if (r.GetValue(level) is < 0 or > 100) r.AddError($"LEVEL {r.GetValue(level)} is out of range; expected a percentage 0..100.");
            int[] rgb = r.GetValue(color) ?? [];
            if (rgb.Length is not (0 or 3)) r.AddError($"give all three of RED GREEN BLUE or none; got {rgb.Length} value(s).");
            if (rgb.Any(c => c is < 0 or > 255)) r.AddError("RED GREEN BLUE are each 0..255.");
        });
        command.SetAction(parse => DeviceCommand.Run(parse, o, "set", (client, output, error) =>
        {
            string name = parse.GetValue(light)!;
            int? index = Resolve(client, name, out string known);
            if (index is null)
            {
                error.WriteLine($"saffu device set: the device has no light '{name}'. Lights: {known}");
                return SaffuCommand.BadInput;
            }
            int[] rgb = parse.GetValue(color) ?? [];
            JsonElement answer = client.SetLight(index.Value, parse.GetValue(level), rgb.Length == 3 ? rgb : null);
            if (parse.GetValue(o.Json)) output.WriteLine(DeviceOutput.Body(answer));
            else
            {
                JsonElement l = answer.GetProperty("light");
                output.WriteLine($"{DeviceOutput.Str(l, "name")}: {DeviceOutput.Str(l, "level")}%{Color(l)} [{DeviceOutput.Pins(answer.GetProperty("pins"))}]");
            }
            return SaffuCommand.Ok;
        }));
        return command;
    }

    /// <summary>The light's index from an index or a name (case-insensitive); null when none matches (<paramref name="known"/> lists them).</summary>
    private static int? Resolve(DeviceClient client, string name, out string known)
    {
        var lights = client.Lights().GetProperty("lights").EnumerateArray()
            .Select(l => (Index: l.GetProperty("index").GetInt32(), Name: l.GetProperty("name").GetString() ?? "")).ToList();
        known = lights.Count == 0 ? "none (no model or no action map)" : string.Join(", ", lights.Select(l => $"{l.Index} \"{l.Name}\""));
        if (int.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out int i)) return lights.Any(l => l.Index == i) ? i : null;
        var match = lights.Where(l => string.Equals(l.Name, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return match.Count == 1 ? match[0].Index : null;
    }

    private static void Write(TextWriter output, JsonElement answer)
    {
        var rows = answer.GetProperty("lights").EnumerateArray().ToList();
        if (rows.Count == 0)
        {
            output.WriteLine("no lights (the device has no model, or its model has no action map)");
            return;
        }
        var table = new Table().AddColumn("#").AddColumn("light").AddColumn("area").AddColumn(new TableColumn("level").RightAligned())
            .AddColumn(new TableColumn("on restores").RightAligned()).AddColumn("dimmable").AddColumn("colour").AddColumn("GPIO");
        foreach (var l in rows)
            table.AddRow(DeviceOutput.Str(l, "index"), Markup.Escape(DeviceOutput.Str(l, "name")), Markup.Escape(DeviceOutput.Str(l, "area")),
                DeviceOutput.Str(l, "level") + "%", DeviceOutput.Str(l, "last") + "%", DeviceOutput.Str(l, "dimmable"),
                Color(l).Trim(), string.Join(" ", l.GetProperty("pins").EnumerateArray().Select(p => p.GetRawText())));
        table.Caption(answer.GetProperty("persist").GetBoolean() ? "states kept in flash across reboots" : "states reset to off at boot");
        EvalConsole.Over(output).Write(table);
    }

    private static string Color(JsonElement l) =>
        l.TryGetProperty("color", out var c) && c.ValueKind == JsonValueKind.Array ? " rgb(" + string.Join(",", c.EnumerateArray().Select(v => v.GetRawText())) + ")" : "";
}
