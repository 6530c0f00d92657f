using System.Text.Json;
using Saffu.Training.Corpus;
using Saffu.Training.Export;
using Saffu.Training.Training;

namespace Saffu.Cli.Tests;

/// <summary>`saffu eval --blob` held to docs/cli.md: the blob through the runtime, the float model as reference, slots, bad blobs.</summary>
[TestClass]
public sealed class EvalBlobTests
{
    [TestMethod]
    public void BlobWithItsFloatModelReportsAgreementAndTheLargestError()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string blob = BadBlobs.Write(folder, "tiny.blob", ModelFolderExport.Export(model, ExportOptions.Default).Bytes);
        string test = folder.File("test.csv", "text,intent\nturn the light on,on\nswitch off the lamp,off\nis it going to rain,weather\n");
        string json = Path.Combine(folder.Path, "report.json");
        var (code, output, error) = SaffuCli.Run("eval", "--blob", blob, "--model", model, "--test", test, "--json", json, "--quiet");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "agreement");

        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        Assert.AreEqual(blob, root.GetProperty("model").GetString());
        Assert.AreEqual(1.0, root.GetProperty("agreement").GetDouble());
        Assert.IsLessThanOrEqualTo(0.002, root.GetProperty("max_probability_error").GetDouble());
        Assert.AreEqual(1.0, root.GetProperty("temperature").GetDouble(), "the exporter divided T into O");
        var layout = BlobLayout.Read(File.ReadAllBytes(blob));
        Assert.AreEqual(layout.Decision!.RejectThresholdQ15 / 32768.0, root.GetProperty("threshold").GetDouble());
        Assert.AreEqual(1.0, root.GetProperty("accuracy").GetDouble());
    }

    [TestMethod]
    public void NearMissesAreCountedPerCategoryThroughThePlanner()
    {
        using var folder = new TestFolder();
        string test = folder.File("commands.jsonl",
            "{\"text\": \"turn on the kitchen and the hall light\", \"intent\": \"HassTurnOn\", \"lights\": [\"kitchen light\", \"counter lights\", \"hall light\"], \"category\": \"multi\"}\n"
            + "{\"text\": \"turn off the desk lamp\", \"intent\": \"HassTurnOff\", \"slots\": {\"name\": \"desk lamp\"}, \"lights\": [\"desk lamp\"], \"category\": \"single\"}\n");
        string nearMiss = folder.File("nearmiss.jsonl",
            "{\"text\": \"turn the heating on in the bedroom\", \"intent\": \"<none>\", \"category\": \"climate\"}\n"
            + "{\"text\": \"don't turn on the kitchen light\", \"intent\": \"<none>\", \"category\": \"negation\"}\n"
            + "{\"text\": \"is the desk lamp on\", \"intent\": \"HassGetState\", \"slots\": {\"name\": \"desk lamp\"}, \"category\": \"state_question\"}\n");
        string json = Path.Combine(folder.Path, "report.json");
        var (code, output, error) = SaffuCli.Run("eval", "--blob", ShippedBlob.Path, "--test", test, "--near-miss", nearMiss, "--json", json, "--quiet");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "actions on --near-miss");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        JsonElement near = doc.RootElement.GetProperty("near_miss");
        Assert.AreEqual(3, near.GetProperty("n").GetInt32());
        Assert.AreEqual(1.0, near.GetProperty("not_acted").GetDouble());
        Assert.AreEqual(1, near.GetProperty("state_questions").GetInt32());
        Assert.AreEqual(1.0, near.GetProperty("state_right").GetDouble());
        CollectionAssert.AreEqual(new[] { "climate", "negation", "state_question" },
            near.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("category").GetString()).ToArray());
        JsonElement actions = doc.RootElement.GetProperty("actions");
        Assert.AreEqual(2, actions.GetProperty("with_lights").GetInt32());
        Assert.AreEqual(1.0, actions.GetProperty("lights_right").GetDouble());

        var (usage, _, usageError) = SaffuCli.Run("eval", "--model", folder.Path, "--test", test, "--near-miss", nearMiss);
        Assert.AreEqual(2, usage);
        StringAssert.Contains(usageError, "--near-miss");
    }

    [TestMethod]
    public void BlobAloneHasNoAgreementAndTheSameKeys()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string blob = BadBlobs.Write(folder, "tiny.blob", ModelFolderExport.Export(model, ExportOptions.Default).Bytes);
        string test = folder.File("test.jsonl", "{\"text\": \"lights on\", \"intent\": \"on\"}\n");
        string ood = folder.File("ood.jsonl", "{\"text\": \"play some jazz\"}\n");
        string json = Path.Combine(folder.Path, "r.json");
        var (code, _, error) = SaffuCli.Run("eval", "--blob", blob, "--test", test, "--ood", ood, "--json", json, "--quiet");
        Assert.AreEqual(0, code, error);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        foreach (string key in new[] { "model", "test", "ood", "n", "n_ood", "accuracy", "macro_f1", "ece", "false_rejection", "ood_rejection",
            "threshold", "temperature", "none_intent", "oracle", "agreement", "max_probability_error", "slot_exact_match", "anticipation",
            "per_intent", "reliability", "confusion" })
            Assert.IsTrue(root.TryGetProperty(key, out _), key);
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("agreement").ValueKind);
        Assert.AreEqual(JsonValueKind.Null, root.GetProperty("slot_exact_match").ValueKind, "no tag head");
    }

    [TestMethod]
    public void SlotsAreComparedWhenTheBlobTagsAndTheDataHasSlots()
    {
        using var folder = new TestFolder();
        string model = TrainWithSlots(folder);
        string blob = BadBlobs.Write(folder, "slots.blob", ModelFolderExport.Export(model, ExportOptions.Default).Bytes);
        string test = folder.File("test.jsonl",
            "{\"text\": \"turn on the kitchen light\", \"intent\": \"on\", \"slots\": {\"area\": \"kitchen\"}}\n"
            + "{\"text\": \"lights off\", \"intent\": \"off\"}\n");
        string json = Path.Combine(folder.Path, "r.json");
        var (code, _, error) = SaffuCli.Run("eval", "--blob", blob, "--model", model, "--test", test, "--json", json, "--quiet");
        Assert.AreEqual(0, code, error);
        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        Assert.AreEqual(1.0, doc.RootElement.GetProperty("slot_exact_match").GetDouble());
    }

    [TestMethod]
    [DataRow("crc", "ChecksumMismatch")]
    [DataRow("truncated", "Truncated")]
    [DataRow("version2", "UnsupportedVersion")]
    public void BadBlobIsBadInputNamingItAndTheError(string kind, string expected)
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, kind + ".blob", BadBlobs.Make(kind));
        string test = folder.File("test.csv", "text,intent\nturn on,on\n");
        var (code, _, error) = SaffuCli.Run("eval", "--blob", blob, "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, blob);
        StringAssert.Contains(error, expected);
        Assert.AreEqual(1, error.Trim().Split('\n').Length, "one message");
    }

    [TestMethod]
    public void MissingBlobIsBadInputAndNeitherModelNorBlobIsUsage()
    {
        using var folder = new TestFolder();
        string test = folder.File("test.csv", "text,intent\nturn on,on\n");
        string missing = Path.Combine(folder.Path, "none.blob");
        var (code, _, error) = SaffuCli.Run("eval", "--blob", missing, "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, missing);
        var (usage, _, usageError) = SaffuCli.Run("eval", "--test", test);
        Assert.AreEqual(2, usage);
        StringAssert.Contains(usageError, "--blob");
    }

    [TestMethod]
    public void ReferenceWithOtherIntentsIsBadInput()
    {
        using var folder = new TestFolder();
        string model = TinyModel.Train(folder);
        string blob = BadBlobs.Write(folder, "tiny.blob", ModelFolderExport.Export(model, ExportOptions.Default).Bytes);
        string other = TrainWithSlots(folder);
        string test = folder.File("test.csv", "text,intent\nturn on,on\n");
        var (code, _, error) = SaffuCli.Run("eval", "--blob", blob, "--model", other, "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "intents");
    }

    private static string TrainWithSlots(TestFolder folder)
    {
        static Utterance U(string text, string intent, string? area, int line) =>
            new(text, intent, area is null ? Utterance.NoSlots : new Dictionary<string, string> { ["area"] = area }, new SourceLine("t.jsonl", line));
        Utterance[] train =
        [
            U("turn on the kitchen light", "on", "kitchen", 1), U("switch the hall lights on", "on", "hall", 2), U("lights on please", "on", null, 3),
            U("kitchen lights on", "on", "kitchen", 4), U("turn off the kitchen light", "off", "kitchen", 5),
            U("switch off the hall lights", "off", "hall", 6), U("lights off", "off", null, 7), U("hall light off", "off", "hall", 8),
        ];
        var options = new TrainOptions { FineTune = false, MinCount = 1, RadialSize = 0, Solver = new(), TemperatureScale = 1 }; // the defaults before issue 14 softened them (pinned goldens)
        string model = Path.Combine(folder.Path, "slots-model");
        ModelFolder.Save(model, Trainer.Train(train, train, options), options, train);
        return model;
    }
}
