using System.Text.Json;
using Saffu.Cli.Commands;
using Saffu.Training.DeviceSimulation;

namespace Saffu.Cli.Tests;

/// <summary>Every `saffu device` subcommand on the simulated device (`--port sim:DIR`), as a user runs them.</summary>
[TestClass]
public sealed class DeviceSimTests
{
    private static string ShippedBlob => Path.Combine(ExportCommandTests.RepoRoot(), "models", "lights", "lights.blob");

    /// <summary>A simulated device's folder whose application has the shipped blob built in (DIR/builtin.blob).</summary>
    private static string DeviceWithBuiltinModel(TestFolder folder)
    {
        string dir = Path.Combine(folder.Path, "device");
        Directory.CreateDirectory(dir);
        File.Copy(ShippedBlob, Path.Combine(dir, "builtin.blob"));
        return dir;
    }

    private static (int Code, string Output, string Error) Device(string dir, params string[] args) =>
        SaffuCli.Run(["device", "--port", "sim:" + dir, .. args]);

    private static JsonElement Json(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.Clone();
    }

    private static int PinOf(string dir, string light)
    {
        var (_, output, _) = Device(dir, "lights", "--json");
        return Json(output).GetProperty("lights").EnumerateArray().Single(l => l.GetProperty("name").GetString() == light).GetProperty("pins")[0].GetInt32();
    }

    [TestMethod]
    public void Bar_send_json_switches_the_kitchen_light_pin_and_pull_log_writes_that_one_decision()
    {
        using var folder = new TestFolder();
        string dir = Path.Combine(folder.Path, "new-device");   // does not exist: a new board with the shipped model built in

        var (code, output, error) = Device(dir, "send", "turn on the kitchen light", "--json");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(error, "new simulated device");
        int pin = PinOf(dir, "kitchen light");
        JsonElement d = Json(output.Trim());
        CollectionAssert.AreEqual(new[] { "text", "intent", "understood", "confidence", "slots" }, d.EnumerateObject().Take(5).Select(p => p.Name).ToArray());
        Assert.AreEqual("turn on the kitchen light", d.GetProperty("text").GetString());
        Assert.AreEqual("HassTurnOn", d.GetProperty("intent").GetString());
        Assert.IsTrue(d.GetProperty("understood").GetBoolean());
        Assert.AreEqual("kitchen light", d.GetProperty("slots").GetProperty("name").GetString());
        JsonElement pinCommand = d.GetProperty("action").GetProperty("pins").EnumerateArray().Single(p => p.GetProperty("pin").GetInt32() == pin);
        Assert.IsTrue(pinCommand.GetProperty("level").GetInt32() > 0);

        // The simulator's own GPIO: the next power-up restores the light states the device kept in its flash.
        var device = SimulatedDevice.Open(dir);
        Assert.IsTrue(device.Pins.Level(pin) > 0, $"GPIO {pin} of the simulated device is {device.Pins.Level(pin)}");

        string log = Path.Combine(folder.Path, "decisions.jsonl");
        var (pullCode, pullOutput, pullError) = Device(dir, "pull-log", log);
        Assert.AreEqual(0, pullCode, pullError);
        StringAssert.Contains(pullOutput, "appended 1 record of log ");
        string[] lines = File.ReadAllLines(log);
        Assert.AreEqual(1, lines.Length);
        JsonElement r = Json(lines[0]);
        Assert.AreEqual(d.GetProperty("seq").GetInt64(), r.GetProperty("seq").GetInt64());
        Assert.AreEqual("turn on the kitchen light", r.GetProperty("text").GetString());
        Assert.AreEqual("HassTurnOn", r.GetProperty("intent").GetString());
        Assert.AreEqual(d.GetProperty("confidence").GetDouble(), r.GetProperty("confidence").GetDouble());
        Assert.AreEqual(d.GetProperty("action").GetProperty("pins").GetRawText(), r.GetProperty("action").GetProperty("pins").GetRawText());

        var (againCode, againOutput, _) = Device(dir, "pull-log", log, "--json");
        Assert.AreEqual(0, againCode);
        Assert.AreEqual(0, Json(againOutput).GetProperty("added").GetInt32());
        Assert.AreEqual(1, File.ReadAllLines(log).Length);
    }

