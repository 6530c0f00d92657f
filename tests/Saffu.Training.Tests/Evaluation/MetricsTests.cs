using Saffu.Training.Evaluation;

namespace Saffu.Training.Tests.Evaluation;

[TestClass]
public class MetricsTests
{
    [TestMethod]
    public void PerIntentAndMacroF1MatchAWorkedExample()
    {
        // sklearn.metrics.classification_report on y_true = [0,0,0,1,1,2], y_pred = [0,0,1,1,2,2]:
        // class 0: P 1, R 2/3; class 1: P 1/2, R 1/2; class 2: P 1/2, R 1; macro-F1 0.6444…
        var m = ClassificationMetrics.Compute(["x", "y", "z"], [0, 0, 0, 1, 1, 2], [0, 0, 1, 1, 2, 2]);
        Assert.AreEqual(4.0 / 6, m.Accuracy, 1e-12);
        Assert.AreEqual(1.0, m.PerIntent[0].Precision);
        Assert.AreEqual(2.0 / 3, m.PerIntent[0].Recall, 1e-12);
        Assert.AreEqual(0.8, m.PerIntent[0].F1, 1e-12);
        Assert.AreEqual(0.5, m.PerIntent[1].F1, 1e-12);
        Assert.AreEqual(2.0 / 3, m.PerIntent[2].F1, 1e-12);
        Assert.AreEqual((0.8 + 0.5 + 2.0 / 3) / 3, m.MacroF1, 1e-12);
        Assert.AreEqual(3, m.PerIntent[0].Support);
        Assert.AreEqual(2, m.PerIntent[2].Predicted);
    }

    [TestMethod]
    public void IntentsAbsentFromLabelsAndPredictionsAreLeftOutOfMacroF1()
    {
        var m = ClassificationMetrics.Compute(["x", "y", "unused"], [0, 1], [0, 0]);
        // x: P 1/2, R 1, F1 2/3; y: F1 0 (never predicted); unused: not counted.
        Assert.AreEqual((2.0 / 3 + 0) / 2, m.MacroF1, 1e-12);
        Assert.AreEqual(0, m.PerIntent[2].Support);
        Assert.AreEqual(0.0, m.PerIntent[2].F1);
    }

    [TestMethod]
    public void ReliabilityBinsAreEqualWidthWithOneInTheLastBin()
    {
        Assert.AreEqual(0, ReliabilityDiagram.Bin(0));
        Assert.AreEqual(0, ReliabilityDiagram.Bin(1.0 / 15 - 1e-12));
        Assert.AreEqual(1, ReliabilityDiagram.Bin(1.0 / 15 + 1e-12));
        Assert.AreEqual(14, ReliabilityDiagram.Bin(14.5 / 15));
        Assert.AreEqual(14, ReliabilityDiagram.Bin(1.0));

        var (bins, ece) = ReliabilityDiagram.Measure([0.95, 0.97, 0.99, 0.35], [true, true, false, true]);
        Assert.AreEqual(15, bins.Count);
        Assert.AreEqual(3, bins[14].Count);
        Assert.AreEqual(2.0 / 3, bins[14].Accuracy!.Value, 1e-12);
        Assert.AreEqual(0.97, bins[14].Confidence!.Value, 1e-12);
        Assert.IsNull(bins[0].Accuracy);
        // ECE = 3/4·|2/3 − 0.97| + 1/4·|1 − 0.35|
        Assert.AreEqual(0.75 * (0.97 - 2.0 / 3) + 0.25 * 0.65, ece, 1e-12);
    }

    [TestMethod]
    public void PerfectlyCalibratedHasZeroEce()
    {
        var (_, ece) = ReliabilityDiagram.Measure([0.5, 0.5, 1.0], [true, false, true]);
        Assert.AreEqual(0.0, ece, 1e-12);
    }

    [TestMethod]
    [DataRow(1, new[] { 1, 1, 1, 1 })]
    [DataRow(2, new[] { 1, 1, 2, 2 })]
    [DataRow(3, new[] { 1, 2, 3, 3 })]
    [DataRow(4, new[] { 1, 2, 3, 4 })]
    [DataRow(5, new[] { 2, 3, 4, 5 })]
    [DataRow(10, new[] { 3, 5, 8, 10 })]
    public void PrefixLengthIsTheCeilingOfTheFraction(int words, int[] expected) =>
        CollectionAssert.AreEqual(expected, Anticipation.Fractions.Select(f => Anticipation.PrefixLength(f, words)).ToArray());

    [TestMethod]
    public void ArgMaxTiesGoToTheLowestIdAndSkipTheNoneClass()
    {
        Assert.AreEqual(0, UtteranceScoring.ArgMax([2, 2, 1], skip: -1));
        Assert.AreEqual(1, UtteranceScoring.ArgMax([2, 2, 1], skip: 0));
        Assert.AreEqual(2, UtteranceScoring.ArgMax([5, 1, 3], skip: 0));
    }
}
