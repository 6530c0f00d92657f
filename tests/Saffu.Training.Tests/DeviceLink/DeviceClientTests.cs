using System.Text.Json;
using Saffu.Training.DeviceLink;

namespace Saffu.Training.Tests.DeviceLink;

[TestClass]
public sealed class DeviceClientTests
{
    private static IEnumerable<string> Pong(string line)
    {
        var (id, cmd) = ScriptedLink.Split(line);
        if (cmd == "ping") yield return $$"""{"id":{{id}},"type":"pong","protocol":1}""";
    }

    [TestMethod]
    public void Connect_skips_noise_stale_answers_and_notes_a_boot_event()
    {
        var link = new ScriptedLink(line => line.EndsWith("ping")
            ? ["<garbage>", "not json", """{"id":99,"type":"status"}""", """{"id":1e30,"type":"pong"}""", """{"type":"pong"}""", """{"id":"1","type":"pong"}""", """{"id":null,"type":"boot","protocol":1}""", "[1,2]", .. Pong(line)]
            : []);
        link.Unsolicited("""{"id":7,"type":"decision"}""", "stale bytes from before the connection");
        var client = new DeviceClient(link, TimeSpan.FromSeconds(1));
        Assert.AreEqual(1, client.Connect());
        Assert.IsTrue(client.SawBoot);
        CollectionAssert.AreEqual(new[] { "\u00181 ping" }, link.Sent, "CAN, then the ping, in one write");
    }

    [TestMethod]
    public void A_board_that_restarts_as_the_port_opens_gets_a_second_ping()
    {
        int pings = 0;
        var link = new ScriptedLink(line => ++pings == 1
            ? ["""{"id":null,"type":"boot","protocol":1}"""]
            : Pong(line));
        var client = new DeviceClient(link, TimeSpan.FromSeconds(1));
        Assert.AreEqual(1, client.Connect());
        Assert.AreEqual(2, pings);
        Assert.IsTrue(client.SawBoot);
    }

    [TestMethod]
    public void A_silent_device_is_a_Timeout_naming_the_request()
    {
        var client = new DeviceClient(new ScriptedLink(_ => []), TimeSpan.FromMilliseconds(200));
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => client.Connect());
        Assert.AreEqual(DeviceLinkError.Timeout, e.Error);
        StringAssert.Contains(e.Message, "'ping'");
        StringAssert.Contains(e.Message, "no answer");
    }

    [TestMethod]
    public void Another_protocol_version_is_refused()
    {
        var link = new ScriptedLink(l => [$$"""{"id":{{ScriptedLink.Split(l).Id}},"type":"pong","protocol":2}"""]);
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => new DeviceClient(link, TimeSpan.FromSeconds(1)).Connect());
        Assert.AreEqual(DeviceLinkError.Protocol, e.Error);
        StringAssert.Contains(e.Message, "protocol version 2");
    }

    [TestMethod]
    public void An_error_answer_is_a_Device_error_with_its_code()
    {
        var link = new ScriptedLink(l => [$$"""{"id":{{ScriptedLink.Split(l).Id}},"type":"error","code":"no_model","message":"no model is loaded"}"""]);
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => new DeviceClient(link, TimeSpan.FromSeconds(1)).Say("turn on the light"));
        Assert.AreEqual(DeviceLinkError.Device, e.Error);
        Assert.AreEqual("no_model", e.DeviceCode);
        StringAssert.Contains(e.Message, "no model is loaded");
    }

    [TestMethod]
    public void A_line_the_device_could_not_read_is_reported_with_its_code_when_no_answer_follows()
    {
        var link = new ScriptedLink(_ => ["""{"id":null,"type":"error","code":"bad_utf8","message":"byte 0xFF at 3"}"""]);
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => new DeviceClient(link, TimeSpan.FromSeconds(1)).Status());
        Assert.AreEqual("bad_utf8", e.DeviceCode);
    }

    [TestMethod]
    public void A_transcript_with_a_control_character_is_refused_before_sending()
    {
        var link = new ScriptedLink(_ => []);
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => new DeviceClient(link, TimeSpan.FromSeconds(1)).Say("turn on\u001b the light"));
        Assert.AreEqual(DeviceLinkError.Refused, e.Error);
        Assert.AreEqual(0, link.Sent.Count);
    }

    [TestMethod]
    public void A_request_over_the_line_limit_is_refused_before_sending()
    {
        var link = new ScriptedLink(_ => []);
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => new DeviceClient(link, TimeSpan.FromSeconds(1)).Say(new string('a', 1100)));
        Assert.AreEqual(DeviceLinkError.Refused, e.Error);
        Assert.AreEqual(0, link.Sent.Count);
    }

    [TestMethod]
    public void Log_dump_pages_until_the_device_says_no_more()
    {
        var link = new ScriptedLink(line =>
        {
            var (id, cmd) = ScriptedLink.Split(line);
            long from = long.Parse(cmd.Split(' ')[2]);
            long to = Math.Min(from + 2, 5);
            var lines = new List<string>();
            for (long s = from; s < to; s++) lines.Add($$"""{"id":{{id}},"type":"record","seq":{{s}}}""");
            lines.Add($$"""{"id":{{id}},"type":"log","count":{{to - from}},"first_seq":0,"next_seq":5,"more":{{(to < 5 ? "true" : "false")}}}""");
            return lines;
        });
        var seqs = new List<long>();
        new DeviceClient(link, TimeSpan.FromSeconds(1)).DumpLog(1, 2, r => seqs.Add(r.GetProperty("seq").GetInt64()));
        CollectionAssert.AreEqual(new long[] { 1, 2, 3, 4 }, seqs);
        CollectionAssert.AreEqual(new[] { "1 log dump 1 2", "2 log dump 3 2" }, link.Sent);
    }

    [TestMethod]
    public void A_missing_key_in_an_answer_is_a_Protocol_error_naming_it()
    {
        var link = new ScriptedLink(l => [$$"""{"id":{{ScriptedLink.Split(l).Id}},"type":"log_cleared"}"""]);
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => new DeviceClient(link, TimeSpan.FromSeconds(1)).ClearLog());
        Assert.AreEqual(DeviceLinkError.Protocol, e.Error);
        StringAssert.Contains(e.Message, "next_seq");
    }
}
