using Saffu.Training.Tests.Training;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Vocabulary;

[TestClass]
public class CooccurrenceTests
{
    [TestMethod]
    public void EveryVectorIsUnitSumMixesItsCodeAndItsNeighbours()
    {
        var codes = new WordCodes(6, 8);   // ranks 0..5 one-hot: bits 0..5
        codes.UseCooccurrence([new[] { 0, 1, 2 }, new[] { 0, 1, 3 }], new CooccurrenceOptions { Radius = 1, Mix = 0.5 });
        for (int id = 0; id < 6; id++)
        {
            var (bits, weights) = codes.Vector(id);
            Assert.AreEqual(1.0, weights.ToArray().Sum(), 1e-6, $"id {id}");
            CollectionAssert.AreEqual(bits.ToArray().Order().ToArray(), bits.ToArray(), "bits ascending");
        }
        // Word 1 sits between 0 (twice) and 2, 3 (once each): 0.5 own + 0.5 · (2/4, 1/4, 1/4).
        var (b1, w1) = codes.Vector(1);
        CollectionAssert.AreEqual(new short[] { 0, 1, 2, 3 }, b1.ToArray());
        CollectionAssert.AreEqual(new[] { 0.25f, 0.5f, 0.125f, 0.125f }, w1.ToArray());
        // Words 2 and 3 share their only neighbour, so they are now similar; a word never seen keeps its code.
        Assert.AreEqual(0.25f, codes.Compare(2, 3), 1e-6);
        Assert.AreEqual(1f, codes.Compare(5, 5));
        Assert.AreEqual(0f, codes.Compare(5, 2));
    }

    [TestMethod]
    public void CipherCodesAreTheDefaultVectors()
    {
        var codes = new WordCodes(6, 4);   // ranks 4 = {0,1}, 5 = {0,2}
        var (bits, weights) = codes.Vector(4);
        CollectionAssert.AreEqual(new short[] { 0, 1 }, bits.ToArray());
        CollectionAssert.AreEqual(new[] { 0.5f, 0.5f }, weights.ToArray());
        Assert.AreEqual(0.25f, codes.Compare(4, 5));
        Assert.IsNull(codes.Cooccurrence);
    }

    [TestMethod]
    public void ACooccurrenceModelRoundTripsThroughTheModelFolderAndTheBlob()
    {
        var options = new TrainOptions { Bits = 0, BlockSize = 3, FineTune = false, Cooccurrence = new CooccurrenceOptions { Radius = 2 } };
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, options);
        Assert.IsNotNull(result.Model.Codes.Cooccurrence);
        Assert.IsGreaterThan(0.5, result.Measurements.ExplicitValidAccuracy);
        using var folder = new TempFolder();
        ModelFolder.Save(folder.Path, result, options, TinyCorpus.Train);
        var loaded = ModelFolder.Load(folder.Path).Model;
        Assert.AreEqual(2, loaded.Codes.Cooccurrence!.Radius);
        foreach (var u in TinyCorpus.Valid)
            CollectionAssert.AreEqual(result.Model.Logits(result.Model.Vocabulary.Encode(u.Text)), loaded.Logits(loaded.Vocabulary.Encode(u.Text)), u.Text);
        // The blob carries the vectors (WordVectors section) and the runtime decides as the float model does.
        var blob = Saffu.Training.Export.BlobExporter.Export(loaded, new byte[32], null, Saffu.Training.Export.ExportOptions.Default).Bytes;
        var device = Saffu.Training.Simulation.SimulatedModel.Load(blob, "cooccurrence.blob");
        Assert.IsNotNull(device.Vectors);
        var scorer = new Saffu.Training.Simulation.BlobScorer(device);
        foreach (var u in TinyCorpus.Valid)
            Assert.AreEqual(Saffu.Training.Model.Softmax.ArgMax(loaded.Logits(loaded.Vocabulary.Encode(u.Text))),
                Saffu.Training.Model.Softmax.ArgMax(scorer.PrefixLogits(u.Text)[^1]), u.Text);
    }

    [TestMethod]
    public void PredictedNeighboursMixTheirCodesByProbability()
    {
        var codes = new WordCodes(4, 8);   // one-hot: bits 0..3
        // Word 0 is followed by 1 three times in four and by 2 once; word 3 has no prediction and keeps its code.
        codes.UsePredictedNeighbours([[0, 0.75, 0.25, 0], [0, 0, 1, 0], [1, 0, 0, 0], null], new CooccurrenceOptions { Radius = 1, Mix = 0.5 });
        var (b0, w0) = codes.Vector(0);
        CollectionAssert.AreEqual(new short[] { 0, 1, 2 }, b0.ToArray());
        CollectionAssert.AreEqual(new[] { 0.5f, 0.375f, 0.125f }, w0.ToArray());
        Assert.AreEqual(1f, codes.Compare(3, 3));
        Assert.ThrowsExactly<ArgumentException>(() => codes.UsePredictedNeighbours(new double[]?[3], new CooccurrenceOptions { Radius = 1 }));
    }

    [TestMethod]
    public void LanguageModelVectorsAreUnitSumAndSurviveTheModelFolder()
    {
        var vectors = new CooccurrenceOptions { Radius = 1, Mix = 0.8, Source = CooccurrenceSource.LanguageModel };
        var options = new TrainOptions { Bits = 0, BlockSize = 3, FineTune = false, Cooccurrence = vectors };
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, options);
        var codes = result.Model.Codes;
        var counted = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, options with { Cooccurrence = vectors with { Source = CooccurrenceSource.Counts } });
        bool differs = false;
        for (int id = 0; id < codes.Count; id++)
        {
            Assert.AreEqual(1.0, codes.Vector(id).Weights.ToArray().Sum(), 1e-5, $"id {id}");
            differs |= !codes.Vector(id).Weights.ToArray().SequenceEqual(counted.Model.Codes.Vector(id).Weights.ToArray());
        }
        Assert.IsTrue(differs, "the LM head's predictions are not the counted neighbours");
        Assert.IsGreaterThan(0.5, result.Measurements.ExplicitValidAccuracy);
        using var folder = new TempFolder();
        ModelFolder.Save(folder.Path, result, options, TinyCorpus.Train);
        var loaded = ModelFolder.Load(folder.Path);
        Assert.AreEqual(CooccurrenceSource.LanguageModel, loaded.Options.Cooccurrence.Source);
        foreach (var u in TinyCorpus.Valid)
            CollectionAssert.AreEqual(result.Model.Logits(result.Model.Vocabulary.Encode(u.Text)), loaded.Model.Logits(loaded.Model.Vocabulary.Encode(u.Text)), u.Text);
        Assert.ThrowsExactly<ArgumentException>(() => (vectors with { Radius = 2 }).Validate());
    }
}
