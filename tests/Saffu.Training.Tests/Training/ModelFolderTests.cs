using Saffu.Training.Corpus;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Training;

[TestClass]
public class ModelFolderTests
{
    static readonly TrainOptions Options = new()
    {
        PrependSod = true, MinCount = 1, BlockSize = 4, RadialSize = 2, MaxWords = 16,
        FineTuning = new() { Epochs = 2, BatchSize = 4 },
    };

    static string TrainInto(TempFolder temp, string name)
    {
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, Options);
        string folder = Path.Combine(temp.Path, name);
        ModelFolder.Save(folder, result, Options, TinyCorpus.Train);
        return folder;
    }

    [TestMethod]
    public void SaveThenLoadGivesTheSameModel()
    {
        using var temp = new TempFolder();
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, Options);
        string folder = Path.Combine(temp.Path, "m");
        ModelFolder.Save(folder, result, Options, TinyCorpus.Train);
        var loaded = ModelFolder.Load(folder);

        Assert.AreEqual(result.Model.Config, loaded.Model.Config);
        CollectionAssert.AreEqual(result.Model.Intents.ToArray(), loaded.Model.Intents.ToArray());
        CollectionAssert.AreEqual(result.Model.TagLabels.ToArray(), loaded.Model.TagLabels.ToArray());
        Assert.AreEqual(result.Model.Temperature, loaded.Model.Temperature);
        Assert.AreEqual(result.Model.RejectThreshold, loaded.Model.RejectThreshold);
        Assert.AreEqual(Options, loaded.Options with { });
        Assert.HasCount(TinyCorpus.Valid.Count, loaded.HeldOut);
        Assert.AreEqual(TinyCorpus.Valid[2].Text, loaded.HeldOut[2].Text);
        foreach (var u in TinyCorpus.Valid)
        {
            var expected = result.Model.PrefixLogits(u.Text);
            var actual = loaded.Model.PrefixLogits(u.Text);
            Assert.HasCount(expected.Length, actual);
            for (int k = 0; k < expected.Length; k++) CollectionAssert.AreEqual(expected[k], actual[k]);
        }
        var (statistics, counts) = ModelFolder.LoadState(folder);
        Assert.AreEqual(result.Statistics["document.U"]!.K, statistics["document.U"]!.K);
        CollectionAssert.AreEqual(result.Statistics["intent.O"]!.F, statistics["intent.O"]!.F);
        CollectionAssert.AreEqual(result.WordCounts, counts);
    }

    [TestMethod]
    public void SameInputsGiveSameBytesInEveryFile()
    {
        using var temp = new TempFolder();
        string a = TrainInto(temp, "a"), b = TrainInto(temp, "b");
        var files = Directory.GetFiles(a).Select(Path.GetFileName).Order().ToArray();
        CollectionAssert.AreEqual(new[] { "corpus.txt", "heldout.jsonl", "model.json", "training-log.json", "training-state.bin", "weights.bin" }, files);
        foreach (string? file in files)
            CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(a, file!)), File.ReadAllBytes(Path.Combine(b, file!)), file);
    }

    [TestMethod]
    public void CorpusTxtHoldsEveryTrainingTextOneALineAndOlderFoldersFallBackToTheHeldOutSet()
    {
        var train = new[]
        {
            new Utterance("turn on the light", "on", Utterance.NoSlots, new SourceLine("t", 1)),
            new Utterance("two\nlines", "off", Utterance.NoSlots, new SourceLine("t", 2)),
        };
        Assert.AreEqual("turn on the light\ntwo lines\n", System.Text.Encoding.UTF8.GetString(ModelFolder.CorpusText(train.Select(u => u.Text).ToList())));
        using var temp = new TempFolder();
        string folder = TrainInto(temp, "m");
        var contents = ModelFolder.Load(folder);
        var (texts, source) = ModelFolder.CorpusTexts(folder, contents);
        Assert.AreEqual(ModelFolder.CorpusFile, source);
        Assert.IsNotEmpty(texts);
        File.Delete(Path.Combine(folder, ModelFolder.CorpusFile));
        (texts, source) = ModelFolder.CorpusTexts(folder, ModelFolder.Load(folder));
        Assert.AreEqual("heldout.jsonl", source);
        CollectionAssert.AreEqual(contents.HeldOut.Select(u => u.Text).ToArray(), texts.ToArray());
    }

    [TestMethod]
    public void CorruptWeightsAreATypedError()
    {
        using var temp = new TempFolder();
        string folder = TrainInto(temp, "m");
        string weights = Path.Combine(folder, ModelFolder.WeightsFile);
        byte[] bytes = File.ReadAllBytes(weights);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(weights, bytes);
        var e = Assert.ThrowsExactly<ModelFolderException>(() => ModelFolder.Load(folder));
        StringAssert.Contains(e.Message, "CRC-32");

        File.WriteAllBytes(weights, bytes[..10]);
        e = Assert.ThrowsExactly<ModelFolderException>(() => ModelFolder.Load(folder));
        StringAssert.Contains(e.Message, "at least 16 bytes");
    }

    [TestMethod]
    public void MissingOrForeignModelJsonIsATypedError()
    {
        using var temp = new TempFolder();
        Assert.ThrowsExactly<ModelFolderException>(() => ModelFolder.Load(Path.Combine(temp.Path, "none")));
        temp.File("x/model.json", "{\"format\": \"other\", \"version\": 1}");
        var e = Assert.ThrowsExactly<ModelFolderException>(() => ModelFolder.Load(Path.Combine(temp.Path, "x")));
        StringAssert.Contains(e.Message, "saffu-model-folder");
        temp.File("y/model.json", "{ not json");
        e = Assert.ThrowsExactly<ModelFolderException>(() => ModelFolder.Load(Path.Combine(temp.Path, "y")));
        StringAssert.Contains(e.Message, "invalid JSON");
    }

    [TestMethod]
    public void AnchorWordsAreKeptSavedAndLoadedAndDecideAnchored()
    {
        using var temp = new TempFolder();
        // "lamp" is never said: it joins the vocabulary with count 0; "light" and "lights" are said.
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, Options, anchorWords: ["light", "lights", "lamp"]);
        var model = result.Model;
        CollectionAssert.AreEquivalent(new[] { "lamp", "light", "lights" }, model.AnchorIds!.Select(id => model.Vocabulary.Words[id]).ToArray());
        Assert.IsTrue(model.IsAnchored("switch the lamp off"));
        Assert.IsFalse(model.IsAnchored("dim the kitchen to 30 percent"));
        string folder = Path.Combine(temp.Path, "m");
        ModelFolder.Save(folder, result, Options, TinyCorpus.Train);
        var loaded = ModelFolder.Load(folder).Model;
        CollectionAssert.AreEquivalent(model.AnchorIds!.ToArray(), loaded.AnchorIds!.ToArray());
        Assert.IsNull(ModelFolder.Load(TrainInto(temp, "plain")).Model.AnchorIds, "no anchors key: no anchor rule");
    }

    [TestMethod]
    public void TheNoneClassTrainsOnlyOnSentencesThatSayAnAnchorWord()
    {
        var none = new[]
        {
            new Saffu.Training.Corpus.Utterance("is the light broken", "<none>", Saffu.Training.Corpus.Utterance.NoSlots, new("n", 1)),
            new Saffu.Training.Corpus.Utterance("what time is it", "<none>", Saffu.Training.Corpus.Utterance.NoSlots, new("n", 2)),
            new Saffu.Training.Corpus.Utterance("play some jazz", "<none>", Saffu.Training.Corpus.Utterance.NoSlots, new("n", 3)),
        };
        var train = TinyCorpus.Train.Concat(none).ToList();
        var options = Options with { FineTune = false };
        var result = Trainer.Train(train, null, options, anchorWords: ["light", "lights"]);
        Assert.AreEqual(2, result.Measurements.UnanchoredNoneLeftOut, "the two none sentences without light or lights");
        Assert.AreEqual(train.Count - 2, result.Measurements.TrainUtterances);
        Assert.IsTrue(result.Model.Vocabulary.Words.Contains("jazz"), "the vocabulary still has their words");
        var all = Trainer.Train(train, null, options with { NoneNeedsAnchor = false }, anchorWords: ["light", "lights"]);
        Assert.AreEqual(0, all.Measurements.UnanchoredNoneLeftOut);
        Assert.AreEqual(train.Count, all.Measurements.TrainUtterances);
    }

    [TestMethod]
    [DataRow("[\"light\", \"light\"]", "distinct vocabulary words")]
    [DataRow("[\"zebra\"]", "distinct vocabulary words")]
    [DataRow("[\"<oov>\"]", "other than <oov>")]
    [DataRow("[]", "at least one anchor word")]
    public void BadAnchorsAreATypedError(string anchors, string expected)
    {
        using var temp = new TempFolder();
        string folder = TrainInto(temp, "m");
        string path = Path.Combine(folder, ModelFolder.ModelFile);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        json["anchors"] = System.Text.Json.Nodes.JsonNode.Parse(anchors);
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.ThrowsExactly<ModelFolderException>(() => ModelFolder.Load(folder));
        StringAssert.Contains(e.Message, "anchors");
        StringAssert.Contains(e.Message, expected);
    }
}
