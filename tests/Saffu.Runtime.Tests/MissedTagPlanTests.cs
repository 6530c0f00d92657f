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
    /// The planner's rules for a tagger that missed a target or started its span late (docs/action-map.md step 2, sixth
    /// session): exceptions read from the words, an area span started late, targets read from the words. The handcrafted
    /// LightsModel with some words retagged (LightsModel.Retag) and a home of six lights in five areas; "to" stands in for
    /// the exclusion "but", "all" is an every-light word and "lights" a light noun.
    /// </summary>
    [TestClass]
    public class MissedTagPlanTests
    {
        const int Garage = 4, Workshop = 5;   // lights after LightsModel's desk lamp, hall light, bedside lamp, ceiling light
        const int GarageWorkshop = 4;         // areas after LightsModel's office, hallway, bedroom and the garage (3)

        static SaffuModel Load(string[] retags) { return Load(retags, false, "bedside lamp"); }

        /// <summary>
        /// LightsModel's lights and areas (the bedroom's colour light called bedside) plus a garage (garage light: D16) and a
        /// garage workshop (alias "attic hall workshop"; workshop lamp: colour 17/18/19), with each word of retags given the
        /// tag after it ("bedroom", "O"); question: "toggle" is a question lead ("is").
        /// </summary>
        static SaffuModel Load(string[] retags, bool question, string bedside)
        {
            TestModelSpec spec = LightsModel.Create(false);
            for (int i = 0; i + 1 < retags.Length; i += 2) LightsModel.Retag(spec, retags[i], retags[i + 1]);
            TestActionMap home = new TestActionMap(spec.Words, LightsModel.IntentActions);
            home.Area(new string[] { "office", "den" });
            home.Area(new string[] { "hallway" });
            home.Area(new string[] { "bedroom" });
            home.Light(new string[] { "desk lamp", "reading lamp" }, LightsModel.Office, LightsModel.DeskPin, true);
            home.Light(new string[] { "hall light" }, LightsModel.Hallway, LightsModel.HallPin, false);
            home.ColorLight(new string[] { bedside }, LightsModel.Bedroom, LightsModel.RedPin, LightsModel.GreenPin, LightsModel.BluePin);
            home.Light(new string[] { "ceiling light" }, LightsModel.Bedroom, LightsModel.CeilingPin, true);
            home.Color("red", 255, 0, 0);
            home.Area(new string[] { "garage" });
            home.Area(new string[] { "garage workshop", "attic hall workshop" });
            home.Light(new string[] { "garage light" }, 3, 16, false);
            home.ColorLight(new string[] { "workshop lamp" }, GarageWorkshop, 17, 18, 19);
            home.Lead(ActionMap.WordExclusion, "to");
            home.Lead(ActionMap.WordEveryLight, "all");
            home.Lead(ActionMap.WordLightNoun, "lights");
            home.Lead(ActionMap.WordDeterminer, "the");
            if (question) home.Lead(ActionMap.LeadQuestion, "toggle");
            spec.ActionMap = home.Write();
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        static ActionOutcome Say(SaffuModel model, string line)
        {
            Assert.AreEqual(PushResult.Ok, model.Session.RunLine(line), line);
            return model.Actions.Plan(model.Session.Decision);
        }

        /// <summary>Says the line; it must act (or be answered) on exactly the lights listed.</summary>
        static void AssertTargets(SaffuModel model, string line, ActionOutcome outcome, int[] lights)
        {
            Assert.AreEqual((int)outcome, (int)Say(model, line), line + ": " + model.Actions.Reason.ToString());
            Assert.AreEqual(lights.Length, model.Actions.TargetCount, line);
            for (int i = 0; i < lights.Length; i++) Assert.IsTrue(model.Actions.IsTargetOf(lights[i]), line + ": light " + lights[i]);
        }

        static void AssertActsOn(SaffuModel model, string line, int[] lights) { AssertTargets(model, line, ActionOutcome.Acted, lights); }

        static void AssertRefused(SaffuModel model, string line, ActionReason reason)
        {
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)Say(model, line), line);
            Assert.AreEqual((int)reason, (int)model.Actions.Reason, line);
            Assert.AreEqual(0, model.Actions.Commands.Count, line);
        }

        /// <summary>The slots as reporters show them after the plan (SlotReport).</summary>
        static SlotReport Report(SaffuModel model)
        {
            SlotReport report = new SlotReport();
            report.Read(model.Session, model.Actions, true);
            return report;
        }

        [TestMethod]
        public void ARoomTheTaggerMissedAfterAnExclusionIsExcepted()
        {
            // "turn off all lights but the kitchen", "kitchen" tagged O: every light but the room's, never the room alone.
            SaffuModel m = Load(new string[] { "bedroom", "O" });
            AssertActsOn(m, "turn off all lights to the bedroom", new int[] { LightsModel.Desk, LightsModel.Hall, Garage, Workshop });
            AssertActsOn(m, "turn off all lights to bedroom", new int[] { LightsModel.Desk, LightsModel.Hall, Garage, Workshop });
            Assert.AreEqual(-1, m.Actions.Area);
        }

        [TestMethod]
        public void ALightWhoseSpanStartedLateAfterAnExclusionIsExcepted()
        {
            // "switch on the hall light and not the kitchen light", "kitchen" O and "light" I-name: the late-start rule
            // completes the span into a target; the words after the exclusion except it again.
            SaffuModel m = Load(new string[] { "ceiling", "O" });
            AssertActsOn(m, "turn on the hall light to the ceiling light", new int[] { LightsModel.Hall });
            Assert.AreEqual(LightsModel.Hall, m.Actions.Light);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Ceiling));
        }

        [TestMethod]
        public void APhraseTwoWordsAfterAnExclusionIsNotExcepted()
        {
            // Only right after the exclusion or one word after it: here the ceiling light is a target like the hall light.
            SaffuModel m = Load(new string[] { "ceiling", "O" });
            AssertActsOn(m, "turn on the hall light to turn the ceiling light", new int[] { LightsModel.Hall, LightsModel.Ceiling });
        }

        [TestMethod]
        public void AnExceptedSpanExceptsItsLightWhateverTheLengthOfItsName()
        {
            // The words after an exclusion are read up to three words; a tagged span is excepted by its own check, so a
            // light with a longer name ("bedside lamp warm white", one name span) is still excepted.
            SaffuModel m = Load(new string[] { "warm", "I-name", "white", "I-name" }, false, "bedside lamp warm white");
            AssertActsOn(m, "turn off all lights to bedside lamp warm white", new int[] { LightsModel.Desk, LightsModel.Hall, Garage, Workshop, LightsModel.Ceiling });
        }

        [TestMethod]
        public void AnExceptedAreaSpanExceptsTheWholeArea()
        {
            // "bedroom" tagged area, "lamp" O: the tagged area is excepted whole, though the words go on to name one of its
            // lights (the safe side: fewer lights switched, not more).
            SaffuModel m = Load(new string[] { "lamp", "O" }, false, "bedroom lamp");
            AssertActsOn(m, "turn off all lights to the bedroom lamp", new int[] { LightsModel.Desk, LightsModel.Hall, Garage, Workshop });
        }

        [TestMethod]
        public void AnAreaSpanStartedLateIsCompletedByTheWordsBefore()
        {
            // "turn living room lights off", "living" O and "room" I-area: the span "workshop" is no area, "garage workshop" is.
            SaffuModel m = Load(new string[] { "garage", "O" });
            AssertActsOn(m, "turn on the garage workshop", new int[] { Workshop });
            Assert.AreEqual(GarageWorkshop, m.Actions.Area);
            Assert.AreEqual("garage workshop", Report(m).Area);
            // The word before completes no area phrase: still an area this home lacks.
            AssertRefused(m, "turn on the workshop", ActionReason.UnknownArea);
            AssertRefused(m, "turn on the garage the workshop", ActionReason.UnknownArea);
            // Two untagged words before complete a three-word area phrase.
            SaffuModel two = Load(new string[] { "attic", "O", "hall", "O" });
            AssertActsOn(two, "turn on the attic hall workshop", new int[] { Workshop });
            Assert.AreEqual("garage workshop", Report(two).Area);
        }

        [TestMethod]
        public void AnAreaSpanIsNotCompletedByAWordOfThePreviousSpan()
        {
            // "garage" is an area span of its own and "workshop" (here B-area) a second one: "workshop" may not borrow
            // "garage" from the span before it, so it names no area.
            SaffuModel m = Load(new string[] { "workshop", "B-area" });
            AssertRefused(m, "turn on the garage workshop", ActionReason.UnknownArea);
            Assert.AreEqual(0, m.Actions.States.Level(Workshop));
        }

        [TestMethod]
        public void ARoomOrLightTheTaggerMissedIsTheTargetNotEveryLight()
        {
            // "turn bedroom lights red", "bedroom" O: the bedroom's lights, not every light; the report names the room.
            SaffuModel m = Load(new string[] { "bedroom", "O", "desk", "O", "lamp", "O" });
            AssertActsOn(m, "turn on the bedroom lights", new int[] { LightsModel.Bedside, LightsModel.Ceiling });
            Assert.AreEqual(LightsModel.Bedroom, m.Actions.Area);
            Assert.AreEqual("bedroom", Report(m).Area);
            // A colour alone says a light is meant: the bedroom (whose colour light takes it), not the workshop lamp too.
            AssertActsOn(m, "make the bedroom red", new int[] { LightsModel.Bedside, LightsModel.Ceiling });
            Assert.AreEqual(3, m.Actions.Commands.Count);   // the bedside lamp's three colour pins
            Assert.AreEqual(0, m.Actions.States.Level(Workshop));
            // A light's whole name untagged: that light, reported by its name.
            AssertActsOn(m, "turn on the desk lamp", new int[] { LightsModel.Desk });
            Assert.AreEqual(LightsModel.Desk, m.Actions.Light);
            Assert.AreEqual("desk lamp", Report(m).Name);
            // "all" said: the named room narrows it as well.
            AssertActsOn(m, "turn off all bedroom", new int[] { LightsModel.Bedside, LightsModel.Ceiling });
        }

        [TestMethod]
        public void AQuestionReadsItsTargetFromTheWords()
        {
            // "is the bedroom light on" needs no light word: a question may ask about every light, so the words narrow it.
            SaffuModel m = Load(new string[] { "bedroom", "O" }, true, "bedside lamp");
            AssertTargets(m, "toggle the bedroom", ActionOutcome.Answered, new int[] { LightsModel.Bedside, LightsModel.Ceiling });
        }

        [TestMethod]
        public void NoLightWordSaidMakesNoTargetFromTheWords()
        {
            // "can you book an uber after i left for office": no light, every-light or colour word, no question: refused,
            // never the room's lights.
            SaffuModel m = Load(new string[] { "bedroom", "O" });
            AssertRefused(m, "turn on the bedroom", ActionReason.NoTarget);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Ceiling));
        }

        [TestMethod]
        public void ATaggedTargetIsNotWidenedByTheWords()
        {
            // A span named a target ("the desk lamp in the bedroom", "bedroom" O): the untagged room adds no target.
            SaffuModel m = Load(new string[] { "bedroom", "O" });
            AssertActsOn(m, "turn on the desk lamp in the bedroom", new int[] { LightsModel.Desk });
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Ceiling));
        }
        [TestMethod]
        public void AKnownWordBetweenADeterminerAndAnAreaNounNamesARoomTheHomeLacks()
        {
            // "workshop" untagged and no area on its own (the area is "garage workshop"); "percent" stands in for "kids".
            SaffuModel m = Load(new string[] { "workshop", "O", "hall", "O" });
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)Say(m, "turn on all lights in the percent workshop"));
            Assert.AreEqual((int)ActionReason.UnknownArea, (int)m.Actions.Reason);
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)Say(m, "turn on the percent workshop lights"));
            Assert.AreEqual((int)ActionReason.UnknownName, (int)m.Actions.Reason);   // a light noun follows
            // A determiner right before the noun, or no determiner before the word: no room is named, every light.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on all lights in the workshop"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on all lights percent workshop"));
            // A word of an area's name before the noun is that area's ("the attic hall workshop" of the alias).
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on all lights in the hall workshop"));
        }
    }
}
