using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Vocabulary;

[TestClass]
public class WordCodesTests
{
    [TestMethod]
    public void OneHotThenTwoHotCodesAndTheirComparisons()
    {
        var codes = new WordCodes(vocabularySize: 6, bitCount: 4);   // ranks 0..3 one-hot, 4 = {0,1}, 5 = {0,2}
        CollectionAssert.AreEqual(new short[] { 2 }, codes.Of(2).ToArray());
        CollectionAssert.AreEqual(new short[] { 0, 1 }, codes.Of(4).ToArray());
        CollectionAssert.AreEqual(new short[] { 0, 2 }, codes.Of(5).ToArray());
        Assert.AreEqual(2, codes.MaxPopcount);
        Assert.AreEqual(1f, codes.Compare(1, 1));
        Assert.AreEqual(0f, codes.Compare(1, 2));
        Assert.AreEqual(0.5f, codes.Compare(0, 4), "|{0}∩{0,1}| / (1·2)");
        Assert.AreEqual(0.25f, codes.Compare(4, 5), "|{0,1}∩{0,2}| / (2·2)");
        Assert.AreEqual(0.5f, codes.Compare(5, 5), "self: 2 / 4 = 1/k");
    }

    [TestMethod]
    public void ProjectionIsTheCodeTimesU()
    {
        var codes = new WordCodes(6, 4);
        float[] u = [1, 10, 2, 20, 3, 30, 4, 40];   // 4 × 2
        var p = new float[2];
        codes.AddProjection(5, u, 2, p);            // x = (½, 0, ½, 0)
        CollectionAssert.AreEqual(new[] { 2f, 20f }, p);
    }

    [TestMethod]
    public void TooSmallBitsAreRefusedAndMinimumBitsFits()
    {
        Assert.ThrowsExactly<ArgumentException>(() => new WordCodes(8, 3));   // 2^3 − 1 = 7 codes
        Assert.AreEqual(4, WordCodes.MinimumBits(8));
        Assert.AreEqual(3, WordCodes.MinimumBits(7));
        _ = new WordCodes(7, 3);
    }
}
