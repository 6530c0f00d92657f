using System.Text.Json;

namespace Saffu.Training.DeviceLink;

/// <summary>The typed commands of docs/serial-protocol.md.</summary>
public sealed partial class DeviceClient
{
    /// <summary>Extra time for commands the device needs long for (verifying a slot from flash, activating, benchmarking).</summary>
    public static readonly TimeSpan SlowCommandAllowance = TimeSpan.FromSeconds(20);

    /// <summary>`say TEXT`: the device decides, acts on its pins, logs, and answers the decision.</summary>
    public DeviceDecision Say(string text)
    {
        foreach (char c in text)
            if (c < ' ' && c != '\t')
                throw new DeviceLinkException(DeviceLinkError.Refused,
                    $"the transcript holds the control character U+{(int)c:X4}; a transcript is one line of text (tabs count as spaces)");
        return new DeviceDecision(Request($"say {text}", "decision"));
    }

    public JsonElement Status() => Request("status", "status");

    public DeviceInfo Info() => DeviceInfo.From(Request("info", "info"));

    public JsonElement Lights() => Request("lights", "lights");

    /// <summary>`light INDEX LEVEL [R G B]`: sets one light directly (not a decision, not logged).</summary>
    public JsonElement SetLight(int index, int level, IReadOnlyList<int>? color)
    {
        string rgb = color is null ? "" : " " + string.Join(' ', color);
        return Request($"light {index} {level}{rgb}", "light");
    }

    /// <summary>`activate`: the verified upload becomes the model that runs and boots.</summary>
    public JsonElement Activate() => Request("activate", "activated", timeout: Timeout + SlowCommandAllowance);

    /// <summary>`log clear`: returns the seq the next decision gets.</summary>
    public long ClearLog() => DeviceJson.Long(Request("log clear", "log_cleared"), "next_seq");

    public BenchResult Bench(int runs) => BenchResult.From(Request($"bench {runs}", "bench", timeout: Timeout + SlowCommandAllowance));

    /// <summary>
    /// `log dump` from <paramref name="fromSeq"/> until the device says there is no more: each record line goes to
    /// <paramref name="onRecord"/>, oldest first. Returns the last final line (`log`: count, first_seq, next_seq, more).
    /// </summary>
    public JsonElement DumpLog(long fromSeq, int perRequest, Action<JsonElement> onRecord)
    {
        while (true)
        {
            long last = -1;
            JsonElement final = Request($"log dump {fromSeq} {perRequest}", "log", record =>
            {
                last = DeviceJson.Long(record, "seq");
                onRecord(record);
            });
            if (!DeviceJson.Bool(final, "more")) return final;
            if (last < fromSeq)
                throw new DeviceLinkException(DeviceLinkError.Protocol, $"{Description} said more records follow seq {fromSeq} but sent none");
            fromSeq = last + 1;
        }
    }

    /// <summary>`reboot`: the device answers, restarts, and announces itself with a boot event (returned; null when none came within the timeout).</summary>
    public JsonElement? Reboot()
    {
        Request("reboot", "rebooting");
        DateTime deadline = DateTime.UtcNow + Timeout + SlowCommandAllowance;
        while (DateTime.UtcNow < deadline)
        {
            string line;
            try
            {
                line = _link.ReadLine(deadline - DateTime.UtcNow);
            }
            catch (DeviceLinkException e) when (e.Error is DeviceLinkError.Protocol) { continue; }
            catch (DeviceLinkException e) when (e.Error is DeviceLinkError.Timeout or DeviceLinkError.Disconnected) { return null; }
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && Str(doc.RootElement, "type") == "boot")
                {
                    SawBoot = true;
                    return doc.RootElement.Clone();
                }
            }
            catch (JsonException) { }
        }
        return null;
    }
}
