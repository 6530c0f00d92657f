using System.Text;
using System.Text.Json;
using Saffu.Device.Storage;
using Saffu.Training.DeviceLink;
using Saffu.Training.DeviceSimulation;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.DeviceLink;

/// <summary>
/// The host's client against the simulated device (the portable device application): upload and activate the
/// shipped blob, send transcripts, watch the pins, pull the log and check it says what was decided.
/// </summary>
[TestClass]
public sealed class SimulatedDeviceEndToEndTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);
    private static byte[] ShippedBlob() => File.ReadAllBytes(RepoFiles.Path("models/lights/lights.blob"));

    /// <summary>A device with no model in flash and none built in, and a connected client.</summary>
    private static (SimulatedDeviceLink Link, DeviceClient Client) FreshDevice()
    {
        var link = new SimulatedDeviceLink(SimulatedDevice.Open(new RamRegionStore()));
        var client = new DeviceClient(link, Timeout);
        client.Connect();
        return (link, client);
    }

    private static (SimulatedDeviceLink Link, DeviceClient Client) DeviceWithShippedModel()
    {
        var (link, client) = FreshDevice();
        BlobUpload.Upload(client, ShippedBlob());
        client.Activate();
        return (link, client);
    }

    private static int PinOf(DeviceClient client, string light) =>
        client.Lights().GetProperty("lights").EnumerateArray().Single(l => l.GetProperty("name").GetString() == light).GetProperty("pins")[0].GetInt32();

    [TestMethod]
    public void A_fresh_device_has_no_model_and_says_so()
    {
        var (_, client) = FreshDevice();
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => client.Say("turn on the kitchen light"));
        Assert.AreEqual("no_model", e.DeviceCode);
    }

    [TestMethod]
    public void Upload_and_activate_then_the_kitchen_light_pin_switches()
    {
        var (link, client) = FreshDevice();
        var progress = new List<int>();
        UploadResult up = BlobUpload.Upload(client, ShippedBlob(), new SyncProgress(progress.Add));
        Assert.AreEqual(ShippedBlob().Length, progress[^1]);
        Assert.IsTrue(progress.Count > 1, "uploaded in more than one chunk");
        JsonElement activated = client.Activate();
        Assert.AreEqual(up.Slot, activated.GetProperty("slot").GetString());

        int pin = PinOf(client, "kitchen light");
        int writesBefore = link.Device.Pins.Writes.Count;
        DeviceDecision d = client.Say("turn on the kitchen light");
        Assert.IsTrue(d.Understood);
        Assert.AreEqual("HassTurnOn", d.Intent);
        Assert.AreEqual("kitchen light", d.Slots.GetProperty("name").GetString());
        Assert.IsTrue(link.Device.Pins.Level(pin) > 0, $"GPIO {pin} is {link.Device.Pins.Level(pin)} after 'turn on the kitchen light'");
        Assert.IsTrue(link.Device.Pins.Writes.Skip(writesBefore).Any(w => w.Pin == pin));
    }

    [TestMethod]
    public void What_is_not_understood_switches_no_pin()
    {
        var (link, client) = DeviceWithShippedModel();
        int writesBefore = link.Device.Pins.Writes.Count;
        DeviceDecision d = client.Say("what is the weather like tomorrow");
        Assert.IsFalse(d.Understood);
        Assert.IsNull(d.Intent);
        Assert.IsNull(d.Action);
        Assert.AreEqual(writesBefore, link.Device.Pins.Writes.Count);
    }

    [TestMethod]
    public void A_blob_of_a_version_the_firmware_does_not_read_is_refused_with_nothing_uploaded()
    {
        var (link, client) = FreshDevice();
        byte[] blob = ShippedBlob();
        blob[4] = 2;
        var recorder = new List<string>();
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => BlobUpload.Upload(new DeviceClient(new RecordingLink(link, recorder), Timeout), blob));
        Assert.AreEqual(DeviceLinkError.Refused, e.Error);
        StringAssert.Contains(e.Message, "the blob is version 2 but the firmware");
        CollectionAssert.AreEqual(new[] { "1 info" }, recorder, "only the info request went to the device");
        JsonElement status = client.Status();
        Assert.AreEqual(JsonValueKind.Null, status.GetProperty("upload").ValueKind);
        Assert.AreEqual("none", status.GetProperty("model").GetProperty("source").GetString());
    }

    [TestMethod]
    public void A_corrupt_blob_is_refused_before_sending()
    {
        var (link, _) = FreshDevice();
        byte[] blob = ShippedBlob();
        blob[^1] ^= 0xFF;
        var recorder = new List<string>();
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => BlobUpload.Upload(new DeviceClient(new RecordingLink(link, recorder), Timeout), blob));
        Assert.AreEqual(DeviceLinkError.Refused, e.Error);
        CollectionAssert.AreEqual(new[] { "1 info" }, recorder);
    }

    [TestMethod]
    public void Pull_log_writes_what_was_decided_and_a_second_pull_appends_nothing()
    {
        using var folder = new TempFolder();
        string file = Path.Combine(folder.Path, "decisions.jsonl");
        var (_, client) = DeviceWithShippedModel();
        string[] said = ["turn on the kitchen light", "set the desk lamp to 40 percent", "what is the weather like tomorrow", "turn off the kitchen light",
            "actually no, turn on the hall light"];
        var decisions = said.Select(client.Say).ToList();
        var at = new DateTimeOffset(2026, 12, 7, 1, 30, 0, TimeSpan.Zero);

        PullResult first = DecisionLogFile.Pull(client, file, at);
        Assert.AreEqual(said.Length, first.Added);
        string[] lines = File.ReadAllLines(file);
        Assert.AreEqual(said.Length, lines.Length);
        for (int i = 0; i < said.Length; i++)
        {
            using var doc = JsonDocument.Parse(lines[i]);
            var r = doc.RootElement;
            var d = decisions[i];
            CollectionAssert.AreEqual(DecisionLogFile.Keys.ToArray(), r.EnumerateObject().Select(p => p.Name).ToArray(), "keys in docs/decision-log.md order");
            Assert.AreEqual(d.Seq, r.GetProperty("seq").GetInt64());
            Assert.AreEqual(d.Text, r.GetProperty("text").GetString());
            Assert.AreEqual(d.Intent, r.GetProperty("intent").GetString());
            Assert.AreEqual(d.Understood, r.GetProperty("understood").GetBoolean());
            Assert.AreEqual(d.ConfidenceQ15, r.GetProperty("confidence_q15").GetInt32());
            Assert.AreEqual(d.ConfidenceQ15 / 32768.0, r.GetProperty("confidence").GetDouble());
            Assert.AreEqual(d.Top, r.GetProperty("top").GetString());
            Assert.AreEqual(d.Reason, r.GetProperty("reason").GetString());
            Assert.AreEqual(d.Slots.GetRawText(), r.GetProperty("slots").GetRawText());
            Assert.AreEqual(Pins(d.Action), Pins(r.GetProperty("action") is { ValueKind: JsonValueKind.Object } a ? a : null));
            Assert.AreEqual("2026-12-07T01:30:00Z", r.GetProperty("pulled_at").GetString());
            // a correction (docs/action-map.md step 0): the device decided on "turn on the hall light" and its record says so
            Assert.AreEqual(d.Correction is not null, r.GetProperty("corrected").GetBoolean(), d.Text);
        }
        Assert.AreEqual("turn on the hall light", decisions[^1].Correction);

        byte[] before = File.ReadAllBytes(file);
        PullResult second = DecisionLogFile.Pull(client, file, at.AddMinutes(5));
        Assert.AreEqual(0, second.Added);
        CollectionAssert.AreEqual(before, File.ReadAllBytes(file));

        client.Say("toggle the hall light");
        PullResult third = DecisionLogFile.Pull(client, file, at.AddMinutes(10));
        Assert.AreEqual(1, third.Added);
        Assert.AreEqual(said.Length + 1, File.ReadAllLines(file).Length);
    }

    [TestMethod]
    public void Garbage_and_a_half_line_on_the_wire_do_not_stop_the_next_request()
    {
        var (link, client) = DeviceWithShippedModel();
        long nextSeq = client.Status().GetProperty("log").GetProperty("next_seq").GetInt64();
        link.Write([0xFF, 0x00, 0x1B, (byte)'x', (byte)'\n']);
        link.Write(Encoding.UTF8.GetBytes("99 say turn on the"));
        int writes = link.Device.Pins.Writes.Count;
        client.Connect();
        Assert.AreEqual(writes, link.Device.Pins.Writes.Count, "the half 'say' left on the wire was dropped, not run");
        Assert.AreEqual(nextSeq, client.Status().GetProperty("log").GetProperty("next_seq").GetInt64(), "and not logged");
        Assert.IsTrue(client.Say("turn on the kitchen light").Understood);
    }

    [TestMethod]
    public void A_power_cut_during_an_upload_is_a_typed_error_and_the_previous_model_still_boots()
    {
        var (link, client) = DeviceWithShippedModel();
        string before = client.Status().GetProperty("model").GetProperty("crc").GetString()!;
        link.Device.CutPowerAfter(3000);
        var e = Assert.ThrowsExactly<DeviceLinkException>(() => BlobUpload.Upload(client, ShippedBlob()));
        Assert.IsTrue(e.Error is DeviceLinkError.Disconnected or DeviceLinkError.Timeout, e.Message);
        link.Device.PowerCycle();
        var again = new DeviceClient(link, Timeout);
        again.Connect();
        Assert.AreEqual(before, again.Status().GetProperty("model").GetProperty("crc").GetString());
        Assert.IsTrue(again.Say("turn on the kitchen light").Understood);
    }

    [TestMethod]
    public void Lost_chunk_answers_resynchronise_and_the_upload_resumes_where_the_device_is()
    {
        var (link, _) = FreshDevice();
        var lossy = new LossyLink(link, dropAnswersOf: [3, 9]);
        var client = new DeviceClient(lossy, Timeout);
        client.Connect();
        UploadResult up = BlobUpload.Upload(client, ShippedBlob());
        Assert.AreEqual(ShippedBlob().Length, up.Bytes);
        Assert.AreEqual(2, lossy.Dropped, "two chunk answers were lost");
        client.Activate();
        Assert.IsTrue(client.Say("turn on the kitchen light").Understood);
    }

    [TestMethod]
    public void A_simulated_device_folder_is_used_by_one_program_at_a_time()
    {
        using var folder = new TempFolder();
        string dir = Path.Combine(folder.Path, "device");
        using (var first = SimulatedDeviceLink.Open(dir))
        {
            Assert.IsTrue(first.NewDevice);
            var e = Assert.ThrowsExactly<DeviceLinkException>(() => SimulatedDeviceLink.Open(dir));
            Assert.AreEqual(DeviceLinkError.PortUnavailable, e.Error);
            StringAssert.Contains(e.Message, "in use");
        }
        using var again = SimulatedDeviceLink.Open(dir);
        Assert.IsFalse(again.NewDevice);
        var client = new DeviceClient(again, Timeout);
        client.Connect();
        Assert.AreEqual("builtin", client.Status().GetProperty("model").GetProperty("source").GetString());
    }

    private static string Pins(JsonElement? action) =>
        action is { } a ? string.Join(" ", a.GetProperty("pins").EnumerateArray().Select(p => p.GetRawText())) : "none";

    private sealed class SyncProgress(Action<int> report) : IProgress<int>
    {
        public void Report(int value) => report(value);
    }

    /// <summary>Loses the answers to the n-th `upload chunk` requests (counted from 1), as a noisy line would.</summary>
    private sealed class LossyLink(IDeviceLink inner, int[] dropAnswersOf) : IDeviceLink
    {
        private int _chunks;
        public int Dropped { get; private set; }
        public string Description => inner.Description;
        public void WriteLine(string line)
        {
            inner.WriteLine(line);
            if (line.Contains(" upload chunk ") && dropAnswersOf.Contains(++_chunks))
            {
                inner.DiscardInput();
                Dropped++;
            }
        }
        public string ReadLine(TimeSpan timeout) => inner.ReadLine(timeout);
        public void DiscardInput() => inner.DiscardInput();
        public void Dispose() => inner.Dispose();
    }

    /// <summary>Records every request line on its way to the device.</summary>
    private sealed class RecordingLink(IDeviceLink inner, List<string> sent) : IDeviceLink
    {
        public string Description => inner.Description;
        public void WriteLine(string line)
        {
            sent.Add(line.TrimStart('\u0018'));
            inner.WriteLine(line);
        }
        public string ReadLine(TimeSpan timeout) => inner.ReadLine(timeout);
        public void DiscardInput() => inner.DiscardInput();
        public void Dispose() => inner.Dispose();
    }
}
