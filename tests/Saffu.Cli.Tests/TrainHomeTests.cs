using System.Text;
using Saffu.Cli;
using Saffu.Training.Training;

namespace Saffu.Cli.Tests;

/// <summary>`saffu train --home HOME_FILE [--extra FILE]` held to docs/cli.md: the lights model for a home, from any folder.</summary>
[TestClass]
public sealed class TrainHomeTests
{
    const string Home = """
        version: 1
        lights:
          - name: porch light
            aliases: [front light]
            area: porch
            pin: 4
          - name: desk lamp
            area: office
            pin: 5
            dimmable: true
        """;

    [TestMethod]
    public void TrainsTheLightsModelForAHomeWithExtraSentences()
    {
        using var folder = new TestFolder();
        string home = folder.File("home.yaml", Home);
        string extra = folder.File("mine.jsonl",
            "{\"text\": \"front light on now\", \"intent\": \"HassTurnOn\", \"slots\": {\"name\": \"porch light\"}}\n" +
            "{\"text\": \"give the desk lamp a nudge down\", \"intent\": \"HassLightSet\", \"slots\": {\"name\": \"desk lamp\", \"step\": \"down\"}}\n" +
            "{\"text\": \"party time\", \"intent\": \"HassTurnOn\"}\n");
        string model = Path.Combine(folder.Path, "model");
        var (code, output, error) = SaffuCli.Run("train", "--home", home, "--extra", extra, "--out", model, "--quiet", "--fine-tune", "false");
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, $"lights corpus for {home}:");
        StringAssert.Contains(output, $"(3 from {extra})");
        StringAssert.Contains(output, $"warning: 1 command(s) of {extra} say no anchor word and will not be understood (first, line 3: \"party time\")");
        StringAssert.Contains(output, "none offset");
        Assert.AreEqual(Home, File.ReadAllText(Path.Combine(model, ModelFolder.HomeFile)));

        var loaded = ModelFolder.Load(model);
        CollectionAssert.AreEqual(new[] { "<none>", "HassGetState", "HassLightSet", "HassNevermind", "HassToggle", "HassTurnOff", "HassTurnOn",
            "other:climate", "other:cover", "other:fan", "other:lock", "other:media_player", "other:scene", "other:switch", "other:timer",
            "other:vacuum", "other:weather" }, loaded.Model.Intents.ToArray());
        CollectionAssert.Contains(loaded.Model.TagLabels.ToArray(), "B-step");
        Assert.IsNotEmpty(loaded.HeldOut, "the lights corpus's validation split is the held-out set");
        Assert.IsTrue(loaded.Model.Vocabulary.Words.Contains("nudge"), "extra sentences are trained on");
        Assert.AreEqual("porch light", loaded.Model.PredictSlots("turn on the front light")["name"]);
        Assert.AreEqual(TrainOptions.Lights.MinCount, loaded.Options.MinCount, "the lights defaults apply with --home");
        StringAssert.Contains(output, "anchor words: ");
        var anchors = loaded.Model.AnchorIds!.Select(id => loaded.Model.Vocabulary.Words[id]).ToList();
        foreach (string word in new[] { "porch", "front", "desk", "office", "lamp", "light", "dim" }) CollectionAssert.Contains(anchors, word);
        CollectionAssert.DoesNotContain(anchors, "on");

