using Saffu.Training.Export;
using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Sweep;
using Saffu.Training.Tests.Training;

namespace Saffu.Training.Tests.Sweep;

/// <summary>A low-rank U is measured from its factored blob (docs/model-blob.md §14), not estimated.</summary>
[TestClass]
public sealed class DeviceCostTests
{
    [TestMethod]
    public void LowRankUIsMeasuredFromTheFactoredBlob()
    {
        var (model, _) = TinyCorpus.RandomModel(bits: 40, seed: 5);
        SaffuConfig c = model.Config;
        const int rank = 1;
        SaffuWeights w = model.Weights;
        w.BlockU = LowRank.Truncate(w.BlockU!, c.Bits, c.LabelDim, rank);
        w.RadialU = LowRank.Truncate(w.RadialU!, c.Bits, c.LabelDim, rank);
        if (w.DocumentU is not null) w.DocumentU = LowRank.Truncate(w.DocumentU, c.Bits, c.LabelDim, rank);
        DeviceCost dense = DeviceCost.Measure(model, ExportOptions.Default, 0);
        DeviceCost factored = DeviceCost.Measure(model, ExportOptions.Default, rank);
        Assert.IsFalse(factored.Estimated, "a factored blob is measured");
        byte[] blob = BlobExporter.Export(model, new byte[32], null, ExportOptions.Default with { URank = rank }).Bytes;
        Assert.AreEqual(blob.Length, factored.BlobBytes);
        Assert.IsLessThan(dense.BlobBytes, factored.BlobBytes, "rank 1 of a 40-bit U is smaller");
        Assert.AreEqual(dense.RamBytes + 4 * rank, factored.RamBytes, "R int32 of RunState");
    }
}
