using System.Security.Cryptography;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Training.Export;
using Saffu.Training.Model;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Export;

[TestClass]
public sealed class BlobExporterTests
{
    private static readonly byte[] DataHash = SHA256.HashData("tiny"u8);

    /// <summary>A trained tiny model with every part: block, radial, document, tag head.</summary>
    internal static TrainingResult TrainTiny() =>
        Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, new TrainOptions { FineTune = false, BlockSize = 3, RadialSize = 2, MaxWords = 12 });

    [TestMethod]
    public void ExportedBlobLoadsWithTheModelsShapeNamesAndDecision()
    {
        FloatModel model = TrainTiny().Model;
        ExportResult result = BlobExporter.Export(model, DataHash, null, ExportOptions.Default with { CreatedUnixSeconds = 1_700_000_000 });
        LoadResult loaded = ModelBlob.Load(result.Bytes);
        Assert.IsTrue(loaded.Ok, loaded.Message);
        SaffuModel m = loaded.Model!;
        ModelConfig c = m.Config;
        Assert.AreEqual(model.Vocabulary.Count, c.VocabSize);
        Assert.AreEqual(model.Config.Bits, c.Bits);
        Assert.AreEqual(3, c.BlockSize);
        Assert.AreEqual(2, c.RadialSize);
        Assert.IsTrue(c.HasDocument && c.HasTagHead && c.PrependSod);
        for (int id = 0; id < model.Vocabulary.Count; id++) Assert.AreEqual(model.Vocabulary.Words[id], m.Vocabulary.Word(id));
        CollectionAssert.AreEqual(model.Intents.ToArray(), Enumerable.Range(0, m.Intents.Count).Select(m.Intents.Name).ToArray());
        CollectionAssert.AreEqual(model.TagLabels.ToArray(), Enumerable.Range(0, m.TagLabels.Count).Select(m.TagLabels.Name).ToArray());
        Assert.AreEqual((int)Math.Round(model.RejectThreshold * 32768), c.RejectThreshold);
        Assert.AreEqual((int)Math.Round(ExportOptions.DefaultEarlyThreshold * 32768), c.EarlyThreshold);
        Assert.AreEqual(ExportOptions.DefaultEarlyMinWords, c.EarlyMinWords);
        Assert.AreEqual((int)Math.Round(model.Temperature * 65536), c.Temperature);
        Assert.AreEqual(BlobFormat.NoId, c.NoneIntent, "the tiny corpus has no <none>");
        Assert.IsNull(m.Actions.Map, "no home, no action map");
    }

    [TestMethod]
    public void IdentityHoldsTheHashesTimeAndTrainerAndTheContentHashIsRecomputable()
    {
        byte[] parent = Enumerable.Range(0, 32).Select(i => (byte)(i * 7)).ToArray();
        ExportResult result = BlobExporter.Export(TrainTiny().Model, DataHash, null,
            ExportOptions.Default with { CreatedUnixSeconds = 1_700_000_123, ParentHash = parent, Trainer = "saffu 9.9.9" });
        BlobIdentity identity = result.Layout.Identity!;
        CollectionAssert.AreEqual(DataHash, identity.DataHash);
        CollectionAssert.AreEqual(parent, identity.ParentHash);
        Assert.AreEqual(1_700_000_123, identity.CreatedUnixSeconds);
        Assert.AreEqual("saffu 9.9.9", identity.Trainer);
        CollectionAssert.AreEqual(result.Layout.ComputeContentHash(), identity.ContentHash);
        BlobIdentity noParent = BlobExporter.Export(TrainTiny().Model, DataHash, null, ExportOptions.Default).Layout.Identity!;
        CollectionAssert.AreEqual(new byte[32], noParent.ParentHash, "zeros = no parent");
        Assert.AreEqual(0, noParent.CreatedUnixSeconds, "0 = not recorded");
    }

    [TestMethod]
    public void SameModelFolderGivesTheSameBytes()
    {
        using var folder = new TempFolder();
        var options = new TrainOptions { FineTune = false, BlockSize = 3, RadialSize = 2, MaxWords = 12 };
        ModelFolder.Save(folder.Path, Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, options), options, TinyCorpus.Train);
        byte[] first = ModelFolderExport.Export(folder.Path, ExportOptions.Default).Bytes;
        byte[] second = ModelFolderExport.Export(folder.Path, ExportOptions.Default).Bytes;
        CollectionAssert.AreEqual(first, second);
        string hash = ModelFolder.Load(folder.Path).TrainSha256;
        Assert.AreEqual(hash, Convert.ToHexStringLower(BlobLayout.Read(first).Identity!.DataHash), "data hash = trainSha256");
    }

    [TestMethod]
    public void WrittenAtomicallyLeavingNoTemporaryFile()
    {
        using var folder = new TempFolder();
        string path = Path.Combine(folder.Path, "sub", "model.blob");
        byte[] blob = BlobExporter.Export(TrainTiny().Model, DataHash, null, ExportOptions.Default).Bytes;
        ModelFolderExport.Write(path, blob);
        ModelFolderExport.Write(path, blob);
        CollectionAssert.AreEqual(blob, File.ReadAllBytes(path));
        CollectionAssert.AreEqual(new[] { path }, Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [TestMethod]
    public void BitsPerGroupAndScaleModeAreHonoured()
    {
        var options = ExportOptions.Default with { Bits = new TensorBits(W: 8, U: 16, O: 8, TagU: 8, TagO: 16), PerColumn = false };
        ExportResult result = BlobExporter.Export(TrainTiny().Model, DataHash, null, options);
        foreach (TensorReport t in result.Tensors)
        {
            Assert.AreEqual(options.Bits.Of(t.Group), t.Bits, t.Name);
            Assert.IsFalse(t.PerColumn, t.Name);
        }
        CollectionAssert.AreEquivalent(new[] { "block.W", "block.U", "radial.W", "radial.U", "document.U", "intent.O", "tag.U0", "tag.U1", "tag.O" },
            result.Tensors.Select(t => t.Name).ToArray());
        Assert.IsTrue(ModelBlob.Load(result.Bytes).Ok);
    }

    [TestMethod]
    public void IntentHeadIsDividedByTheTemperature()
    {
        FloatModel model = TrainTiny().Model;
        model.Temperature = 4;
        var o = BlobExporter.Export(model, DataHash, null, ExportOptions.Default).Contents.IntentO;
        for (int i = 0; i < o.Rows; i++)
            for (int j = 0; j < o.Cols; j++)
                Assert.AreEqual(model.Weights.O[i * o.Cols + j] / 4.0, o.Dequantize(i, j), o.Scale(j), $"O[{i},{j}]");
    }

    [TestMethod]
    public void ValuesBeyondTheRuntimesShiftRangeAreClippedAndCounted()
    {
        FloatModel model = TrainTiny().Model;
        model.Weights.DocumentU![0] = 1e6f;   // U scales need e ≥ 16: at most 65535·2^−16 per step, so |U| ≲ 32767 at 16 bits
        ExportResult result = BlobExporter.Export(model, DataHash, null, ExportOptions.Default);
        Assert.AreEqual(1, result.Clipped);
        Assert.AreEqual(1, result.Tensors.Single(t => t.Name == "document.U").Clipped);
        Assert.IsTrue(ModelBlob.Load(result.Bytes).Ok);
    }

    [TestMethod]
    public void EarlyDecisionsOffWrites0xFFFF()
    {
        ExportResult result = BlobExporter.Export(TrainTiny().Model, DataHash, null, ExportOptions.Default with { EarlyThreshold = null, EarlyMinWords = 3 });
        Assert.AreEqual(BlobFormat.NoEarlyDecision, result.Layout.Decision!.EarlyThresholdQ15);
        Assert.AreEqual(3, result.Layout.Decision.EarlyMinWords);
    }

    [TestMethod]
    [DataRow(12, "Available options are: 8, 16")]
    public void BadBitsAreRefusedNamingTheValidOnes(int bits, string expected)
    {
        var e = Assert.ThrowsExactly<ArgumentException>(() => (ExportOptions.Default with { Bits = new TensorBits(U: bits) }).Validate());
        StringAssert.Contains(e.Message, expected);
    }

    [TestMethod]
    public void BadEarlySettingsAndParentHashAreRefused()
    {
        Assert.ThrowsExactly<ArgumentException>(() => (ExportOptions.Default with { EarlyThreshold = 1.5 }).Validate());
        Assert.ThrowsExactly<ArgumentException>(() => (ExportOptions.Default with { EarlyMinWords = 0 }).Validate());
        Assert.ThrowsExactly<ArgumentException>(() => (ExportOptions.Default with { ParentHash = new byte[31] }).Validate());
    }

    [TestMethod]
    public void MissingModelFolderIsAModelFolderException()
    {
        using var folder = new TempFolder();
        Assert.ThrowsExactly<ModelFolderException>(() => ModelFolderExport.Export(Path.Combine(folder.Path, "none"), ExportOptions.Default));
    }
}

[TestClass]
public sealed class FixedPointSettingsTests
{
    /// <summary>Rounding keeps every float decision p ≥ θ (p_q = round(2^15·p) ≥ θ_q) and lets through only p within half a unit below θ.</summary>
    [TestMethod]
    public void ThresholdRoundingKeepsTheFloatDecisions()
    {
        var random = new Random(11);
        for (int trial = 0; trial < 100_000; trial++)
        {
            double theta = random.NextDouble(), p = random.NextDouble();
            int q = FixedPointSettings.ProbabilityQ15(theta);
            int pq = (int)Math.Round(p * 32768, MidpointRounding.AwayFromZero);
            if (p >= theta) Assert.IsTrue(pq >= q, $"θ {theta}, p {p}");
            else if (pq >= q) Assert.IsLessThanOrEqualTo(0.5 / 32768, theta - p, $"θ {theta}, p {p}");
        }
    }

    [TestMethod]
    public void EndpointsAndTemperature()
    {
        Assert.AreEqual(0, FixedPointSettings.ProbabilityQ15(0));
        Assert.AreEqual(32768, FixedPointSettings.ProbabilityQ15(1));
        Assert.AreEqual(16384, FixedPointSettings.ProbabilityQ15(0.5));
        Assert.AreEqual(65536, FixedPointSettings.TemperatureQ16(1));
        Assert.AreEqual(1, FixedPointSettings.TemperatureQ16(1e-9));
        Assert.AreEqual(1 << 24, FixedPointSettings.TemperatureQ16(1e9));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FixedPointSettings.ProbabilityQ15(1.01));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => FixedPointSettings.TemperatureQ16(0));
    }
}

