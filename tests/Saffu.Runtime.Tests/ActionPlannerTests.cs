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
    /// Every rule of docs/action-map.md, from text through a real session of the handcrafted
    /// LightsModel (desk lamp: PWM 13; hall light: digital 33; bedside lamp: colour 26/27/32;
    /// ceiling light: PWM 25). Commands read "P13=400" (PWM permille) or "D33=1" (digital).
    /// </summary>
    [TestClass]
    public class ActionPlannerTests
    {
        static SaffuModel Load(bool withActions)
        {
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(LightsModel.Create(withActions)));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        static SaffuModel LoadHome(TestActionMap home)
        {
            TestModelSpec spec = LightsModel.Create(false);
            spec.ActionMap = home.Write();
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        /// <summary>
        /// A home whose light names begin with areas, on LightsModel's words: areas office, hallway
        /// (alias hall), bedroom, garage, garage workshop; lights desk lamp (P13), hall light (D33),
        /// bedroom lamp (P14) and ceiling light (P25) in the bedroom, garage light (D16), workshop lamp (P17).
        /// </summary>
        static TestActionMap AreaNamedHome()
        {
            TestActionMap map = new TestActionMap(LightsModel.Words(), LightsModel.IntentActions);
            map.Area(new string[] { "office" });
            map.Area(new string[] { "hallway", "hall" });
            map.Area(new string[] { "bedroom" });
            map.Area(new string[] { "garage" });
            map.Area(new string[] { "garage workshop" });
            map.Light(new string[] { "desk lamp" }, 0, 13, true);
            map.Light(new string[] { "hall light" }, 1, 33, false);
            map.Light(new string[] { "bedroom lamp" }, 2, 14, true);
            map.Light(new string[] { "ceiling light" }, 2, 25, true);
            map.Light(new string[] { "garage light" }, 3, 16, false);
            map.Light(new string[] { "workshop lamp" }, 4, 17, true);
            return map;
        }

        /// <summary>The words of the slot's span in the last decision, "" when it is empty.</summary>
        static string Span(SaffuModel model, string slot)
        {
            Decision d = model.Session.Decision;
            for (int k = 0; k < d.SlotCount; k++)
            {
                if (d.SlotName(k) == slot) return d.SlotText(k);
            }
            return "";
        }

        /// <summary>Runs the line, plans it, and returns the commands as text.</summary>
        static string Say(SaffuModel model, string line) { return PlanText.Say(model, line); }

        static string Text(PinCommands commands) { return PlanText.Text(commands); }

        static void Outcome(SaffuModel model, ActionOutcome outcome, ActionReason reason)
        {
            Assert.AreEqual((int)outcome, (int)model.Actions.Outcome, "outcome " + model.Actions.Outcome.ToString());
            Assert.AreEqual((int)reason, (int)model.Actions.Reason, "reason " + model.Actions.Reason.ToString());
        }

        [TestMethod]
        public void OnRestoresTheLastLevelAndOffGoesToZero()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp"));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.AreEqual((int)ActionKind.On, (int)m.Actions.Action);
            Assert.AreEqual("P13=400", Say(m, "set the desk lamp to 40 percent"));
            Assert.AreEqual("P13=0", Say(m, "turn off the desk lamp"));
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            Assert.AreEqual(40, m.Actions.States.LastLevel(LightsModel.Desk));
            Assert.AreEqual("P13=400", Say(m, "turn on the desk lamp"));
            Assert.AreEqual("D33=1", Say(m, "turn on the hall light"));
            Assert.AreEqual("D33=0", Say(m, "turn off the hall light"));
        }

        [TestMethod]
        public void AnAliasReachesTheLightAndReportsItsCanonicalName()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=1000", Say(m, "turn on the reading lamp"));
            Assert.AreEqual(LightsModel.Desk, m.Actions.Light);
            Assert.AreEqual("desk lamp", m.Actions.LightName());
            Assert.IsNull(m.Actions.AreaName());
        }

        [TestMethod]
        public void ToggleSwitchesOneLight()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("D33=1", Say(m, "toggle the hall light"));
            Assert.AreEqual("D33=0", Say(m, "toggle the hall light"));
            Assert.AreEqual("P13=1000", Say(m, "toggle the desk lamp"));
            Assert.AreEqual((int)ActionKind.Toggle, (int)m.Actions.Action);
        }

        [TestMethod]
        public void AGroupTogglesTogether()
        {
            SaffuModel m = Load(true);
            Say(m, "turn on the desk lamp");
            // One light is on, so every light goes off (not: desk off, the others on).
            Assert.AreEqual("P13=0 D33=0 P26=0 P27=0 P32=0 P25=0", Say(m, "toggle all lights"));
            Assert.AreEqual("P13=1000 D33=1 P26=1000 P27=1000 P32=1000 P25=1000", Say(m, "toggle all lights"));
        }

        [TestMethod]
        public void BrightnessIsAbsoluteAndClamped()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=400", Say(m, "set the desk lamp to 40 percent"));
            Assert.AreEqual(40, m.Actions.Brightness);
            Assert.AreEqual("P13=1000", Say(m, "set the desk lamp to 150 percent"));
            Assert.AreEqual(100, m.Actions.Brightness);
            Assert.AreEqual("P13=50", Say(m, "set the desk lamp to five percent"));
            Assert.AreEqual("P13=0", Say(m, "set the desk lamp to 0 percent"));
            Assert.AreEqual(5, m.Actions.States.LastLevel(LightsModel.Desk));
        }

        [TestMethod]
        public void BrightnessSwitchesAPlainLight()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("D33=1", Say(m, "set the hall light to 30 percent"));
            Assert.AreEqual(100, m.Actions.States.Level(LightsModel.Hall));
            Assert.AreEqual("D33=0", Say(m, "set the hall light to 0 percent"));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
        }

        [TestMethod]
        public void StepsClampAndAStepUpFromOffLightsTheLight()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=200", Say(m, "make the desk lamp brighter"));
            Assert.AreEqual(1, m.Actions.Step);
            Assert.AreEqual("up", m.Actions.StepName());
            Assert.AreEqual("P13=400", Say(m, "turn the desk lamp up"));
            Say(m, "set the desk lamp to 90 percent");
            Assert.AreEqual("P13=1000", Say(m, "make the desk lamp brighter"));
            Assert.AreEqual("P13=800", Say(m, "dim the desk lamp"));
            Assert.AreEqual(-1, m.Actions.Step);
            Assert.AreEqual("down", m.Actions.StepName());
            Say(m, "set the desk lamp to 10 percent");
            Assert.AreEqual("P13=0", Say(m, "dim the desk lamp"));
            Assert.AreEqual("P13=0", Say(m, "dim the desk lamp"));
            Assert.AreEqual(10, m.Actions.States.LastLevel(LightsModel.Desk));
        }

        [TestMethod]
        public void StepsSwitchAPlainLight()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("D33=1", Say(m, "make the hall light brighter"));
            Assert.AreEqual("D33=0", Say(m, "dim the hall light"));
        }

        [TestMethod]
        public void BrightnessWinsOverStep()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=300", Say(m, "dim the desk lamp to 30 percent"));
            Assert.AreEqual(30, m.Actions.Brightness);
            Assert.AreEqual(-1, m.Actions.Step);
        }

        [TestMethod]
        public void AColourGoesToTheColourPinsScaledByTheLevel()
        {
            SaffuModel m = Load(true);
            // Off at first: a colour lights it at its last level (100).
            Assert.AreEqual("P26=1000 P27=0 P32=0", Say(m, "make the bedside lamp red"));
            Assert.AreEqual("red", m.Actions.ColorName());
            Assert.AreEqual("bedside lamp", m.Actions.LightName());
            // 180 · 100 · 1000 / 25500 = 705.9, 107 → 419.6.
            Assert.AreEqual("P26=1000 P27=706 P32=420", Say(m, "make the bedside lamp warm white"));
            Assert.AreEqual("warm white", m.Actions.ColorName());
            Assert.AreEqual("P26=500 P27=353 P32=210", Say(m, "set the bedside lamp to 50 percent"));
            Assert.AreEqual("P26=300 P27=0 P32=0", Say(m, "make the bedside lamp red 30 percent"));
            Assert.AreEqual("P26=100 P27=0 P32=0", Say(m, "dim the bedside lamp"));
            Assert.AreEqual("P26=0 P27=0 P32=0", Say(m, "turn off the bedside lamp"));
            Assert.AreEqual("P26=100 P27=0 P32=0", Say(m, "turn on the bedside lamp"));
            Assert.AreEqual(255, m.Actions.States.Color(LightsModel.Bedside, 0));
            Assert.AreEqual(0, m.Actions.States.Color(LightsModel.Bedside, 1));
        }

        [TestMethod]
        public void AColourForALightWithoutColourPinsIsNotSupported()
        {
            SaffuModel m = Load(true);
            Say(m, "set the desk lamp to 60 percent");
            Assert.AreEqual("", Say(m, "make the desk lamp red"));
            Assert.IsTrue(m.Session.Decision.Understood, "understood, answered not supported");
            Outcome(m, ActionOutcome.NotSupported, ActionReason.ColourUnsupported);
            Assert.AreEqual("desk lamp", m.Actions.LightName());
            Assert.AreEqual("red", m.Actions.ColorName());
            Assert.AreEqual(60, m.Actions.States.Level(LightsModel.Desk));
            Assert.AreEqual("", Say(m, "make the office red"));
            Outcome(m, ActionOutcome.NotSupported, ActionReason.ColourUnsupported);
        }

        [TestMethod]
        public void AColourForAnAreaActsOnItsColourLightsOnly()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P26=1000 P27=0 P32=0", Say(m, "make the bedroom red"));
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Ceiling));
            Assert.AreEqual("bedroom", m.Actions.AreaName());
        }

        [TestMethod]
        public void AnAreaTargetsItsLightsAndAnAliasNamesTheArea()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P26=1000 P27=1000 P32=1000 P25=1000", Say(m, "turn on the bedroom"));
            Assert.AreEqual("P13=1000", Say(m, "turn on the den"));
            Assert.AreEqual(LightsModel.Office, m.Actions.Area);
            Assert.AreEqual("office", m.Actions.AreaName());
            Assert.AreEqual("P26=0 P27=0 P32=0 P25=0", Say(m, "turn off all lights in the bedroom"));
        }

        [TestMethod]
        public void NoNameAndNoAreaMeansEveryLight()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=1000 D33=1 P26=1000 P27=1000 P32=1000 P25=1000", Say(m, "turn on all lights"));
            Assert.AreEqual("P13=500 D33=1 P26=500 P27=500 P32=500 P25=500", Say(m, "set all lights to 50 percent"));
            Assert.AreEqual(-1, m.Actions.Light);
            Assert.AreEqual(-1, m.Actions.Area);
        }

        [TestMethod]
        public void AnUnknownNameOrAreaIsAnUnknownTarget()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("", Say(m, "turn on the attic lamp"));
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual("", Say(m, "turn on the lamp"));   // a part of a name is no name
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual("", Say(m, "turn on the garage"));
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownArea);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
        }

        [TestMethod]
        public void ANameThatIsNoLightButBeginsWithAnAreaTargetsTheArea()
        {
            SaffuModel m = Load(true);
            // "bedroom" is tagged B-area, "light" I-name: the name span takes the area's over.
            Assert.AreEqual("P26=1000 P27=1000 P32=1000 P25=1000", Say(m, "turn on the bedroom light"));
            Assert.AreEqual("bedroom light", Span(m, ActionPlanner.NameSlot));
            Assert.AreEqual("", Span(m, ActionPlanner.AreaSlot));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.AreEqual(LightsModel.Bedroom, m.Actions.Area);
            Assert.AreEqual(-1, m.Actions.Light);
            Assert.AreEqual("bedroom", m.Actions.AreaName());
            Assert.IsNull(m.Actions.LightName());
            Assert.AreEqual("P13=1000", Say(m, "turn on the den lamp"));   // an alias of the office
            Assert.AreEqual(LightsModel.Office, m.Actions.Area);
            Assert.AreEqual("P26=500 P27=500 P32=500 P25=500", Say(m, "set the bedroom light to 50 percent"));
            Assert.AreEqual("P26=0 P27=0 P32=0 P25=0", Say(m, "turn off the bedroom lamp"));
        }

        [TestMethod]
        public void ANameSpanCutShortIsCompletedByTheNextWords()
        {
            // "lights" is tagged O, so the name span of "the desk lights" is "desk": the next word completes a light's name.
            TestActionMap home = new TestActionMap(LightsModel.Words(), LightsModel.IntentActions);
            home.Area(new string[] { "office" });
            home.Light(new string[] { "desk lights" }, 0, 13, true);
            SaffuModel m = LoadHome(home);
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lights"));
            Assert.AreEqual("desk", Span(m, ActionPlanner.NameSlot));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.AreEqual("desk lights", m.Actions.LightName());
            Assert.AreEqual("", Say(m, "turn on the desk"));   // nothing follows: still no light of that name
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual("", Say(m, "turn on the desk lamp"));   // the next words make no light's name
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        [TestMethod]
        public void ANameSpanStartedLateIsCompletedByTheWordsBefore()
        {
            // "the" is tagged O and "lamp" I-name, so the name span of "the lamp" is "lamp": the word before completes a light's name.
            TestActionMap home = new TestActionMap(LightsModel.Words(), LightsModel.IntentActions);
            home.Area(new string[] { "office" });
            home.Area(new string[] { "hallway" });
            home.Light(new string[] { "desk lamp", "the lamp" }, 0, 13, true);
            home.Light(new string[] { "hall light" }, 1, 33, false);
            SaffuModel m = LoadHome(home);
            Assert.AreEqual("P13=1000", Say(m, "turn on the lamp"));
            Assert.AreEqual("lamp", Span(m, ActionPlanner.NameSlot));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.AreEqual("desk lamp", m.Actions.LightName());
            // A second target after the first, its first word untagged ("mood light and reading lamp off").
            Assert.AreEqual("P13=0 D33=0", Say(m, "turn off the hall light the lamp"));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.AreEqual("", Say(m, "turn on lamp"));   // the word before makes no light's name
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        [TestMethod]
        public void AWordOfALightsNameAfterATargetIsNoTarget()
        {
            SaffuModel m = Load(true);
            // "reading" (B-name) is a word of the alias "reading lamp": after the hall light it is said in its everyday sense.
            Assert.AreEqual("D33=1", Say(m, "turn on the hall light reading"));
            Assert.AreEqual(LightsModel.Hall, m.Actions.Light);
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.AreEqual("", Say(m, "turn on the reading and the hall light"));   // before any target: still unknown
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual("", Say(m, "turn on the hall light and the attic"));   // no word of a light's name
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual("", Say(m, "turn on the hall light and the attic lamp"));   // a light noun: a light this home lacks
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual("P13=1000 D33=1", Say(m, "turn on the hall light and the reading lamp"));
        }

        [TestMethod]
        public void ALightNamedWithAnotherLightNounIsThatLight()
        {
            // "ceiling" is tagged B-name and "lights" O: the span "ceiling" is completed by "lights", which ends no name
            // exactly but is a light noun where the ceiling light's name ends in one.
            TestActionMap home = LightsModel.Home(LightsModel.Words());
            home.Lead(ActionMap.WordLightNoun, "light");
            home.Lead(ActionMap.WordLightNoun, "lights");
            home.Lead(ActionMap.WordLightNoun, "lamp");
            SaffuModel m = LoadHome(home);
            Assert.AreEqual("P25=1000", Say(m, "turn on the ceiling lights"));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.AreEqual("ceiling light", m.Actions.LightName());
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk light"));
            Assert.AreEqual("desk lamp", m.Actions.LightName());
            Assert.AreEqual("", Say(m, "turn on the attic light"));   // every word but the noun must be a name's
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        [TestMethod]
        public void AnotherLightNounNeedsTheMapsLightNounsAndOneLight()
        {
            TestActionMap plain = LightsModel.Home(LightsModel.Words());   // no light nouns in the lead table
            SaffuModel m = LoadHome(plain);
            Assert.AreEqual("", Say(m, "turn on the ceiling lights"));
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);

            TestActionMap twin = new TestActionMap(LightsModel.Words(), LightsModel.IntentActions);
            twin.Area(new string[] { "office" });
            twin.Light(new string[] { "desk lamp" }, 0, 13, true);
            twin.Light(new string[] { "desk light" }, 0, 14, true);
            twin.Lead(ActionMap.WordLightNoun, "lights");
            twin.Lead(ActionMap.WordLightNoun, "light");
            twin.Lead(ActionMap.WordLightNoun, "lamp");
            m = LoadHome(twin);
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp"));   // an exact name still wins
            Assert.AreEqual("", Say(m, "turn on the desk lights"));   // two lights end so: which one is not said
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        [TestMethod]
        public void ANameThatBeginsWithNoAreaIsStillUnknown()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("", Say(m, "turn on the garage light"));   // no area is called garage here
            Assert.AreEqual("garage light", Span(m, ActionPlanner.NameSlot));
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual(-1, m.Actions.Area);
        }

        [TestMethod]
        public void ALightsOwnNameWinsOverTheAreaItBeginsWith()
        {
            SaffuModel m = LoadHome(AreaNamedHome());
            Assert.AreEqual("P14=1000", Say(m, "turn on the bedroom lamp"));
            Assert.AreEqual(2, m.Actions.Light);
            Assert.AreEqual(-1, m.Actions.Area);
            Assert.AreEqual("D33=1", Say(m, "turn on the hall light"));   // "hall" is the hallway's alias
            Assert.AreEqual(1, m.Actions.Light);
            Assert.AreEqual("P14=1000 P25=1000", Say(m, "turn on the bedroom light"));
            Assert.AreEqual(-1, m.Actions.Light);
            Assert.AreEqual(2, m.Actions.Area);
        }

        [TestMethod]
        public void TheLongestAreaPhraseAtTheStartOfTheNameWins()
        {
            SaffuModel m = LoadHome(AreaNamedHome());
            // "garage" (area 3) and "garage workshop" (area 4) both begin the span.
            Assert.AreEqual("P17=1000", Say(m, "turn on the garage workshop light"));
            Assert.AreEqual("garage workshop light", Span(m, ActionPlanner.NameSlot));
            Assert.AreEqual(4, m.Actions.Area);
            Assert.AreEqual("garage workshop", m.Actions.AreaName());
            Assert.AreEqual("D16=1", Say(m, "turn on the garage lamp"));
            Assert.AreEqual(3, m.Actions.Area);
        }

        [TestMethod]
        public void AnAreaPhraseAloneIsTheAreaButATaggedAreaKeepsTheNameUnknown()
        {
            SaffuModel m = LoadHome(AreaNamedHome());
            // The name is the area's alias with no word after it: that area ("the kitchen and the hall light").
            Say(m, "turn on the hall");
            Assert.AreEqual("hall", Span(m, ActionPlanner.NameSlot));
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            Assert.IsTrue(m.Actions.Area >= 0);
            // An area was tagged as well: the name is not read as an area.
            Assert.AreEqual("", Say(m, "turn on the bedroom light in the office"));
            Assert.AreEqual("bedroom light", Span(m, ActionPlanner.NameSlot));
            Assert.AreEqual("office", Span(m, ActionPlanner.AreaSlot));
            Outcome(m, ActionOutcome.UnknownTarget, ActionReason.UnknownName);
            Assert.AreEqual(-1, m.Actions.Area);
        }

        [TestMethod]
        public void NotUnderstoodGivesNoCommands()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp"));
            Assert.AreEqual("", Say(m, "the desk lamp"));
            Assert.IsFalse(m.Session.Decision.Understood);
            Outcome(m, ActionOutcome.NotUnderstood, ActionReason.None);
            Assert.AreEqual((int)ActionKind.None, (int)m.Actions.Action);
            Assert.AreEqual(-1, m.Actions.Light);
        }

        [TestMethod]
        public void AnIntentWithoutAnActionIsNotSupported()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("", Say(m, "weather"));
            Assert.IsTrue(m.Session.Decision.Understood);
            Outcome(m, ActionOutcome.NotSupported, ActionReason.NoActionForIntent);
        }

        [TestMethod]
        public void SetWithoutAValueOrWithAnUnknownOneIsNotSupported()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("", Say(m, "set the desk lamp"));
            Outcome(m, ActionOutcome.NotSupported, ActionReason.NothingToSet);
            Assert.AreEqual("", Say(m, "make the bedside lamp chartreuse"));
            Outcome(m, ActionOutcome.NotSupported, ActionReason.UnknownColour);
            Assert.AreEqual("", Say(m, "make the desk lamp softer"));
            Outcome(m, ActionOutcome.NotSupported, ActionReason.UnknownStep);
        }

        [TestMethod]
        public void AColourNounMakesOnOffOrToggleASet()
        {
            // LightsModel has no word "colour": "percent" (tagged O, no intent vote) stands in for the colour noun.
            TestActionMap home = LightsModel.Home(LightsModel.Words());
            home.Lead(ActionMap.WordColourNoun, "percent");
            SaffuModel m = LoadHome(home);
            Assert.AreEqual("", Say(m, "toggle the bedside lamp percent"));   // "change the lamp's colours": set what?
            Outcome(m, ActionOutcome.NotSupported, ActionReason.NothingToSet);
            Assert.AreEqual((int)ActionKind.Set, (int)m.Actions.Action);
            Assert.AreEqual("HassLightSet", m.Intents.Name(m.Actions.ReportedIntent));   // the intent says what is done
            Assert.AreEqual("", Say(m, "turn off all lights percent"));
            Outcome(m, ActionOutcome.NotSupported, ActionReason.NothingToSet);
            Assert.AreEqual("P26=1000 P27=0 P32=0", Say(m, "turn on the bedside lamp red percent"));   // a colour said is set
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp"));   // no colour noun: on
            SaffuModel plain = Load(true);   // a map without the kind: toggled as before
            Assert.AreEqual("P26=1000 P27=1000 P32=1000", Say(plain, "toggle the bedside lamp percent"));
        }

        [TestMethod]
        public void TheDarkAskedForMakesOnAnOff()
        {
            // LightsModel has no word "dark" or "go": "percent" stands in for "dark", "to percent" for "go dark"; "turn" is
            // the light verb. The desk lamp is on first, so an off shows as P13=0.
            TestActionMap home = LightsModel.Home(LightsModel.Words());
            home.Lead(ActionMap.WordDarkState, "percent");
            home.Lead(ActionMap.WordDarkState, "to percent");
            home.Lead(ActionMap.WordLightVerb, "turn");
            SaffuModel m = LoadHome(home);
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp"));
            Assert.AreEqual("P13=0", Say(m, "turn on the desk lamp percent"));   // "make the lounge dark": a light verb, a noun, dark
            Assert.AreEqual((int)ActionKind.Off, (int)m.Actions.Action);
            Assert.AreEqual("HassTurnOff", m.Intents.Name(m.Actions.ReportedIntent));   // the intent says what is done
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp"));
            Assert.AreEqual("HassTurnOn", m.Intents.Name(m.Actions.ReportedIntent));
            Assert.AreEqual("P13=0", Say(m, "on the desk lamp to percent"));   // "go dark" anywhere
            // "dark" after no noun ("it's dark in here") or with no light verb before the noun ("the lounge is dark"): on.
            Assert.AreEqual("P13=1000", Say(m, "turn on percent the desk lamp"));
            Assert.AreEqual("P13=1000", Say(m, "on the desk lamp percent"));
        }

        [TestMethod]
        public void AValueTheTagsMissedIsReadFromTheWords()
        {
            SaffuModel m = Load(true);
            Assert.AreEqual("P13=1000", Say(m, "turn on the desk lamp"));
            // "softer" is tagged as the step but is no step phrase; "dim" later in the words is one.
            Assert.AreEqual("P13=800", Say(m, "make the desk lamp softer dim"));
            Assert.AreEqual(-1, m.Actions.Step);
            Outcome(m, ActionOutcome.Acted, ActionReason.None);
            // "chartreuse" is tagged as the colour but is none of the home's; "red" is.
            Assert.AreEqual("P26=1000 P27=0 P32=0", Say(m, "make the bedside lamp chartreuse red"));
            Assert.AreEqual("red", m.Actions.ColorName());
        }

        [TestMethod]
        public void ABlobWithoutAnActionMapDecidesButDoesNotAct()
        {
            SaffuModel m = Load(false);
            Assert.IsNull(m.Actions.Map);
            Assert.AreEqual("", Say(m, "turn on the desk lamp"));
            Assert.IsTrue(m.Session.Decision.Understood);
            Outcome(m, ActionOutcome.NoActionMap, ActionReason.None);
            Assert.AreEqual("", Say(m, "the desk lamp"));
            Outcome(m, ActionOutcome.NotUnderstood, ActionReason.None);
            m.Actions.Reset();
            Assert.AreEqual(0, m.Actions.Commands.Count);
            Assert.AreEqual(0, m.Actions.RamBytes);
        }

        [TestMethod]
        public void ADecisionOfAnotherModelIsRefused()
        {
            SaffuModel m = Load(true), other = Load(true);
            other.Session.RunLine("turn on the desk lamp");
            Assert.AreEqual((int)ActionOutcome.NotUnderstood, (int)m.Actions.Plan(other.Session.Decision));
            Outcome(m, ActionOutcome.NotUnderstood, ActionReason.OtherModel);
            // Another session of the same model is fine.
            Session second = m.NewSession();
            second.RunLine("turn on the hall light");
            Assert.AreEqual((int)ActionOutcome.Acted, (int)m.Actions.Plan(second.Decision));
            Assert.AreEqual("D33=1", Text(m.Actions.Commands));
        }

        [TestMethod]
        public void ResetSwitchesEveryLightOffAndCommandsReachThePinWriter()
        {
            SaffuModel m = Load(true);
            Say(m, "make the bedside lamp red 40 percent");
            m.Actions.Reset();
            Assert.AreEqual("P13=0 D33=0 P26=0 P27=0 P32=0 P25=0", Text(m.Actions.Commands));
            Assert.AreEqual(100, m.Actions.States.LastLevel(LightsModel.Bedside));
            Assert.AreEqual(255, m.Actions.States.Color(LightsModel.Bedside, 1));
            RecordingPinWriter pins = new RecordingPinWriter();
            m.Actions.Commands.ApplyTo(pins);
            Assert.AreEqual("P13=0 D33=0 P26=0 P27=0 P32=0 P25=0", pins.Log);
            Say(m, "turn on the hall light");
            m.Actions.Commands.ApplyTo(pins);
            Assert.AreEqual(1, pins.Pins[LightsModel.HallPin]);
            Say(m, "make the bedside lamp warm white");
            m.Actions.Commands.ApplyTo(pins);
            Assert.AreEqual(706, pins.Pins[LightsModel.GreenPin]);
            Assert.AreEqual("P13=0 D33=0 P26=0 P27=0 P32=0 P25=0 D33=1 P26=1000 P27=706 P32=420", pins.Log);
        }

        [TestMethod]
        public void RamBytesCountTheMapTablesTheStatesAndTheCommandBuffer()
        {
            SaffuModel with = Load(true), without = Load(false);
            // 4 lights, 3 areas, 3 colours, 3 steps: 4·13 offsets + 5·4 state + 4·(3·4) commands + 3·4 + 2·3 target and
            // exception flags.
            Assert.AreEqual(52 + 20 + 48 + 18, with.Actions.RamBytes);
            Assert.AreEqual(without.RamBytes + 138, with.RamBytes);
            Assert.AreEqual(12, with.Actions.Commands.Capacity);
        }
    }
}
