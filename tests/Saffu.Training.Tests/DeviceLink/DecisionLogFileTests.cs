using Saffu.Training.DeviceLink;

namespace Saffu.Training.Tests.DeviceLink;

/// <summary>`pull-log`'s file: what is appended, what is refused, what an interrupted pull leaves.</summary>
[TestClass]
public sealed class DecisionLogFileTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 7, 2, 0, 0, TimeSpan.Zero);

    private static string Record(string id, long seq, long boot = 1, string text = "turn on the kitchen light") =>
        $$"""{"id":{{id}},"type":"record","log_id":"0a0b0c0d","seq":{{seq}},"boot":{{boot}},"uptime_ms":5,"model_hash":null,"text":"{{text}}","intent":"HassTurnOn","understood":true,"confidence":0.9,"confidence_q15":29491,"slots":{"name":"kitchen light"},"action":{"kind":"pins","action":"on","reason":null,"pins":[{"pin":4,"mode":"pwm","level":1000}]},"top":"HassTurnOn","reason":null,"truncated":false,"text_cut":false}""";

    /// <summary>A device log holding seq 0..count−1 (boot <paramref name="boot"/>); <paramref name="brokenAt"/> sends a record without its text.</summary>
    private static ScriptedLink Device(int count, long boot = 1, int brokenAt = -1) => new(line =>
    {
        var (id, cmd) = ScriptedLink.Split(line);
        string[] w = cmd.Split(' ');
        if (cmd == "ping") return [$$"""{"id":{{id}},"type":"pong","protocol":1}"""];
        if (cmd == "status") return [$$$"""{"id":{{{id}}},"type":"status","log":{"records":{{{count}}},"first_seq":0,"next_seq":{{{count}}}}}"""];
        if (w[0] == "log" && w[1] == "dump")
        {
            long from = long.Parse(w[2]);
            var lines = new List<string>();
            for (long s = from; s < count; s++)
                lines.Add(s == brokenAt ? Record(id, s, boot).Replace("\"text\":", "\"txet\":") : Record(id, s, boot));
            lines.Add($$"""{"id":{{id}},"type":"log","count":{{lines.Count}},"first_seq":0,"next_seq":{{count}},"more":false}""");
            return lines;
        }
        return [];
    });

    private static DeviceClient Connected(ScriptedLink link)
    {
        var client = new DeviceClient(link, TimeSpan.FromSeconds(1));
        client.Connect();
        return client;
    }

    [TestMethod]
    public void Only_new_records_are_appended_and_the_newest_held_one_is_checked()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "log.jsonl");
        Assert.AreEqual(2, DecisionLogFile.Pull(Connected(Device(2)), file, At).Added);
        var link = Device(5);
        PullResult r = DecisionLogFile.Pull(Connected(link), file, At);
        Assert.AreEqual(3, r.Added);
        Assert.AreEqual(1, r.AlreadyHad, "seq 1 asked again and found the same");
        Assert.AreEqual(2L, r.FirstAdded);
        Assert.AreEqual(4L, r.LastAdded);
        CollectionAssert.Contains(link.Sent, "4 log dump 1 64");
        Assert.AreEqual(5, File.ReadAllLines(file).Length);
    }

    [TestMethod]
    public void Another_log_under_the_same_id_is_refused_and_the_file_is_untouched()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "log.jsonl");
        DecisionLogFile.Pull(Connected(Device(2, boot: 1)), file, At);
        byte[] before = File.ReadAllBytes(file);
        var e = Assert.ThrowsExactly<DecisionLogFileException>(() => DecisionLogFile.Pull(Connected(Device(4, boot: 7)), file, At));
        StringAssert.Contains(e.Message, "not this device's log");
        CollectionAssert.AreEqual(before, File.ReadAllBytes(file));
    }

    [TestMethod]
    public void A_broken_record_mid_pull_keeps_the_whole_records_before_it()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "log.jsonl");
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => DecisionLogFile.Pull(Connected(Device(5, brokenAt: 3)), file, At));
        Assert.AreEqual(DeviceLinkError.Protocol, e.Error);
        StringAssert.Contains(e.Message, "'text'");
        string[] lines = File.ReadAllLines(file);
        Assert.AreEqual(3, lines.Length);
        Assert.IsTrue(lines.All(l => l.EndsWith("\"pulled_at\":\"2026-12-07T02:00:00Z\",\"corrected\":false}")));
        Assert.AreEqual(2, DecisionLogFile.Pull(Connected(Device(5)), file, At).Added, "the next pull fetches the rest");
    }

    [TestMethod]
    public void A_file_that_is_not_a_decision_log_is_refused_naming_the_line()
    {
        using var folder = new TempFolder();
        string file = folder.File("notes.jsonl", "\n{\"text\":\"hello\"}\n");
        var e = Assert.ThrowsExactly<DecisionLogFileException>(() => DecisionLogFile.Pull(Connected(Device(1)), file, At));
        Assert.AreEqual(2, e.Line);
        Assert.AreEqual("\n{\"text\":\"hello\"}\n", File.ReadAllText(file));
    }

    [TestMethod]
    public void An_empty_device_log_writes_no_file()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "log.jsonl");
        PullResult r = DecisionLogFile.Pull(Connected(Device(0)), file, At);
        Assert.IsNull(r.LogId);
        Assert.IsFalse(File.Exists(file));
    }
}
