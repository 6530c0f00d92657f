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
    /// A correction is decided on its own words (docs/action-map.md step 0), on LightsModel.CreateWithCorrections: its sixth
    /// intent ("weather") is a cancel intent, like HassNevermind, and two "weather" outvote one command word — the model
    /// "reads the cancellation". Stand-ins for the lead table: "weather" and "in" are fillers ("nope", "sorry"), "weather
    /// weather" a cancellation ("no wait"), "to all" a cancellation ending in a negation ("no don't"), "all" a negation
    /// ("don't"), "turn" and "set" light verbs. Every test
    /// acts on at least one correction, so each fails with the rule off (nothing would act: the model decides the cancel
    /// intent, or the planner's rule for a sentence that takes itself back cancels).
    /// </summary>
    [TestClass]
    public class CorrectionPlanTests
    {
        internal static SaffuModel Load()
        {
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(LightsModel.CreateWithCorrections()));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        /// <summary>Runs the line, plans it, and returns the commands as text ("P13=1000").</summary>
        static string Say(SaffuModel model, string line)
        {
            Assert.AreEqual(PushResult.Ok, model.Session.RunLine(line), line);
            model.Actions.Plan(model.Session.Decision);
            PinCommands c = model.Actions.Commands;
            string text = "";
            for (int i = 0; i < c.Count; i++) text += (i > 0 ? " " : "") + "P" + c.Pin(i) + "=" + c.Level(i);
            return text;
        }

        static void AssertCancelled(SaffuModel m, string line)
        {
            Assert.AreEqual("", Say(m, line), line);
            Assert.AreEqual((int)ActionOutcome.Cancelled, (int)m.Actions.Outcome, line);
            Assert.AreEqual(-1, m.Actions.CorrectionWords, line);
        }

        [TestMethod]
        public void ACommandAfterACancellationIsDecidedAlone()
        {
            SaffuModel m = Load();
            // "no wait, turn on the desk lamp": the model decides the cancel intent from the whole sentence.
            Assert.AreEqual("P13=1000", Say(m, "weather weather turn on the desk lamp"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)m.Actions.Outcome);
            Assert.AreEqual(2, m.Actions.CorrectionWords);
            Assert.AreEqual("turn on the desk lamp", m.Actions.CorrectionText(m.Session.State.Tokens));
            Assert.AreEqual(LightsModel.TurnOn, m.Session.Decision.TopIntent);   // the session holds the corrected command
            Assert.AreEqual(5, m.Session.Words);
            // A filler after the taking back is skipped: "cancel that, please set the desk lamp to 40 percent".
            Assert.AreEqual("P13=400", Say(m, "weather weather in set the desk lamp to 40 percent"));
            Assert.AreEqual(3, m.Actions.CorrectionWords);
            Assert.AreEqual("set the desk lamp to 40 percent", m.Actions.CorrectionText(m.Session.State.Tokens));
            // A plain command is no correction.
            Assert.AreEqual("P33=1", Say(m, "turn on the hall light"));
            Assert.AreEqual(-1, m.Actions.CorrectionWords);
            Assert.IsNull(m.Actions.CorrectionText(m.Session.State.Tokens));
        }

        [TestMethod]
        public void TheLastCommandOfASentenceThatCorrectsItselfIsDone()
        {
            SaffuModel m = Load();
            // "turn on the desk lamp, no wait, turn on the hall light": the hall light only.
            Assert.AreEqual("P33=1", Say(m, "turn on the desk lamp weather weather turn on the hall light"));
            Assert.AreEqual(7, m.Actions.CorrectionWords);
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp weather weather turn on the desk lamp"));
            // Taken back with nothing after it: "turn off the hall light, no wait".
            AssertCancelled(m, "turn off the hall light weather weather");
        }

        [TestMethod]
        public void FillersTheModelReadAsACancellationOpenACorrection()
        {
            SaffuModel m = Load();
            Say(m, "turn on the desk lamp");
            // "nope, sorry, nope, turn off the desk lamp": no cancellation phrase, but the model decided the cancel intent.
            Assert.AreEqual("P13=0", Say(m, "weather in weather turn off the desk lamp"));
            Assert.AreEqual(3, m.Actions.CorrectionWords);
            // Without the fillers first, the model's cancel intent stands: "turn off the desk lamp nope nope".
            AssertCancelled(m, "turn off the desk lamp weather in weather");
        }

        [TestMethod]
        public void RunFromDecidesAsTheWordsSaidAlone()
        {
            SaffuModel m = Load();
            Session s = m.Session;
            Assert.AreEqual(PushResult.Ok, s.RunLine("set the desk lamp to 40 percent"));
            int[] alone = new int[LightsModel.Intents.Length];
            for (int i = 0; i < alone.Length; i++) alone[i] = s.Decision.Score(i);
            int position = s.Position, start = s.Decision.SlotStart(0), macs = (int)s.MacCount;
            Assert.AreEqual(PushResult.Ok, s.RunLine("weather weather in set the desk lamp to 40 percent"));
            Assert.AreEqual(PushResult.BadWordId, s.RunFrom(1));            // the first word: nothing to leave out
            Assert.AreEqual(PushResult.BadWordId, s.RunFrom(s.Position));   // no word left
            Assert.AreEqual(10, s.Words);                                   // unchanged by the refusals
            Assert.AreEqual(PushResult.Ok, s.RunFrom(4));
            Assert.AreEqual(position, s.Position);
            for (int i = 0; i < alone.Length; i++) Assert.AreEqual(alone[i], s.Decision.Score(i));
            Assert.AreEqual(start, s.Decision.SlotStart(0));
            Assert.AreEqual(macs, (int)s.MacCount);
            Assert.AreEqual(40, s.Decision.SlotNumber(FindSlot(s.Decision, ActionPlanner.BrightnessSlot)));
        }

        static int FindSlot(Decision d, string name)
        {
            for (int k = 0; k < d.SlotCount; k++)
            {
                if (d.SlotName(k) == name) return k;
            }
            return -1;
        }

        [TestMethod]
        public void NoCommandOrANegatedOneAfterTheTakingBackIsCancelled()
        {
            SaffuModel m = Load();
            Assert.AreEqual("P33=1", Say(m, "weather weather turn on the hall light"));   // the rule is on
            AssertCancelled(m, "weather weather");                                         // "no wait"
            AssertCancelled(m, "weather weather the desk lamp");                           // "never mind the desk lamp": no light verb
            AssertCancelled(m, "weather weather to all turn on the desk lamp");            // "no wait, no don't turn on the desk lamp"
            AssertCancelled(m, "weather weather all turn on the desk lamp");               // "no wait, don't turn on …"
            AssertCancelled(m, "turn on the desk lamp to all");                            // "turn on the desk lamp no don't"
            AssertCancelled(m, "weather weather turn on the desk lamp weather weather");   // taken back again at the end
        }
    }
}