    [TestMethod]
    public void Upload_then_a_separate_activate_on_a_fresh_device_and_send_switches_the_pin()
    {
        using var folder = new TestFolder();
        string dir = Directory.CreateDirectory(Path.Combine(folder.Path, "fresh")).FullName;   // an empty flash: no model at all
        var (noModel, _, noModelError) = Device(dir, "send", "turn on the kitchen light");
        Assert.AreEqual(1, noModel);
        StringAssert.Contains(noModelError, "no_model");

        var (code, output, error) = Device(dir, "upload", ShippedBlob, "--json");
        Assert.AreEqual(0, code, error);
        JsonElement up = Json(output);
        Assert.IsTrue(up.GetProperty("verified").GetBoolean());
        Assert.IsFalse(up.GetProperty("activated").GetBoolean());
        Assert.AreEqual(new FileInfo(ShippedBlob).Length, up.GetProperty("bytes").GetInt64());

        // Each run on sim: is a fresh power-up (as a board's reboot): the verified upload survives it.
        JsonElement pending = Json(Device(dir, "status", "--json").Output).GetProperty("upload");
        Assert.AreEqual(JsonValueKind.Object, pending.ValueKind);
        Assert.IsTrue(pending.GetProperty("verified").GetBoolean());
        var (activateCode, activateOutput, activateError) = Device(dir, "activate");
        Assert.AreEqual(0, activateCode, activateError);
        StringAssert.Contains(activateOutput, "activated slot " + up.GetProperty("slot").GetString());

        var (againCode, _, againError) = Device(dir, "activate");
        Assert.AreEqual(1, againCode, "an activated upload is not activated twice");
        StringAssert.Contains(againError, "no_verified_upload");
        StringAssert.Contains(againError, "upload BLOB");

        var (sendCode, sendOutput, _) = Device(dir, "send", "turn on the kitchen light", "--json");
        Assert.AreEqual(0, sendCode);
        JsonElement decision = Json(sendOutput.Trim());
        Assert.AreEqual("HassTurnOn", decision.GetProperty("intent").GetString());
        int pin = PinOf(dir, "kitchen light");
        Assert.IsTrue(decision.GetProperty("action").GetProperty("pins").EnumerateArray().Single(p => p.GetProperty("pin").GetInt32() == pin).GetProperty("level").GetInt32() > 0);
        var device = SimulatedDevice.Open(dir);
        Assert.IsTrue(device.Pins.Level(pin) > 0, $"GPIO {pin} of the simulated device is {device.Pins.Level(pin)}");

        var (withActivateCode, withActivateOutput, withActivateError) = Device(dir, "upload", ShippedBlob, "--activate");
        Assert.AreEqual(0, withActivateCode, withActivateError);
        StringAssert.Contains(withActivateOutput, "activated slot ");

        var (statusCode, statusOutput, _) = Device(dir, "status", "--json");
        Assert.AreEqual(0, statusCode);
        JsonElement status = Json(statusOutput);
        CollectionAssert.Contains(new[] { "a", "b" }, status.GetProperty("model").GetProperty("source").GetString());
        CollectionAssert.Contains(status.GetProperty("info").GetProperty("blob_versions").EnumerateArray().Select(v => v.GetInt32()).ToArray(), 1);
    }

    [TestMethod]
    public void A_wrong_version_blob_is_refused_and_nothing_is_uploaded()
    {
        using var folder = new TestFolder();
        string dir = Directory.CreateDirectory(Path.Combine(folder.Path, "fresh")).FullName;   // an empty flash: no model at all
        byte[] bytes = File.ReadAllBytes(ShippedBlob);
        bytes[4] = 2;
        string blob = Path.Combine(folder.Path, "v2.blob");
        File.WriteAllBytes(blob, bytes);

        var (code, output, error) = Device(dir, "upload", blob, "--activate");
        Assert.AreEqual(1, code);
        Assert.AreEqual("", output);
        StringAssert.Contains(error, "the blob is version 2 but the firmware");
        StringAssert.Contains(error, "not uploaded");
        JsonElement status = Json(Device(dir, "status", "--json").Output);
        Assert.AreEqual(JsonValueKind.Null, status.GetProperty("upload").ValueKind);
        Assert.AreEqual("none", status.GetProperty("model").GetProperty("source").GetString());
    }

