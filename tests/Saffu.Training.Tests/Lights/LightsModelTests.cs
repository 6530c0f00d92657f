using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Tests.Home;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Lights;

/// <summary>The lights model trained for the shipped home with the lights defaults, as `saffu train --home` does.</summary>
[TestClass]
public class LightsModelTests
{
    static readonly Lazy<(HomeDescription Home, TrainingResult Result, IReadOnlyList<Utterance> Train)> trained = new(() =>
    {
        var home = HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml"));
        var corpus = LightsCorpus.Build(home);
        var train = corpus.Train.Select(s => s.ToUtterance()).ToList();
        var valid = corpus.Valid.Select(s => s.ToUtterance()).ToList();
        var result = Trainer.Train(train, valid, TrainOptions.Lights, keepWords: corpus.KeepWords, anchorWords: corpus.AnchorWords);
        result.Model.SlotValueNames = corpus.Phrases.ValueNames();
        return (home, result, train);
    });

    static (string? Intent, IReadOnlyDictionary<string, string> Slots) Decide(string text)
    {
        var model = trained.Value.Result.Model;
        var p = Saffu.Training.Evaluation.Calibration.Softmax(model.PrefixLogits(text)[^1], model.Temperature);
        int top = Array.IndexOf(p, p.Max());
        bool understood = top != model.NoneIntent && p[top] >= model.RejectThreshold && model.IsAnchored(text);
        return (understood ? model.Intents[top] : null, model.PredictSlots(text));
    }

    [TestMethod]
    [DataRow("turn on the desk lamp", "HassTurnOn", "name=desk lamp")]
    [DataRow("turn on the kitchen light", "HassTurnOn", "name=kitchen light")]
    [DataRow("jarvis turn off the desk lamp", "HassTurnOff", "name=desk lamp")]
    [DataRow("switch off the lights in the bedroom", "HassTurnOff", "area=bedroom")]
    [DataRow("toggle the desk lamp", "HassToggle", "name=desk lamp")]
    [DataRow("set the floor lamp to 40 percent", "HassLightSet", "name=floor lamp;brightness=40")]
    [DataRow("dim the reading lamp", "HassLightSet", "name=floor lamp;step=down")]
    [DataRow("make the bedside lamp blue", "HassLightSet", "name=bedside lamp;color=blue")]
    public void ObviousCommandsAreUnderstoodWithCanonicalSlots(string text, string intent, string slots)
    {
        var (decided, predicted) = Decide(text);
        Assert.AreEqual(intent, decided, text);
        var expected = slots.Split(';').Select(s => s.Split('=')).ToDictionary(p => p[0], p => p[1]);
        Assert.AreEqual(string.Join(";", expected.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")),
            string.Join(";", predicted.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")), text);
    }

    [TestMethod]
    [DataRow("what's the weather like tomorrow")]
    [DataRow("set an alarm for seven in the morning")]
    [DataRow("play some jazz")]
    [DataRow("turn the volume down")]
    public void NonCommandsAreRejected(string text)
    {
        string? intent = Decide(text).Intent;
        Assert.IsTrue(intent is null || LightIntents.IsNonActing(intent), $"{text}: {intent}");
    }

    [TestMethod]
    public void TheHomesWordsStayInTheVocabulary()
    {
        var vocabulary = trained.Value.Result.Model.Vocabulary;
        var phrases = SlotPhrases.For(trained.Value.Home, CommandGrammar.Shipped);
        foreach (string word in phrases.Words()) Assert.AreNotEqual(vocabulary.OovId, vocabulary.IdOf(word), word);
    }

    [TestMethod]
    public void TheModelFolderKeepsTheHomeAndReadsCanonicalSlots()
    {
        using var temp = new TempFolder();
        var (home, result, train) = trained.Value;
        string folder = Path.Combine(temp.Path, "lights");
        ModelFolder.Save(folder, result, TrainOptions.Lights, train, home);
        Assert.AreEqual(File.ReadAllText(home.Path), File.ReadAllText(Path.Combine(folder, ModelFolder.HomeFile)));
        var loaded = ModelFolder.Load(folder);
        Assert.AreEqual(home.Lights.Count, loaded.Home!.Lights.Count);
        Assert.AreEqual("floor lamp", loaded.Model.PredictSlots("turn on the reading lamp")["name"]);

        ModelFolder.Save(folder, result, TrainOptions.Lights, train);
        Assert.IsFalse(File.Exists(Path.Combine(folder, ModelFolder.HomeFile)), "a later run without a home removes it");
        var plain = ModelFolder.Load(folder);
        Assert.IsNull(plain.Home);
        Assert.AreEqual("reading lamp", plain.Model.PredictSlots("turn on the reading lamp")["name"], "without the home: the words said");
    }

    [TestMethod]
    public void ABrokenHomeFileInAModelFolderNamesItsLine()
    {
        using var temp = new TempFolder();
        var (home, result, train) = trained.Value;
        string folder = Path.Combine(temp.Path, "lights");
        ModelFolder.Save(folder, result, TrainOptions.Lights, train, home);
        File.WriteAllText(Path.Combine(folder, ModelFolder.HomeFile), "version: 1\nlights:\n  - name: lamp\n    colour: red\n");
        var e = Assert.ThrowsExactly<ModelFolderException>(() => ModelFolder.Load(folder));
        StringAssert.StartsWith(e.Message, Path.Combine(folder, ModelFolder.HomeFile) + ":4: found");
    }

    [TestMethod]
    public void RejectionIsChosenWithTheNoneOffset()
    {
        var r = trained.Value.Result;
        Assert.IsNotNull(r.Rejection);
        Assert.IsLessThanOrEqualTo(TrainOptions.Lights.MaxFalseRejection, r.Rejection.FalseRejection);
        Assert.AreEqual(r.Model.RejectThreshold, r.Rejection.Threshold);
    }
}
