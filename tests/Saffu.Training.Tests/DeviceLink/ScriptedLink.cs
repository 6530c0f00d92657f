using Saffu.Training.DeviceLink;

namespace Saffu.Training.Tests.DeviceLink;

/// <summary>
/// A fake link whose device is a function from request line to answer lines. An empty answer queue is a timeout at
/// once (no real waiting), so the timeout paths run without sleeps.
/// </summary>
internal sealed class ScriptedLink(Func<string, IEnumerable<string>> device) : IDeviceLink
{
    private readonly Queue<string> _answers = new();

    public List<string> Sent { get; } = [];

    public string Description => "scripted device";

    /// <summary>Lines the device sends before any request (noise, a boot event).</summary>
    public void Unsolicited(params string[] lines)
    {
        foreach (string l in lines) _answers.Enqueue(l);
    }

    public void WriteLine(string line)
    {
        Sent.Add(line);
        foreach (string a in device(line)) _answers.Enqueue(a);
    }

    public string ReadLine(TimeSpan timeout)
    {
        if (_answers.Count == 0) throw new DeviceLinkException(DeviceLinkError.Timeout, $"no answer from scripted device within {timeout.TotalSeconds:0.0#} s");
        string line = _answers.Dequeue();
        if (line == "<garbage>") throw new DeviceLinkException(DeviceLinkError.Protocol, "the device sent a line that is not valid UTF-8");
        return line;
    }

    public void DiscardInput() => _answers.Clear();

    public void Dispose() { }

    /// <summary>The request id and the rest of a request line ("7 status" → (7, "status")).</summary>
    public static (string Id, string Command) Split(string line)
    {
        line = line.TrimStart('\u0018');
        int space = line.IndexOf(' ');
        return space < 0 ? (line, "") : (line[..space], line[(space + 1)..]);
    }
}
