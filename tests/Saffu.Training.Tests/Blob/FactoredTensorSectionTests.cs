using Saffu.Training.Blob;
using Saffu.Training.Quantization;

namespace Saffu.Training.Tests.Blob;

/// <summary>
/// The FactoredTensors section writer (docs/model-blob.md §14): the golden bytes the runtime's FactoredTensorTests loads
/// (the golden model's U_D = [0 0; 0.5 −0.5; −0.5 0.5] as A = [0; 0.5; −0.5] times B = [1 −1]), and the factor quantizer's
/// shift rule (every column's e_A + e_B − 16 − F ≥ 0).
/// </summary>
[TestClass]
public sealed class FactoredTensorSectionTests
{
    static readonly QuantizedTensor A = new(3, 1, 16, false, [32768], [30], [0, 16384, -16384]);
    static readonly QuantizedTensor B = new(1, 2, 16, false, [32768], [29], [16384, -16384]);

    [TestMethod]
    public void WritesTheGoldenBytes() =>
        Assert.AreEqual(
            "01" + "01" + "0000"
            + "0300010010000000" + "0080" + "1E00" + "0000" + "0040" + "00C0" + "0000"
            + "0100020010000000" + "0080" + "1D00" + "004000C0",
            Convert.ToHexString(FactoredTensorSection.Write(new FactoredContents(1, [(A, B)]))));

    [TestMethod]
    public void QuantizesTheGoldenFactors()
    {
        var (a, b) = FactoredTensorSection.Quantize([0f, 0.5f, -0.5f], [1f, -1f], 3, 2, 1, new QuantizationOptions(16, PerColumn: true), out int clipped);
        Assert.AreEqual(0, clipped);
        Assert.AreEqual(-1.0, b.Dequantize(0, 1), 1e-4);
        Assert.IsFalse(b.PerColumn, "B has one scale");
        Assert.AreEqual(1.0, b.Dequantize(0, 0), 1e-4);
        Assert.AreEqual(0.5, a.Dequantize(1, 0), 1e-4);
    }

    [TestMethod]
    public void EveryColumnShiftIsAtLeastZero()
    {
        var random = new Random(5);
        foreach (int bits in new[] { 8, 16 })
            for (int trial = 0; trial < 50; trial++)
            {
                float scaleA = (float)Math.Pow(10, random.Next(-3, 3)), scaleB = (float)Math.Pow(10, random.Next(-3, 2));
                float[] a = Enumerable.Range(0, 40 * 4).Select(_ => (float)(random.NextDouble() - 0.5) * scaleA).ToArray();
                float[] b = Enumerable.Range(0, 4 * 9).Select(_ => (float)(random.NextDouble() - 0.5) * scaleB).ToArray();
                var (qa, qb) = FactoredTensorSection.Quantize(a, b, 40, 9, 4, new QuantizationOptions(bits, true), out _);
                for (int r = 0; r < 4; r++)
                    Assert.IsGreaterThanOrEqualTo(0, qa.E[r] + qb.E[0] - 16 - (bits - 1), $"bits {bits}, trial {trial}, column {r}");
            }
    }

    [TestMethod]
    public void RefusesFactorsOfAnotherRank() =>
        Assert.ThrowsExactly<ArgumentException>(() => FactoredTensorSection.Write(new FactoredContents(2, [(A, B)])));
}