[TestClass]
public sealed class BlobInspectionTests
{
    [TestMethod]
    [DataRow(0, 0)]
    [DataRow(3, 0)]
    [DataRow(3, 2)]
    public void MacsPerWordAreCountedForEveryContextMix(int block, int radial)
    {
        var options = new TrainOptions { FineTune = false, BlockSize = block, RadialSize = radial, MaxWords = 12 };
        FloatModel model = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, options).Model;
        var inspection = BlobInspection.Of(BlobExporter.Export(model, new byte[32], null, ExportOptions.Default).Bytes);
        Assert.IsTrue(inspection.Valid);
        MacsPerWord macs = inspection.Macs()!;
        Assert.IsGreaterThan(0, macs.First);
        Assert.IsGreaterThanOrEqualTo(macs.First, macs.FullContext);
        if (block == 0 && radial == 0) Assert.AreEqual(macs.First, macs.FullContext, "the document part costs the same at every word");
        else Assert.IsGreaterThan(macs.First, macs.FullContext, "attention grows with the context");
    }

    [TestMethod]
    public void LayoutOfABlobTooShortForAHeaderIsEmptyNotAnException()
    {
        var inspection = BlobInspection.Of([0x53, 0x41]);
        Assert.IsFalse(inspection.Valid);
        Assert.IsNull(inspection.Layout.Header);
        Assert.IsEmpty(inspection.Layout.Sections);
        Assert.IsNull(inspection.Macs());
    }

    [TestMethod]
    public void EveryTruncationOfAGoodBlobIsReadWithoutThrowing()
    {
        byte[] blob = BlobExporter.Export(BlobExporterTests.TrainTiny().Model, new byte[32], null, ExportOptions.Default).Bytes;
        for (int n = 0; n < blob.Length; n += 7)
        {
            var inspection = BlobInspection.Of(blob[..n]);
            Assert.IsFalse(inspection.Valid, $"{n} bytes");
            _ = (inspection.Layout.Config, inspection.Layout.Decision, inspection.Layout.Identity, inspection.Layout.Intents,
                inspection.Layout.TagLabels, inspection.Layout.VocabularyCount, inspection.Layout.ActionMapCounts, inspection.Lights());
        }
    }

    [TestMethod]
    public void RandomlyCorruptedBlobsAreReadWithoutThrowing()
    {
        byte[] good = BlobExporter.Export(BlobExporterTests.TrainTiny().Model, new byte[32], null, ExportOptions.Default).Bytes;
        var random = new Random(2026);
        for (int trial = 0; trial < 2000; trial++)
        {
            byte[] blob = (byte[])good.Clone();
            for (int k = random.Next(1, 6); k > 0; k--) blob[random.Next(trial % 2 == 0 ? 256 : blob.Length)] = (byte)random.Next(256);
            var inspection = BlobInspection.Of(blob);
            _ = (inspection.Layout.Config, inspection.Layout.Decision, inspection.Layout.Identity, inspection.Layout.Intents,
                inspection.Layout.TagLabels, inspection.Layout.VocabularyCount, inspection.Layout.ActionMapCounts, inspection.Lights(),
                inspection.Macs(), inspection.ContentHashMatches);
        }
    }
}
