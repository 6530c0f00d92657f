#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// Relative changes (docs/action-map.md step 3, "A relative change", layout 8): a value right after a relative marker
    /// (lead kind 16, "by") in a set that says a step direction changes each target's level — a number by that many points,
    /// a fraction by that share of the level. The handcrafted LightsModel with two more words: "quarters" (a fraction, 25 %
    /// each) and "by" (untagged, the relative marker when the map says so). Commands read "P13=400" (PWM permille) or "D33=1".
    /// </summary>
    [TestClass]
    public class RelativePlanTests
    {
        /// <summary>The model; marker false: the map has no relative marker (every value absolute, as before).</summary>
        static SaffuModel Load(bool marker)
        {
            TestModelSpec spec = LightsModel.Create(false);
            spec.Words = LightsModel.WordsAnd("quarters", "by");   // 40 words, one-hot codes in its 40 bits
            TestActionMap home = LightsModel.Home(spec.Words);
            home.Level("quarters", 25, true);
            if (marker) home.Lead(ActionMap.WordRelativeMarker, "by");
            spec.ActionMap = home.Write();
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        static string Say(SaffuModel model, string line) { return PlanText.Say(model, line); }

        [TestMethod]
        public void ANumberAfterByMovesTheLevelByThatManyPoints()
        {
            SaffuModel old = Load(false);
            Assert.AreEqual("P13=300", Say(old, "set the desk lamp to 30 percent"));
            Assert.AreEqual("P13=100", Say(old, "dim the desk lamp by 10 percent"), "without a marker: absolute, brighter or darker");
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=300", Say(m, "set the desk lamp to 30 percent"));
            Assert.AreEqual("P13=200", Say(m, "dim the desk lamp by 10 percent"));
            Assert.AreEqual(-1, m.Actions.Relative);
            Assert.IsFalse(m.Actions.RelativeFraction);
            Assert.AreEqual(10, m.Actions.Brightness);
            Assert.AreEqual("P13=500", Say(m, "turn the desk lamp up by 30 percent"));
            Assert.AreEqual(1, m.Actions.Relative);
            Assert.AreEqual("P13=1000", Say(m, "turn the desk lamp up by 90 percent"), "clamped to 100");
        }

        [TestMethod]
        public void AFractionAfterByTakesThatShareOfTheLevel()
        {
            SaffuModel old = Load(false);
            Say(old, "set the desk lamp to 30 percent");
            Assert.AreEqual("P13=500", Say(old, "dim the desk lamp by 2 quarters"), "without a marker: 50 %, brighter");
            SaffuModel m = Load(true);
            Say(m, "set the desk lamp to 30 percent");
            Assert.AreEqual("P13=150", Say(m, "dim the desk lamp by 2 quarters"), "halved");
            Assert.AreEqual(-1, m.Actions.Relative);
            Assert.IsTrue(m.Actions.RelativeFraction);
            Assert.AreEqual("P13=110", Say(m, "dim the desk lamp by quarters"), "15 × 0.75 = 11.25, rounded");
            Assert.AreEqual("P13=190", Say(m, "turn the desk lamp up by 3 quarters"), "11 × 1.75 = 19.25");
        }

        [TestMethod]
        public void WithoutByOrWithoutADirectionTheValueStaysAbsolute()
        {
            SaffuModel m = Load(true);
            Say(m, "set the desk lamp to 30 percent");
            Assert.AreEqual("P13=500", Say(m, "dim the desk lamp to 2 quarters"));
            Assert.AreEqual(0, m.Actions.Relative);
            Assert.AreEqual("P13=400", Say(m, "set the desk lamp by 40 percent"), "no step said");
            Assert.AreEqual(0, m.Actions.Relative);
            Assert.AreEqual("P13=100", Say(m, "dim the desk lamp to 10 percent"));
        }

        [TestMethod]
        public void DownToZeroIsOffAndAnOffLightStepsFromZero()
        {
            SaffuModel m = Load(true);
            Say(m, "set the desk lamp to 30 percent");
            Assert.AreEqual("P13=0", Say(m, "dim the desk lamp by 40 percent"), "down past 0: off, as a step down");
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            Assert.AreEqual("P13=200", Say(m, "turn the desk lamp up by 20 percent"), "from off: 0 + 20, as a step up");
            Say(m, "turn off the desk lamp");
            Assert.AreEqual("P13=0", Say(m, "turn the desk lamp up by 2 quarters"), "a share of off is off");
            Assert.AreEqual("D33=1", Say(m, "turn the hall light up by 10 percent"), "a plain light: up is on, as a step");
            Assert.AreEqual("D33=0", Say(m, "dim the hall light by 10 percent"), "down is off");
        }
    }
}
