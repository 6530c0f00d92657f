using Saffu.Training.Blob;

namespace Saffu.Training.Tests.Blob;

/// <summary>
/// The WordVectors section writer (docs/model-blob.md §17): the golden bytes the runtime's WordVectorTests loads
/// (the golden model's vectors), and the largest-remainder quantization (exact sums, zero entries dropped).
/// </summary>
[TestClass]
public sealed class WordVectorSectionTests
{
    static readonly int[] Offsets = [0, 1, 3, 4, 6];
    static readonly short[] Bits = [0, 1, 2, 2, 0, 1];
    static readonly float[] Weights = [1f, 0.75f, 0.25f, 1f, 0.5f, 0.5f];

    [TestMethod]
    public void WritesTheGoldenBytes()
    {
        Assert.AreEqual(
            "0400" + "10" + "00" + "0200" + "0000"
            + "00000000" + "01000000" + "03000000" + "04000000" + "06000000"
            + "000001000200020000000100"
            + "008000600020008000400040",
            Convert.ToHexString(WordVectorSection.Write(Offsets, Bits, Weights, 16)));
        Assert.AreEqual(
            "0400" + "08" + "00" + "0200" + "0000"
            + "00000000" + "01000000" + "03000000" + "04000000" + "06000000"
            + "000001000200020000000100"
            + "806020804040" + "0000",
            Convert.ToHexString(WordVectorSection.Write(Offsets, Bits, Weights, 8)));
    }

    [TestMethod]
    public void QuantizedWeightsSumExactlyToOne()
    {
        var random = new Random(3);
        for (int word = 0; word < 500; word++)
        {
            int n = random.Next(1, 40);
            short[] bits = Enumerable.Range(0, n).Select(i => (short)(3 * i)).ToArray();
            float[] weights = Enumerable.Range(0, n).Select(_ => (float)random.NextDouble()).ToArray();
            foreach (int shift in new[] { 7, 15 })
            {
                var (kept, q) = WordVectorSection.Quantize(bits, weights, shift);
                Assert.AreEqual(1L << shift, q.Sum(x => (long)x), $"word {word}, Q{shift}");
                Assert.IsTrue(q.All(x => x >= 1), "entries at 0 are dropped");
                CollectionAssert.IsSubsetOf(kept, bits);
            }
        }
    }

    [TestMethod]
    public void SmallWeightsRoundingToZeroAreDropped()
    {
        var (kept, q) = WordVectorSection.Quantize([0, 5, 9], [0.998f, 0.001f, 0.001f], 7);
        CollectionAssert.AreEqual(new short[] { 0 }, kept);
        CollectionAssert.AreEqual(new[] { 128 }, q);
    }

    [TestMethod]
    public void RefusesBadWeightBits() =>
        Assert.ThrowsExactly<ArgumentException>(() => WordVectorSection.Write(Offsets, Bits, Weights, 12));
}
