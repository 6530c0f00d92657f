using System.Text.Json;
using Saffu.Training.Retraining;

namespace Saffu.Cli.Tests;

/// <summary>
/// The whole loop on the simulated device (issue 12, item 6): send transcripts, pull the log, correct it, retrain with
/// --port, send again — the corrected decisions are fixed and the others unchanged.
/// </summary>
[TestClass]
public sealed class RetrainDeviceLoopTests
{
    /// <summary>Scots "aff" and "dout" for off (tests/data/lights/corrections/families.json): the shipped model toggles, sets or turns on.</summary>
    static readonly string[] Scots =
    [
        "switch the light aff", "put the hall light aff", "switch the kitchen light aff", "turn the big light aff", "dout the light",
        "dout the kitchen light", "get the desk lamp aff", "the bedroom light aff", "put the floor lamp aff", "lights aff", "dout the big light",
    ];

    static readonly string[] Others =
    [
        "turn on the kitchen light", "switch off the desk lamp", "dim the bedroom light", "set the mood light to blue",
        "turn off all the lights", "what's the weather like tomorrow", "is the kitchen light on", "toggle the hall light",
    ];

    static (int Code, string Output, string Error) Device(string dir, params string[] args) => SaffuCli.Run(["device", "--port", "sim:" + dir, .. args]);

    static Dictionary<string, string> Send(string dir, IEnumerable<string> texts)
    {
        var decisions = new Dictionary<string, string>();
        foreach (string text in texts)
        {
            var (code, output, error) = Device(dir, "send", text, "--json");
            Assert.AreEqual(0, code, error);
            using var d = JsonDocument.Parse(output.Trim());
            var r = d.RootElement;
            string slots = string.Join(" ", r.GetProperty("slots").EnumerateObject().OrderBy(p => p.Name).Select(p => $"{p.Name}={p.Value}"));
            decisions[text] = r.GetProperty("understood").GetBoolean() ? $"{r.GetProperty("intent").GetString()} {slots}".Trim() : "not understood";
        }
        return decisions;
    }

    [TestMethod]
    public void CorrectedDecisionsAreFixedOnTheDeviceAndTheOthersUnchanged()
    {
        using var folder = new TestFolder();
        string root = ExportCommandTests.RepoRoot();
        string model = Path.Combine(folder.Path, "model"), parentBlob = Path.Combine(folder.Path, "parent.blob");
        var (trainCode, _, trainError) = SaffuCli.Run("train", "--home", Path.Combine(root, "models", "lights", "home.yaml"), "--out", model, "--quiet");
        Assert.AreEqual(0, trainCode, trainError);
        Assert.AreEqual(0, SaffuCli.Run("export", "--model", model, "--out", parentBlob, "--quiet").Code);
        string dir = Path.Combine(folder.Path, "device");
        Directory.CreateDirectory(dir);
        File.Copy(parentBlob, Path.Combine(dir, "builtin.blob"));

        // 1. The device hears the transcripts; it does not know the Scots words for off.
        var before = Send(dir, Scots.Concat(Others));
        Assert.IsGreaterThanOrEqualTo(8, Scots.Count(t => !before[t].StartsWith("HassTurnOff", StringComparison.Ordinal)), string.Join("\n", Scots.Select(t => $"{t}: {before[t]}")));

        // 2. Pull the log; 3. a person corrects the Scots records that were wrong and accepts the rest.
        string log = Path.Combine(folder.Path, "decisions.jsonl");
        var (pullCode, _, pullError) = Device(dir, "pull-log", log);
        Assert.AreEqual(0, pullCode, pullError);
        var records = PulledLog.Read(log);
        Assert.HasCount(Scots.Length + Others.Length, records);
        var corrections = records.Select(r => Scots.Contains(r.Decision.Text) && r.Decision.Intent != "HassTurnOff"
            ? new CorrectionRecord { Log = r.Record, Verdict = "corrected", CorrectedIntent = "HassTurnOff" }
            : new CorrectionRecord { Log = r.Record, Verdict = "ok" }).Select(CorrectionsFile.Line).ToList();
        string correctionsPath = Path.Combine(folder.Path, "corrections.jsonl");
        CorrectionsFile.WriteAll(correctionsPath, corrections);

        // 4. Retrain and put the new blob on the device (--force: this test is about the loop; the guard has its own tests).
        var (code, output, error) = SaffuCli.Run("retrain", "--model", model, "--corrections", correctionsPath, "--out", Path.Combine(folder.Path, "retrained"),
            "--port", "sim:" + dir, "--weight", "10", "--force", "--quiet");
        Assert.AreEqual(0, code, error + output);
        StringAssert.Contains(output, "uploaded to sim:");
        StringAssert.Contains(output, "activated slot");

        // 5. The same transcripts again: the corrected ones now turn off (their slots as before), the others are decided as before.
        var after = Send(dir, Scots.Concat(Others));
        string report = string.Join("\n", Scots.Select(t => $"{t}: {before[t]} → {after[t]}"));
        var corrected = Scots.Where(t => !before[t].StartsWith("HassTurnOff", StringComparison.Ordinal)).ToList();
        int fixedCount = corrected.Count(t => after[t].StartsWith("HassTurnOff", StringComparison.Ordinal));
        Assert.IsGreaterThanOrEqualTo(corrected.Count - 1, fixedCount, report);
        foreach (string text in Others) Assert.AreEqual(before[text], after[text], text);

        // The device runs the retrained model: its content hash is the new blob's, whose parent is the one it ran before.
        var (statusCode, status, _) = Device(dir, "status", "--json");
        Assert.AreEqual(0, statusCode);
        string parentHash = Convert.ToHexStringLower(Saffu.Training.Export.BlobLayout.Read(File.ReadAllBytes(parentBlob)).ComputeContentHash());
        Assert.IsFalse(status.Contains(parentHash, StringComparison.Ordinal), "the parent is no longer the running model");
    }
}
