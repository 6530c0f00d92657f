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
    /// Level phrases (docs/action-map.md step 3, layout 8): "full" and "3 quarters" set an absolute brightness as a number
    /// would, also over a step said before them, never a step up from off. The handcrafted LightsModel with two more words:
    /// "full" (tagged B-step, as the shipped tagger tags it) and "quarters" (untagged); its home with "full" a level phrase
    /// (100 %) and "quarters" a fraction (25 % each). Commands read "P13=400" (PWM permille) or "D33=1" (digital).
    /// </summary>
    [TestClass]
    public class LevelPlanTests
    {
        /// <summary>The model; levels false: "full" is a step up phrase instead (how layout 7 stored it).</summary>
        static SaffuModel Load(bool levels)
        {
            TestModelSpec spec = LightsModel.Create(false);
            spec.Words = LightsModel.WordsAnd("full", "quarters");   // 40 words, one-hot codes in its 40 bits
            LightsModel.Retag(spec, "full", "B-step");
            TestActionMap home = LightsModel.Home(spec.Words);
            if (levels)
            {
                home.Level("full", 100, false);
                home.Level("quarters", 25, true);
            }
            else home.Step("full", true);
            spec.ActionMap = home.Write();
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        static string Say(SaffuModel model, string line) { return PlanText.Say(model, line); }

        [TestMethod]
        public void ALevelPhraseSetsThatLevelNotAStepFromOff()
        {
            Assert.AreEqual("P13=200", Say(Load(false), "set the desk lamp to full"), "as a step up: 20 % from off");
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=1000", Say(m, "set the desk lamp to full"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)m.Actions.Outcome);
            Assert.AreEqual(100, m.Actions.Level);
            Assert.AreEqual(100, m.Actions.Brightness);
            Assert.AreEqual(0, m.Actions.Step);
            Assert.AreEqual("D33=1", Say(m, "set the hall light to full"), "a plain light: on");
        }

        [TestMethod]
        public void ALevelWinsOverAStepSaidBeforeIt()
        {
            SaffuModel m = Load(true);
            // "dim the lounge to a quarter": the step "dim" is tagged, the level is not; it was a step down from off.
            Assert.AreEqual("P13=250", Say(m, "dim the desk lamp to quarters"));
            Assert.AreEqual(25, m.Actions.Level);
            Assert.AreEqual(0, m.Actions.Step);
        }

        [TestMethod]
        public void AFractionCountsTheNumberSaidBeforeIt()
        {
            SaffuModel m = Load(true);
            // "three quarters": the tagger reads the number as the brightness (3); the fraction makes it 75.
            Assert.AreEqual("P13=750", Say(m, "set the desk lamp to 3 quarters"));
            Assert.AreEqual(75, m.Actions.Brightness);
            Assert.AreEqual("P13=1000", Say(m, "set the desk lamp to 9 quarters"), "clamped to 100");
        }

        [TestMethod]
        public void ANumberSaidElsewhereAndAStepSaidAfterTheLevelWin()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=300", Say(m, "set the desk lamp to 30 percent full"));
            Assert.AreEqual(-1, m.Actions.Level);
            Assert.AreEqual("P13=600", Say(m, "set the desk lamp to 60 percent"));
            // "it is on full, dim it": the level says what the light is at, the step what is wanted.
            Assert.AreEqual("P13=400", Say(m, "set the desk lamp quarters dim"));
            Assert.AreEqual(-1, m.Actions.Step);
            Assert.AreEqual(-1, m.Actions.Level);
        }

        [TestMethod]
        public void ALevelTaggedAsAStepBeforeAColourIsNoComplaint()
        {
            SaffuModel m = Load(true);
            // "full red": a step span that is a level phrase, right before the colour — not "too red" (ColourStep).
            Assert.AreEqual("P26=1000 P27=0 P32=0", Say(m, "make the bedside lamp full red"));
            Assert.AreEqual(0, m.Actions.Color);
            Assert.AreEqual(100, m.Actions.Level);
        }

        [TestMethod]
        public void ReportersShowALevelAsTheBrightnessItSets()
        {
            SaffuModel m = Load(true);
            Say(m, "set the desk lamp to full");
            SlotReport report = new SlotReport();
            report.Read(m.Session, m.Actions, false);
            Assert.AreEqual(100, report.Brightness, "a step span that is a level phrase, before a plan");
            Assert.IsNull(report.Step);
            Say(m, "dim the desk lamp to quarters");
            report.Read(m.Session, m.Actions, true);
            Assert.AreEqual(25, report.Brightness, "the level the planner read from the words");
            Assert.IsNull(report.Step);
            report.Read(m.Session, m.Actions, false);
            Assert.AreEqual("down", report.Step, "before the plan: the tagged step");
        }
    }
}
