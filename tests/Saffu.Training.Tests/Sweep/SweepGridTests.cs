using Saffu.Training.Sweep;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Sweep;

[TestClass]
public class SweepGridTests
{
    [TestMethod]
    public void TheHwu64GridStartsFromTheTrainDefaultsAndVariesTauD()
    {
        var defaults = SweepRunner.DefaultsPoint(new TrainOptions());
        Assert.AreEqual("b0-D-B16-R2-p1-e0.1-tu1-td0.3-pw0-c0-u16-k0-ft0", defaults.Key);
        var sample = SweepGrid.Sample(300, 1, defaults);
        Assert.AreEqual(defaults, sample[0]);
        Assert.AreEqual(300, sample.Select(c => c.Key).Distinct().Count());
        CollectionAssert.AreEquivalent(new double?[] { 0.3, 1 }, SweepGrid.All().Where(c => c.Document).Select(c => c.TauD).Distinct().ToArray());
        Assert.IsTrue(SweepGrid.All().Where(c => !c.Document).All(c => c.TauD is null), "no τ_D without the document part");
        Assert.IsTrue(SweepGrid.All().Any(c => c is { Block: 16, Radial: 2, TauU: 1 }));
        // The options a point trains with carry its τ_D; a point without one keeps the defaults'.
        Assert.AreEqual(1, (defaults with { TauD = 1 }).Options(new TrainOptions()).Solver.TauD);
        Assert.AreEqual(0.3, (defaults with { TauD = null }).Options(new TrainOptions()).Solver.TauD);
    }

    [TestMethod]
    public void TheLightsGridKeepsItsKeys()
    {
        Assert.IsTrue(SweepGrid.AllLights().All(c => c.TauD is null && !c.Key.Contains("-td", StringComparison.Ordinal)));
        Assert.IsTrue(SweepGrid.AllLights().All(c => c.TauU is 2 or 5));
    }
}
