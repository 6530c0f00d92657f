using System.Text.Json;
using Saffu.Training.Corpus;
using Saffu.Training.Training;

namespace Saffu.Cli.Tests;

/// <summary>`saffu eval` end to end on a tiny model trained and saved by the trainer's library.</summary>
[TestClass]
public sealed class EvalTinyModelTests
{
    private static readonly string[] TrainLines =
    [
        "turn on the light,on", "switch the lamp on,on", "lights on please,on", "turn the kitchen light on,on",
        "turn off the light,off", "switch the lamp off,off", "lights off please,off", "turn the kitchen light off,off",
        "will it rain today,weather", "is it sunny outside,weather", "what is the weather,weather", "how cold is it,weather",
    ];

    [TestMethod]
    public void EvalOfATrainedModelWritesTheDocumentedJson()
    {
        using var folder = new TestFolder();
        string model = TrainTinyModel(folder);
        string test = folder.File("test.csv", "text,intent\nturn the light on,on\nswitch off the lamp,off\nis it going to rain,weather\n");
        string ood = folder.File("ood.jsonl", "{\"text\": \"play some jazz\"}\n{\"text\": \"order a pizza\", \"intent\": \"oos\"}\n");
        string json = Path.Combine(folder.Path, "report.json");

        var (code, output, error) = SaffuCli.Run("eval", "--model", model, "--test", test, "--ood", ood, "--json", json, "--quiet");
        Assert.AreEqual(0, code, error);

        using var doc = JsonDocument.Parse(File.ReadAllBytes(json));
        var root = doc.RootElement;
        Assert.AreEqual(3, root.GetProperty("n").GetInt32());
        Assert.AreEqual(2, root.GetProperty("n_ood").GetInt32());
        foreach (string key in new[] { "accuracy", "macro_f1", "ece", "ood_rejection", "false_rejection" })
        {
            double value = root.GetProperty(key).GetDouble();
            Assert.IsTrue(value is >= 0 and <= 1, $"{key} = {value}");
        }
        Assert.AreEqual(1.0, root.GetProperty("accuracy").GetDouble(), "three easy sentences");
        var stored = ModelFolder.Load(model).Model;
        Assert.AreEqual(stored.Temperature, root.GetProperty("temperature").GetDouble());
        Assert.AreEqual(stored.RejectThreshold, root.GetProperty("threshold").GetDouble());
        Assert.IsTrue(File.Exists(Path.Combine(folder.Path, "report.confusion.png")));
        StringAssert.Contains(output, "100.0%");
    }

    [TestMethod]
    public void CorruptModelFileIsBadInputNamingIt()
    {
        using var folder = new TestFolder();
        string model = TrainTinyModel(folder);
        string modelJson = Path.Combine(model, ModelFolder.ModelFile);
        File.WriteAllText(modelJson, "{ \"format\": \"saffu-model-folder\", ");
        string test = folder.File("test.csv", "text,intent\nturn the light on,on\n");
        var (code, _, error) = SaffuCli.Run("eval", "--model", model, "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, modelJson);
    }

    [TestMethod]
    public void UnknownLabelAgainstATrainedModel()
    {
        using var folder = new TestFolder();
        string model = TrainTinyModel(folder);
        string test = folder.DataFolder("test", "seq.in", "turn the light on\nset an alarm\n", "label", "on\nalarm_set\n");
        var (code, _, error) = SaffuCli.Run("eval", "--model", model, "--test", test);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "alarm_set");
        StringAssert.Contains(error, ":2");
    }

    private static string TrainTinyModel(TestFolder folder)
    {
        var train = TrainLines.Select((line, i) =>
        {
            string[] parts = line.Split(',');
            return new Utterance(parts[0], parts[1], Utterance.NoSlots, new SourceLine("train.csv", i + 2));
        }).ToArray();
        var options = new TrainOptions { FineTune = false, MinCount = 1, RadialSize = 0, Solver = new(), TemperatureScale = 1 }; // the defaults before issue 14 softened them (pinned goldens)
        var result = Trainer.Train(train, train, options);
        string model = Path.Combine(folder.Path, "model");
        ModelFolder.Save(model, result, options, train);
        return model;
    }
}
