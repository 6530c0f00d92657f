using Saffu.Training.Solver;

namespace Saffu.Training.Tests.Solver;

[TestClass]
public class LowRankTests
{
    [TestMethod]
    public void ARankTwoMatrixPlusRowConstantsIsRecoveredExactlyAtRankTwo()
    {
        int rows = 7, cols = 5;
        var random = new Random(3);
        var a = Enumerable.Range(0, rows * 2).Select(_ => random.NextDouble() - 0.5).ToArray();
        var b = Enumerable.Range(0, 2 * cols).Select(_ => random.NextDouble() - 0.5).ToArray();
        var m = new float[rows * cols];
        for (int i = 0; i < rows; i++)
        {
            double offset = 10 * i;   // a row constant: no effect on softmax(x·U), dropped by centring
            for (int j = 0; j < cols; j++) m[i * cols + j] = (float)(offset + a[i * 2] * b[j] + a[i * 2 + 1] * b[cols + j]);
        }
        float[] t = LowRank.Truncate(m, rows, cols, 2);
        for (int i = 0; i < rows; i++)
        {
            double meanM = 0, meanT = 0;
            for (int j = 0; j < cols; j++) { meanM += m[i * cols + j] / cols; meanT += t[i * cols + j] / cols; }
            for (int j = 0; j < cols; j++) Assert.AreEqual(m[i * cols + j] - meanM, t[i * cols + j] - meanT, 1e-4, $"({i}, {j})");
        }
    }

    [TestMethod]
    public void TheFactorsHaveTheirShapesAndRankOneLosesTheSecondDirection()
    {
        var m = new float[] { 1, -1, 0, 0, 0, 0, 2, -2, 0, 0.5f, 0, -0.5f };   // 4 × 3
        var (fa, fb) = LowRank.Factor(m, 4, 3, 1);
        Assert.HasCount(4, fa);
        Assert.HasCount(3, fb);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => LowRank.Factor(m, 4, 3, 3));
    }

    [TestMethod]
    public void AFineTunedLowRankModelReportsTheAccuracyOfTheTruncatedModelItKeeps()
    {
        var options = new Saffu.Training.Training.TrainOptions { MinCount = 1, BlockSize = 0, RadialSize = 0 };
        options = options with { Solver = options.Solver with { URank = 1 } };
        var result = Saffu.Training.Training.Trainer.Train(Saffu.Training.Tests.Training.TinyCorpus.Train, Saffu.Training.Tests.Training.TinyCorpus.Valid, options);
        var model = result.Model;
        var valid = Saffu.Training.Training.EncodedCorpus.Encode(Saffu.Training.Tests.Training.TinyCorpus.Valid, model.Vocabulary, model.Intents, null, out _);
        Assert.IsNotEmpty(result.FineTuneHistory, "fine-tuned");
        Assert.AreEqual(Saffu.Training.FineTuning.HeldOutAccuracy.Of(model, valid), result.Measurements.FinalValidAccuracy);
        // Every context U is rank 1 again after fine-tuning: its truncation changes nothing.
        var u = model.Weights.DocumentU!;
        var again = LowRank.Truncate(u, model.Config.Bits, model.Config.LabelDim, 1);
        Assert.IsLessThan(1e-3, Enumerable.Range(0, u.Length).Max(i => Math.Abs(again[i] - u[i])));
    }
}