        // The blob carries them (Anchors section) and the device decides with them.
        string blob = Path.Combine(folder.Path, "home.blob");
        var (exported, _, exportError) = SaffuCli.Run("export", "--model", model, "--out", blob);
        Assert.AreEqual(0, exported, exportError);
        var (_, inspect, _) = SaffuCli.Run("inspect", blob);
        StringAssert.Contains(inspect, $"anchor words ({anchors.Count}): ");
        StringAssert.Contains(inspect, "Anchors");
        var (_, runs, _) = SaffuCli.Run("run", "--blob", blob, "--json", "turn it on");
        StringAssert.Contains(runs, "\"reason\":\"no_anchor\"", "a command with no light word is not understood");
        var (_, porch, _) = SaffuCli.Run("run", "--blob", blob, "--json", "turn on the porch light");
        StringAssert.Contains(porch, "\"understood\":true");
    }

    [TestMethod]
    public void AKnobGivenWithHomeWinsOverTheLightsDefault()
    {
        using var folder = new TestFolder();
        string home = folder.File("home.yaml", Home), model = Path.Combine(folder.Path, "m");
        var (code, _, error) = SaffuCli.Run("train", "--home", home, "--out", model, "--quiet", "--fine-tune", "false", "--min-count", "7", "--block", "3");
        Assert.AreEqual(0, code, error);
        var options = ModelFolder.Load(model).Options;
        Assert.AreEqual(7, options.MinCount);
        Assert.AreEqual(3, options.BlockSize);
        Assert.IsFalse(options.FineTune);
    }

    [TestMethod]
    public void ABadHomeFileIsBadInputWithItsLine()
    {
        using var folder = new TestFolder();
        string home = folder.File("home.yaml", "version: 1\nlights:\n  - name: lamp\n    area: hall\n    pin: 7\n");
        var (code, _, error) = SaffuCli.Run("train", "--home", home, "--out", Path.Combine(folder.Path, "m"), "--quiet");
        Assert.AreEqual(1, code);
        StringAssert.StartsWith(error, $"saffu train: {home}:5:");
        StringAssert.Contains(error, "pin 7");
        (code, _, error) = SaffuCli.Run("train", "--home", Path.Combine(folder.Path, "missing.yaml"), "--out", Path.Combine(folder.Path, "m"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "missing.yaml: found no such file");
    }

    [TestMethod]
    public void BadExtraSentencesAreBadInputWithTheirLine()
    {
        using var folder = new TestFolder();
        string home = folder.File("home.yaml", Home);
        string unknown = folder.File("a.jsonl", "{\"text\": \"porch light on\", \"intent\": \"HassTurnOn\"}\n{\"text\": \"dance\", \"intent\": \"HassDance\"}\n");
        var (code, _, error) = SaffuCli.Run("train", "--home", home, "--extra", unknown, "--out", Path.Combine(folder.Path, "m"), "--quiet");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, unknown + ":2:");
        StringAssert.Contains(error, "\"HassDance\"");
        string noWords = folder.File("b.jsonl", "{\"text\": \"turn on the light\", \"intent\": \"HassTurnOn\", \"slots\": {\"name\": \"garage light\"}}\n");
        (code, _, error) = SaffuCli.Run("train", "--home", home, "--extra", noWords, "--out", Path.Combine(folder.Path, "m"), "--quiet");
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, noWords + ":1: found no words for the slot name = \"garage light\"");
    }

    [TestMethod]
    public void NoTrainingSourceOrExtraWithoutHomeIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("train", "--out", "m");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--home");
        StringAssert.Contains(error, "--help");
        (code, _, error) = SaffuCli.Run("train", "--train", "t.jsonl", "--extra", "e.jsonl", "--out", "m");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--extra e.jsonl without --home");
        (code, _, error) = SaffuCli.Run("train", "--train", "t.jsonl", "--phrasings", "p.jsonl", "--out", "m");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--phrasings p.jsonl without --home");
        (code, _, error) = SaffuCli.Run("train", "--home", "h.yaml", "--phrasings", "p.jsonl", "--phrasings-repeat", "0", "--out", "m");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--phrasings-repeat 0; expected 1..100");
        (code, _, error) = SaffuCli.Run("train", "--home", "h.yaml", "--extra-words", "counted", "--out", "m");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--extra-words without --extra");
        (code, _, error) = SaffuCli.Run("train", "--home", "h.yaml", "--extra", "e.jsonl", "--extra-words", "some", "--out", "m");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--extra-words some; expected kept or counted");
        (code, _, error) = SaffuCli.Run("train", "--home", "h.yaml", "--extra", "e.jsonl", "--extra-repeat", "101", "--out", "m");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--extra-repeat 101; expected 1..100");
    }

    [TestMethod]
    public void CountedExtraWordsObeyTheMinimumCountAndRepeatsCount()
    {
        using var folder = new TestFolder();
        string home = folder.File("home.yaml", Home);
        string extra = folder.File("mine.jsonl",
            "{\"text\": \"yeet the desk lamp on\", \"intent\": \"HassTurnOn\", \"slots\": {\"name\": \"desk lamp\"}}\n");
        var words = (string model, string[] flags) =>
        {
            var (code, _, error) = SaffuCli.Run(["train", "--home", home, "--extra", extra, "--out", model, "--quiet", "--fine-tune", "false", .. flags]);
            Assert.AreEqual(0, code, error);
            return ModelFolder.Load(model).Model.Vocabulary.Words;
        };
        Assert.Contains("yeet", words(Path.Combine(folder.Path, "kept"), []), "kept by default");
        Assert.DoesNotContain("yeet", words(Path.Combine(folder.Path, "counted"), ["--extra-words", "counted"]), "said once, under --min-count 2");
        Assert.Contains("yeet", words(Path.Combine(folder.Path, "twice"), ["--extra-words", "counted", "--extra-repeat", "2"]), "two copies count twice");
    }

    [TestMethod]
    public void PhrasingsTrainWithTheirIntentOnlyAndAddNoWord()
    {
        using var folder = new TestFolder();
        string home = folder.File("home.yaml", Home);
        string phrasings = folder.File("real.jsonl",
            "{\"text\": \"zorble the desk lamp on\", \"intent\": \"HassTurnOn\", \"slots\": {\"name\": \"no such lamp\"}}\n" +
            "{\"text\": \"zorble the desk lamp off\", \"intent\": \"HassTurnOff\"}\n");
        string plain = Path.Combine(folder.Path, "plain"), model = Path.Combine(folder.Path, "model");
        var (code, before, error) = SaffuCli.Run("train", "--home", home, "--out", plain, "--quiet", "--fine-tune", "false", "--unknown-word-share", "0");
        Assert.AreEqual(0, code, error);
        (code, string after, error) = SaffuCli.Run("train", "--home", home, "--phrasings", phrasings, "--phrasings-repeat", "3", "--out", model,
            "--quiet", "--fine-tune", "false", "--unknown-word-share", "0");
        Assert.AreEqual(0, code, "a slot the sentence does not say is ignored, not bad input: " + error);
        Assert.AreEqual(Utterances(before) + 6, Utterances(after), "each phrasing trains --phrasings-repeat times");
        var loaded = ModelFolder.Load(model);
        Assert.IsFalse(loaded.Model.Vocabulary.Words.Contains("zorble"), "phrasings add no word to the vocabulary");
        CollectionAssert.AreEqual(ModelFolder.Load(plain).Model.Vocabulary.Words.ToArray(), loaded.Model.Vocabulary.Words.ToArray());

        static int Utterances(string output) => int.Parse(System.Text.RegularExpressions.Regex.Match(output, @"trained .*?: ([\d,]+) utterances").Groups[1].Value.Replace(",", ""),
            System.Globalization.CultureInfo.InvariantCulture);
    }

    [TestMethod]
    public void HelpShowsTheLightsDefaultsWhereTheyDiffer()
    {
        var (code, output, _) = SaffuCli.Run("train", "--help");
        Assert.AreEqual(0, code);
        var lights = TrainOptions.Lights;
        if (lights.MinCount != new TrainOptions().MinCount)
            StringAssert.Contains(output, $"(with --home: {lights.MinCount})");
        StringAssert.Contains(output, "--home");
    }
}
