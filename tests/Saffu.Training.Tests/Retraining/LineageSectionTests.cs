using Saffu.Training.Blob;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Retraining;

/// <summary>The Lineage section (kind 13) pinned by golden bytes (docs/model-blob.md §13).</summary>
[TestClass]
public class LineageSectionTests
{
    static byte[] Fill(byte b) => Enumerable.Repeat(b, 32).ToArray();

    [TestMethod]
    public void GoldenBytes()
    {
        var lineage = new ModelLineage(Fill(0x11), Fill(0x33), Fill(0x22), Generation: 2, Corrections: 45, Weight: 5);
        byte[] bytes = LineageSection.Write(lineage);
        string expected = string.Concat(Enumerable.Repeat("11", 32)) + string.Concat(Enumerable.Repeat("22", 32))
            + string.Concat(Enumerable.Repeat("33", 32)) + "0200" + "0000" + "2d000000";
        Assert.AreEqual(expected, Convert.ToHexStringLower(bytes), "parentHash, rootHash, correctionsHash, u16 generation, u16 reserved, u32 corrections");
        Assert.AreEqual(LineageSection.Length, bytes.Length);
        var back = LineageSection.Read(bytes)!;
        CollectionAssert.AreEqual(Fill(0x11), back.ParentHash);
        CollectionAssert.AreEqual(Fill(0x22), back.RootHash);
        CollectionAssert.AreEqual(Fill(0x33), back.CorrectionsHash);
        Assert.AreEqual((2, 45u), (back.Generation, back.Corrections));
    }

    [TestMethod]
    public void ABadSectionReadsAsNone()
    {
        byte[] good = LineageSection.Write(new ModelLineage(Fill(1), Fill(2), Fill(3), 1, 3, 1));
        Assert.IsNull(LineageSection.Read(good.AsSpan(0, 100)), "short");
        byte[] reserved = (byte[])good.Clone();
        reserved[98] = 1;
        Assert.IsNull(LineageSection.Read(reserved), "reserved not 0");
        byte[] zero = (byte[])good.Clone();
        zero[96] = 0;
        Assert.IsNull(LineageSection.Read(zero), "generation 0");
        Assert.ThrowsExactly<ArgumentException>(() => LineageSection.Write(new ModelLineage(Fill(1), Fill(2), Fill(3), 0, 3, 1)));
    }
}
