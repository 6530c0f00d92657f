using System.CommandLine;
using System.Text.Json;
using Saffu.Training.DeviceLink;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>`saffu device --port PORT status`: firmware, model, fallback, log, upload, heap (the `status` and `info` answers).</summary>
internal static class DeviceStatusCommand
{
    public static Command Create(DeviceOptions o)
    {
        var command = new Command("status", "Show the device's firmware, protocol, running model (and any fallback), decision log, open upload and free heap.");
        command.SetAction(parse => DeviceCommand.Run(parse, o, "status", (client, output, _) =>
        {
            JsonElement status = client.Status();
            JsonElement info = client.Request("info", "info");
            if (parse.GetValue(o.Json))
            {
                var body = DeviceOutput.Without(status);
                body["info"] = JsonSerializer.SerializeToElement(DeviceOutput.Without(info), DeviceJsonContext.Relaxed.DictionaryStringJsonElement);
                output.WriteLine(DeviceOutput.Line(body, DeviceJsonContext.Relaxed.DictionaryStringJsonElement));
            }
            else EvalConsole.Over(output).Write(Table(client.Description, status, info, DeviceCommand.IsSimulated(parse, o)));
            return SaffuCommand.Ok;
        }));
        return command;
    }

    private static Table Table(string device, JsonElement s, JsonElement info, bool simulated)
    {
        var t = new Table().Title(Markup.Escape(device)).AddColumn("").AddColumn("");
        t.HideHeaders();
        void Row(string k, string v) => t.AddRow(Markup.Escape(k), Markup.Escape(v));
        Row("firmware", $"{DeviceOutput.Str(s, "firmware")}, protocol {DeviceOutput.Str(s, "protocol")}, reads blob v{string.Join("/", info.GetProperty("blob_versions").EnumerateArray().Select(v => v.GetRawText()))}, slot {DeviceOutput.Str(info, "slot_bytes")} bytes");
        Row("boot", $"{DeviceOutput.Str(s, "boot")}, up {TimeSpan.FromMilliseconds(s.GetProperty("uptime_ms").GetInt64()):d\\.hh\\:mm\\:ss}");
        Row("model", Model(s.GetProperty("model")));
        Row("fallback", s.GetProperty("fallback") is { ValueKind: JsonValueKind.Object } f
            ? $"slot {DeviceOutput.Str(f, "slot")} did not load: {DeviceOutput.Str(f, "error")}: {DeviceOutput.Str(f, "message")}" : "none");
        JsonElement log = s.GetProperty("log");
        string records = log.GetProperty("records").GetInt64() == 0
            ? $"empty (the next decision gets seq {DeviceOutput.Str(log, "next_seq")})"
            : $"{DeviceOutput.Str(log, "records")} records (seq {DeviceOutput.Str(log, "first_seq")}..{Last(log)})";
        Row("decision log", $"{records}, {DeviceOutput.Str(log, "used_bytes")} of {DeviceOutput.Str(log, "capacity_bytes")} bytes"
            + (log.GetProperty("full").GetBoolean() ? $", FULL: {DeviceOutput.Str(log, "overwritten")} oldest records overwritten since the last clear" : ""));
        Row("upload", s.GetProperty("upload") is { ValueKind: JsonValueKind.Object } u
            ? $"slot {DeviceOutput.Str(u, "slot")}: {DeviceOutput.Str(u, "received")} of {DeviceOutput.Str(u, "size")} bytes{(u.GetProperty("verified").GetBoolean() ? ", verified (activate to use it)" : "")}" : "none");
        Row("light states", s.GetProperty("persist_lights").GetBoolean() ? "kept in flash across reboots" : "off at boot");
        Row("free heap", simulated ? "not measured on the simulated device" : $"{DeviceOutput.Str(s, "heap_free")} bytes");
        return t;
    }

    private static string Last(JsonElement log) => DeviceOutput.N(log.GetProperty("next_seq").GetInt64() - 1);

    public static string Model(JsonElement m)
    {
        string source = DeviceOutput.Str(m, "source");
        if (source == "none") return "none (every 'send' answers no_model: upload and activate a blob)";
        string where = source == "builtin" ? "the blob built into the application" : $"slot {source}";
        string hash = m.TryGetProperty("content_hash", out var h) && h.ValueKind == JsonValueKind.String ? $", content hash {h.GetString()![..16]}…" : "";
        return $"{where}: {DeviceOutput.Str(m, "bytes")} bytes, crc {DeviceOutput.Str(m, "crc")}{hash}, {DeviceOutput.Str(m, "intents")} intents, "
            + $"{DeviceOutput.Str(m, "lights")} lights, RAM {DeviceOutput.Str(m, "ram_bytes")} bytes";
    }
}
