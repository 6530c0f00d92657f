using Saffu.Training.Evaluation;

namespace Saffu.Training.Tests.Evaluation;

[TestClass]
public class RejectionThresholdTests
{
    [TestMethod]
    public void RejectsExactlyTheAllowedShare()
    {
        double[] c = [0.9, 0.1, 0.5, 0.3, 1.0, 0.7, 0.2, 0.8, 0.6, 0.4];
        double t = RejectionThreshold.Choose(c, 0.2);
        Assert.AreEqual(0.3, t);
        Assert.AreEqual(0.2, RejectionThreshold.ShareBelow(c, t));
    }

    [TestMethod]
    public void TwoPercentOfFiftyAllowsOne()
    {
        double[] c = Enumerable.Range(1, 50).Select(i => i / 100.0).ToArray();
        Assert.AreEqual(0.02, RejectionThreshold.Choose(c, 0.02));
        Assert.AreEqual(0.01, RejectionThreshold.Choose(c, 0.0199));
    }

    [TestMethod]
    public void TiesAtTheThresholdAreAllKept()
    {
        double[] c = [0.5, 0.9, 0.5, 0.5];
        double t = RejectionThreshold.Choose(c, 0.25);
        Assert.AreEqual(0.5, t);
        Assert.AreEqual(0.0, RejectionThreshold.ShareBelow(c, t));
    }

    [TestMethod]
    public void AllEqualRejectsNothing()
    {
        double[] c = [0.7, 0.7, 0.7, 0.7, 0.7];
        Assert.AreEqual(0.7, RejectionThreshold.Choose(c, 0.4));
        Assert.AreEqual(0.0, RejectionThreshold.ShareBelow(c, 0.7));
    }

    [TestMethod]
    public void ZeroToleranceGivesTheSmallestAndFullToleranceGivesOne()
    {
        double[] c = [0.6, 0.3, 0.8];
        Assert.AreEqual(0.3, RejectionThreshold.Choose(c, 0));
        Assert.AreEqual(1.0, RejectionThreshold.Choose(c, 1));
        Assert.AreEqual(0.8, RejectionThreshold.Choose(c, 0.999));
    }

    [TestMethod]
    public void SingleConfidence()
    {
        Assert.AreEqual(0.42, RejectionThreshold.Choose([0.42], 0.02));
        Assert.AreEqual(1.0, RejectionThreshold.Choose([0.42], 1));
    }

    [TestMethod]
    public void IsTheLargestThresholdWithinTheBudget()
    {
        var random = new Random(99);
        for (int trial = 0; trial < 50; trial++)
        {
            int n = random.Next(1, 200);
            // Rounded to two decimals so that ties occur often.
            double[] c = Enumerable.Range(0, n).Select(_ => Math.Round(random.NextDouble(), 2)).ToArray();
            double share = random.NextDouble() * 0.3;
            double t = RejectionThreshold.Choose(c, share);
            string seed = $"trial {trial}, n {n}, share {share}";
            Assert.IsLessThanOrEqualTo(share, RejectionThreshold.ShareBelow(c, t), seed);
            double next = c.Where(x => x > t).DefaultIfEmpty(double.NaN).Min();
            if (!double.IsNaN(next))
                Assert.IsGreaterThan(share, RejectionThreshold.ShareBelow(c, Math.BitIncrement(t)), seed);
        }
    }

    [TestMethod]
    public void BadInputIsRejected()
    {
        var empty = Assert.ThrowsExactly<ArgumentException>(() => RejectionThreshold.Choose([], 0.02));
        StringAssert.Contains(empty.Message, "at least one");
        Assert.ThrowsExactly<ArgumentException>(() => RejectionThreshold.Choose([0.5, double.NaN], 0.02));
        Assert.ThrowsExactly<ArgumentException>(() => RejectionThreshold.Choose([1.5], 0.02));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RejectionThreshold.Choose([0.5], -0.1));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RejectionThreshold.Choose([0.5], double.NaN));
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => RejectionThreshold.Choose([0.5], 1.5));
    }
}
