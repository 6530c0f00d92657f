using Saffu.Training.Solver;

namespace Saffu.Training.Tests.Solver;

[TestClass]
public class ExplicitLayerTests
{
    [TestMethod]
    public void MatchesTheFormulaWorkedByHand()
    {
        // F (2 features × 2 targets) = [[3, 1], [1, 0]], K = 2, ε = 0.5:
        // W[j,i] = ln(F + ½) − ½·ln(colsum + ½); colsums 4 and 1.
        double[] f = [3, 1, 1, 0];
        float[] w = ExplicitLayer.Solve(f, 2, 2, k: 2, epsilon: 0.5);
        double[] expected =
        [
            Math.Log(3.5) - 0.5 * Math.Log(4.5), Math.Log(1.5) - 0.5 * Math.Log(1.5),
            Math.Log(1.5) - 0.5 * Math.Log(4.5), Math.Log(0.5) - 0.5 * Math.Log(1.5),
        ];
        for (int i = 0; i < 4; i++) Assert.AreEqual(expected[i], w[i], 1e-6);
    }

    [TestMethod]
    public void WithKOneItIsTheLogLikelihoodAndScaleMultiplies()
    {
        double[] f = [2, 0, 6, 1];
        float[] w = ExplicitLayer.Solve(f, 2, 2, k: 1, epsilon: 1e-3, scale: 5);
        Assert.AreEqual(5 * Math.Log(6.001), w[2], 1e-4);
        Assert.AreEqual(5 * Math.Log(0.001), w[1], 1e-4);
    }

    [TestMethod]
    public void UnseenTargetGetsTheSmallestSeenWeight()
    {
        double[] f = [4, 0, 0, 1, 0, 3];   // 2 features × 3 targets; target 1 never seen
        float[] w = ExplicitLayer.Solve(f, 2, 3, k: 3, epsilon: 0.1);
        float smallest = new[] { w[0], w[2], w[3], w[5] }.Min();
        Assert.AreEqual(smallest, w[1]);
        Assert.AreEqual(smallest, w[4]);
    }

    [TestMethod]
    public void NoExamplesIsRefused()
    {
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => ExplicitLayer.Solve(new double[4], 2, 2, 0, 0.1));
    }
}