    [TestMethod]
    public void Activate_without_an_upload_is_the_device_error()
    {
        using var folder = new TestFolder();
        var (code, _, error) = Device(DeviceWithBuiltinModel(folder), "activate");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "no_verified_upload");
    }

    [TestMethod]
    public void Upload_of_a_missing_file_is_exit_1()
    {
        using var folder = new TestFolder();
        var (code, _, error) = Device(DeviceWithBuiltinModel(folder), "upload", Path.Combine(folder.Path, "nope.blob"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "no such file");
    }

    [TestMethod]
    public void Status_lights_set_bench_clear_log_and_reboot_in_text()
    {
        using var folder = new TestFolder();
        string dir = DeviceWithBuiltinModel(folder);

        var (statusCode, status, statusError) = Device(dir, "status");
        Assert.AreEqual(0, statusCode, statusError);
        StringAssert.Contains(status, "the blob built into the application");
        StringAssert.Contains(status, "decision log");

        var (setCode, set, setError) = Device(dir, "set", "Desk Lamp", "40");
        Assert.AreEqual(0, setCode, setError);
        StringAssert.StartsWith(set, "desk lamp: 40%");
        StringAssert.Contains(set, "PWM 400‰");

        var (lightsCode, lights, _) = Device(dir, "lights");
        Assert.AreEqual(0, lightsCode);
        StringAssert.Contains(lights, "desk lamp");
        StringAssert.Contains(lights, "40%");

        var (unknownCode, _, unknownError) = Device(dir, "set", "garage light", "100");
        Assert.AreEqual(1, unknownCode);
        StringAssert.Contains(unknownError, "no light 'garage light'");
        StringAssert.Contains(unknownError, "desk lamp");

        var (benchCode, bench, benchError) = Device(dir, "bench", "--runs", "2");
        Assert.AreEqual(0, benchCode, benchError);
        StringAssert.Contains(bench, "µs per word");

        Device(dir, "send", "toggle the hall light");
        var (clearCode, clear, _) = Device(dir, "clear-log");
        Assert.AreEqual(0, clearCode);
        StringAssert.StartsWith(clear, "decision log cleared; the next decision gets seq 1");
        string log = Path.Combine(folder.Path, "after-clear.jsonl");
        StringAssert.Contains(Device(dir, "pull-log", log).Output, "decision log is empty");
        Assert.IsFalse(File.Exists(log));

        var (rebootCode, reboot, rebootError) = Device(dir, "reboot");
        Assert.AreEqual(0, rebootCode, rebootError);
        StringAssert.StartsWith(reboot, "rebooted: boot ");
    }

    [TestMethod]
    public void Json_of_lights_set_bench_clear_log_and_reboot()
    {
        using var folder = new TestFolder();
        string dir = DeviceWithBuiltinModel(folder);
        JsonElement set = Json(Device(dir, "set", "0", "100", "--json").Output);
        Assert.AreEqual(0, set.GetProperty("light").GetProperty("index").GetInt32());
        JsonElement lights = Json(Device(dir, "lights", "--json").Output);
        Assert.AreEqual(100, lights.GetProperty("lights")[0].GetProperty("level").GetInt32());
        JsonElement bench = Json(Device(dir, "bench", "--runs", "1", "--json").Output);
        Assert.AreEqual(1, bench.GetProperty("runs").GetInt32());
        Assert.IsTrue(bench.GetProperty("words").GetInt32() > 0);
        JsonElement clear = Json(Device(dir, "clear-log", "--json").Output);
        Assert.AreEqual(JsonValueKind.Number, clear.GetProperty("next_seq").ValueKind);
        JsonElement reboot = Json(Device(dir, "reboot", "--json").Output);
        Assert.IsTrue(reboot.GetProperty("rebooted").GetBoolean());
        Assert.AreEqual(JsonValueKind.Object, reboot.GetProperty("boot").ValueKind);
    }

    [TestMethod]
    public void Send_reads_transcripts_from_stdin_and_the_log_matches_what_was_decided()
    {
        using var folder = new TestFolder();
        string dir = DeviceWithBuiltinModel(folder);
        string[] said = ["turn on the kitchen light", "set the desk lamp to 40 percent", "what is the weather like tomorrow", "turn off the kitchen light"];
        var (code, output, error) = RunWithStdin(string.Join("\r\n", said) + "\n", "device", "--port", "sim:" + dir, "send", "-", "--json");
        Assert.AreEqual(0, code, error);
        JsonElement[] decisions = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Json).ToArray();
        CollectionAssert.AreEqual(said, decisions.Select(d => d.GetProperty("text").GetString()).ToArray());
        Assert.IsFalse(decisions[2].GetProperty("understood").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, decisions[2].GetProperty("intent").ValueKind);

        string log = Path.Combine(folder.Path, "log.jsonl");
        Assert.AreEqual(0, Device(dir, "pull-log", log).Code);
        JsonElement[] records = File.ReadAllLines(log).Select(Json).ToArray();
        Assert.AreEqual(said.Length, records.Length);
        for (int i = 0; i < said.Length; i++)
            foreach (string key in new[] { "seq", "text", "intent", "understood", "confidence", "slots", "action", "top", "reason", "truncated" })
            {
                JsonElement expected = decisions[i].GetProperty(key), actual = records[i].GetProperty(key);
                if (key == "action" && expected.ValueKind == JsonValueKind.Object)
                {
                    Assert.AreEqual(expected.GetProperty("kind").GetString(), actual.GetProperty("kind").GetString());
                    Assert.AreEqual(expected.GetProperty("pins").GetRawText(), actual.GetProperty("pins").GetRawText(), $"record {i} pins");
                }
                else Assert.AreEqual(expected.GetRawText(), actual.GetRawText(), $"record {i} key {key}");
            }
    }

    [TestMethod]
    public void A_pull_log_file_that_is_not_a_decision_log_is_exit_1_and_untouched()
    {
        using var folder = new TestFolder();
        string dir = DeviceWithBuiltinModel(folder);
        Device(dir, "send", "turn on the kitchen light");
        string file = folder.File("notes.jsonl", "{\"log_id\":\"0000abcd\",\"seq\":0,\"boot\":1,\"model_hash\":null}\nshopping list\n");
        var (code, _, error) = Device(dir, "pull-log", file);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "notes.jsonl:2");
        Assert.AreEqual("{\"log_id\":\"0000abcd\",\"seq\":0,\"boot\":1,\"model_hash\":null}\nshopping list\n", File.ReadAllText(file));
    }

    private static (int Code, string Output, string Error) RunWithStdin(string stdin, params string[] args) =>
        SaffuCli.Run(DeviceCommand.Create(() => new StringReader(stdin)), args);
}
