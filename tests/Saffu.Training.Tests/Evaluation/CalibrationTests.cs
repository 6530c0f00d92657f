using Saffu.Training.Evaluation;

namespace Saffu.Training.Tests.Evaluation;

[TestClass]
public class CalibrationTests
{
    [TestMethod]
    public void EmptyInputKeepsTemperatureOne() =>
        Assert.AreEqual(1.0, Calibration.FitTemperature([], []));

    [TestMethod]
    public void TwoClassOptimumMatchesClosedForm()
    {
        // Rows [4, 0]; three labels 0, one label 1: the best sigmoid(4 / T) is 3/4, so T = 4 / ln 3.
        float[][] logits = [[4, 0], [4, 0], [4, 0], [4, 0]];
        double t = Calibration.FitTemperature(logits, [0, 0, 0, 1]);
        Assert.AreEqual(4 / Math.Log(3), t, 1e-6);
    }

    [TestMethod]
    public void OverconfidentModelIsCooledAndUnderconfidentIsSharpened()
    {
        // Three classes; the right class wins by 6 on 60% of rows and loses on the rest: overconfident.
        var (logits, labels) = Rows(count: 100, margin: 6, correctShare: 0.6);
        Assert.IsGreaterThan(1.0, Calibration.FitTemperature(logits, labels));
        // Wins by 0.5 on 99% of rows: underconfident.
        (logits, labels) = Rows(count: 100, margin: 0.5f, correctShare: 0.99);
        Assert.IsLessThan(1.0, Calibration.FitTemperature(logits, labels));
    }

    [TestMethod]
    public void ResultIsTheMinimumOfAFineScan()
    {
        var random = new Random(1234);
        var logits = new List<float[]>();
        var labels = new List<int>();
        for (int m = 0; m < 300; m++)
        {
            var row = new float[5];
            for (int i = 0; i < row.Length; i++) row[i] = (float)(random.NextDouble() * 8 - 4);
            int label = random.NextDouble() < 0.7 ? Array.IndexOf(row, row.Max()) : random.Next(5);
            logits.Add(row);
            labels.Add(label);
        }
        double fitted = Calibration.FitTemperature(logits, labels);
        double fittedLoss = Calibration.NegativeLogLikelihood(logits, labels, fitted);
        for (double u = -3; u <= 3; u += 0.01)
            Assert.IsLessThanOrEqualTo(Calibration.NegativeLogLikelihood(logits, labels, Math.Exp(u)) + 1e-12, fittedLoss,
                $"T = {Math.Exp(u)} beats the fitted T = {fitted}");
        Assert.AreEqual(fitted, Calibration.FitTemperature(logits, labels), "same input, same bits");
    }

    [TestMethod]
    public void SeparableDataGoesTowardsZeroUntilTheLossIsExactlyZero()
    {
        // The loss keeps falling as T → 0 until it is within rounding of 0; within that floor the T nearest 1 wins.
        float[][] logits = [[3, 0, 0], [0, 2, 0], [0, 0, 5]];
        double t = Calibration.FitTemperature(logits, [0, 1, 2]);
        Assert.IsLessThan(0.1, t);
        Assert.IsLessThanOrEqualTo(1e-15, Calibration.NegativeLogLikelihood(logits, [0, 1, 2], t));
    }

    [TestMethod]
    public void AlwaysWrongGoesToTheLargestTemperature()
    {
        float[][] logits = [[3, 0], [0, 2]];
        Assert.AreEqual(Calibration.MaxTemperature, Calibration.FitTemperature(logits, [1, 0]));
    }

    [TestMethod]
    public void FlatLossPrefersTemperatureOne()
    {
        float[][] uniform = [[1, 1, 1], [-2, -2, -2]];
        Assert.AreEqual(1.0, Calibration.FitTemperature(uniform, [0, 2]));
        float[][] oneClass = [[7], [-3]];
        Assert.AreEqual(1.0, Calibration.FitTemperature(oneClass, [0, 0]));
    }

    [TestMethod]
    public void LargeLogitsDoNotOverflow()
    {
        float[][] logits = [[30000, 0], [30000, 0], [0, 30000]];
        double t = Calibration.FitTemperature(logits, [0, 1, 1]);
        Assert.IsTrue(double.IsFinite(t) && t > 0, $"T = {t}");
        Assert.IsTrue(double.IsFinite(Calibration.NegativeLogLikelihood(logits, [0, 1, 1], t)));
    }

    [TestMethod]
    public void BadInputIsRejectedWithAMessage()
    {
        Assert.ThrowsExactly<ArgumentException>(() => Calibration.FitTemperature([[1, 2]], [0, 1]));
        Assert.ThrowsExactly<ArgumentException>(() => Calibration.FitTemperature([[1, 2]], [2]));
        Assert.ThrowsExactly<ArgumentException>(() => Calibration.FitTemperature([[1, 2]], [-1]));
        Assert.ThrowsExactly<ArgumentException>(() => Calibration.FitTemperature([[1, 2], [1, 2, 3]], [0, 0]));
        Assert.ThrowsExactly<ArgumentException>(() => Calibration.FitTemperature([[]], [0]));
        var e = Assert.ThrowsExactly<ArgumentException>(() => Calibration.FitTemperature([[1, float.NaN]], [0]));
        StringAssert.Contains(e.Message, "NaN");
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => Calibration.NegativeLogLikelihood([[1, 2]], [0], 0));
    }

    [TestMethod]
    public void SoftmaxIsStableAndSumsToOne()
    {
        double[] p = Calibration.Softmax([1000, 1000, 0], 1);
        Assert.AreEqual(0.5, p[0], 1e-12);
        Assert.AreEqual(0.5, p[1], 1e-12);
        Assert.AreEqual(0.0, p[2], 1e-12);
        double[] q = Calibration.Softmax([2, 0], 2);
        Assert.AreEqual(1 / (1 + Math.Exp(-1)), q[0], 1e-12);
    }

    // Three-class rows where the label's logit beats the others by `margin` on the first
    // correctShare of rows and loses by `margin` on the rest.
    private static (List<float[]>, List<int>) Rows(int count, float margin, double correctShare)
    {
        var logits = new List<float[]>();
        var labels = new List<int>();
        for (int m = 0; m < count; m++)
        {
            int label = m % 3;
            var row = new float[3];
            if (m < correctShare * count) row[label] = margin;
            else row[(label + 1) % 3] = margin;
            logits.Add(row);
            labels.Add(label);
        }
        return (logits, labels);
    }
}
