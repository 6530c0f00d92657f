using System.Text.Json;
using System.Text.RegularExpressions;
using Saffu.Cli.Commands;
using Saffu.Training.DeviceLink;
using Saffu.Training.Export;

namespace Saffu.Cli.Tests;

/// <summary>
/// The host's JSON outputs pinned byte for byte (Golden/*.json[l]; paths normalized): `saffu run --json` (with and
/// without `--trace`), `saffu eval --json`, `saffu verify --json`, `saffu device send --json` and a pulled decision-log
/// line. The golden files were written by the hand-written Utf8JsonWriter code before System.Text.Json source generation
/// replaced it, so these tests are what shows the documented output did not change.
/// </summary>
[TestClass]
public sealed class JsonGoldenTests
{
    private static TestFolder _folder = null!;
    private static string _lampBlob = null!;

    [ClassInitialize]
    public static void ExportModels(TestContext _)
    {
        _folder = new TestFolder();
        _lampBlob = BadBlobs.Write(_folder, "lamp.blob", ModelFolderExport.Export(LampModel.Train(_folder), ExportOptions.Default).Bytes);
    }

    [ClassCleanup]
    public static void Cleanup() => _folder.Dispose();

    /// <summary>Understood with pins, a second switch, not understood (none and no anchor), blank, odd characters.</summary>
    const string RunInput = "turn on the lamp\ntoggle the lamp\nwhat time is it\n\nswitch the lamp off \"now\" <&> ‘é’ 😀\nplay some music\nflip the lamp on the lamp the lamp the lamp\n";

    [TestMethod]
    public void RunJson() => AssertGolden("run.jsonl",
        SaffuCli.Run(RunCommand.Create(() => new StringReader(RunInput)), "run", "--blob", _lampBlob, "--json").Output);

    [TestMethod]
    public void RunJsonTrace() => AssertGolden("run-trace.jsonl",
        SaffuCli.Run(RunCommand.Create(() => new StringReader("")), "run", "--blob", _lampBlob, "--json", "--trace", "please turn on the lamp").Output);

    [TestMethod]
    public void VerifyJson()
    {
        string good = BadBlobs.Write(_folder, "good.blob", BadBlobs.Good);
        string truncated = BadBlobs.Write(_folder, "truncated.blob", BadBlobs.Make("truncated"));
        string hash = BadBlobs.Write(_folder, "hash.blob", BadBlobs.Make("hash"));
        string missing = Path.Combine(_folder.Path, "missing.blob");
        string all = string.Concat(new[] { good, truncated, hash, missing }.Select(p => SaffuCli.Run("verify", p, "--json").Output));
        AssertGolden("verify.jsonl", all.Replace(_folder.Path, "DIR"));
    }

    [TestMethod]
    public void EvalJson()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string test = folder.File("test.csv", "text,intent\nturn the light on,on\nswitch off the lamp,off\nturn the lamp off please,off\nlights on,on\n");
        string ood = folder.File("ood.jsonl", "{\"text\": \"play some jazz\"}\n{\"text\": \"order a pizza\", \"intent\": \"oos\"}\n");
        string json = Path.Combine(folder.Path, "report.json");
        var (code, _, error) = SaffuCli.Run("eval", "--model", model, "--test", test, "--ood", ood, "--json", json, "--quiet");
        Assert.AreEqual(0, code, error);
        AssertGolden("eval.json", File.ReadAllText(json).Replace(JsonEncodedText.Encode(folder.Path).ToString(), "DIR"));
    }

    /// <summary>The device's `decision` answers (docs/serial-protocol.md examples) as `saffu device send --json` prints them.</summary>
    [TestMethod]
    public void DeviceSendJson()
    {
        string[] answers =
        [
            """{"id":3,"type":"decision","seq":41,"text":"turn on the kitchen light","intent":"HassTurnOn","understood":true,"confidence":0.9913,"confidence_q15":32483,"slots":{"name":"kitchen light","brightness":40},"action":{"kind":"pins","action":"on","reason":null,"message":"kitchen light 100%","pins":[{"pin":4,"mode":"pwm","level":1000}],"lights":[{"name":"kitchen light","level":100,"dimmable":true}]},"top":"HassTurnOn","reason":null,"domain":null,"answer":"kitchen light 100%","truncated":false}""",
            """{"id":5,"type":"decision","seq":null,"text":"turn the heating on in the bédroom \"now\"","intent":null,"understood":false,"confidence":0.5,"confidence_q15":16384,"slots":{"area":"bedroom"},"action":null,"top":"other:climate","reason":"not_a_light","domain":"climate","answer":"not a light: that is for the climate","truncated":true,"log_error":"log_full"}""",
            """{"id":6,"type":"decision","seq":42,"text":"actually no turn off the kitchen light","intent":"HassTurnOff","understood":true,"confidence":0.9913,"confidence_q15":32483,"slots":{"name":"kitchen light"},"action":{"kind":"pins","action":"off","reason":null,"message":"kitchen light off","pins":[{"pin":4,"mode":"pwm","level":0}],"lights":[{"name":"kitchen light","level":0,"dimmable":true}]},"top":"HassTurnOff","reason":null,"domain":null,"answer":"kitchen light off","truncated":false,"correction":"turn off the kitchen light"}""",
        ];
        string lines = string.Concat(answers.Select(a =>
        {
            using var doc = JsonDocument.Parse(a);
            return DeviceSendCommand.Json(new DeviceDecision(doc.RootElement.Clone())) + "\n";
        }));
        AssertGolden("device-send.jsonl", lines);
    }

    /// <summary>A device `record` line as `pull-log` writes it into the host's decision-log file (docs/decision-log.md).</summary>
    [TestMethod]
    public void PulledLogLine()
    {
        string[] records =
        [
            """{"id":null,"type":"record","log_id":"5affe001","seq":7,"boot":3,"uptime_ms":123456,"model_hash":"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef","text":"turn on the kitchen light","intent":"HassTurnOn","understood":true,"confidence":0.9913,"confidence_q15":32483,"slots":{"name":"kitchen light","brightness":40},"action":{"kind":"pins","action":"on","reason":null,"message":"kitchen light 100%","pins":[{"pin":4,"mode":"pwm","level":1000}],"lights":[{"name":"kitchen light","level":100,"dimmable":true}]},"top":"HassTurnOn","reason":null,"truncated":false,"text_cut":false}""",
            """{"id":null,"type":"record","log_id":"5affe001","seq":8,"boot":3,"uptime_ms":123999,"model_hash":null,"text":"put the hall light aff ‘é’ <&>","intent":null,"understood":false,"confidence":0.3,"confidence_q15":9830,"slots":{},"action":null,"top":"HassToggle","reason":"low_confidence","truncated":true,"text_cut":true}""",
            """{"id":null,"type":"record","log_id":"5affe001","seq":9,"boot":3,"uptime_ms":124500,"model_hash":null,"text":"actually no turn off the kitchen light","intent":"HassTurnOff","understood":true,"confidence":0.9913,"confidence_q15":32483,"slots":{"name":"kitchen light"},"action":{"kind":"pins","action":"off","reason":null,"pins":[{"pin":4,"mode":"pwm","level":0}]},"top":"HassTurnOff","reason":null,"truncated":false,"text_cut":false,"corrected":true}""",
        ];
        string lines = string.Concat(records.Select(r =>
        {
            using var doc = JsonDocument.Parse(r);
            return DecisionLogFile.HostLine(doc.RootElement, "2026-12-07T01:30:00Z").Line + "\n";
        }));
        AssertGolden("pulled-log.jsonl", lines);
    }

    internal static void AssertGolden(string name, string actual)
    {
        string golden = Path.Combine(AppContext.BaseDirectory, "Golden", name);
        if (File.Exists(golden) && File.ReadAllText(golden) == actual) return;
        string written = Path.Combine(Path.GetTempPath(), name + ".actual");
        File.WriteAllText(written, actual);
        Assert.Fail($"{name} differs from {golden}; the actual output is in {written}");
    }
}
