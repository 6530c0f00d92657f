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
    /// The plans that never drive a pin (docs/action-map.md steps 0–2: query, cancel, other) and the
    /// multi-target rules, on the handcrafted LightsModel whose sixth intent ("weather") is given
    /// each of the new actions in turn.
    /// </summary>
    [TestClass]
    public class NonActingPlanTests
    {
        static SaffuModel LoadWith(int weatherAction)
        {
            int[] actions = new int[] { 1, 2, 3, 4, 0, weatherAction };
            TestActionMap home = new TestActionMap(LightsModel.Words(), actions);
            home.Area(new string[] { "office", "den" });
            home.Area(new string[] { "hallway" });
            home.Area(new string[] { "bedroom" });
            home.Light(new string[] { "desk lamp", "reading lamp" }, LightsModel.Office, LightsModel.DeskPin, true);
            home.Light(new string[] { "hall light", "all lights" }, LightsModel.Hallway, LightsModel.HallPin, false);
            home.ColorLight(new string[] { "bedside lamp" }, LightsModel.Bedroom, LightsModel.RedPin, LightsModel.GreenPin, LightsModel.BluePin);
            home.Light(new string[] { "ceiling light" }, LightsModel.Bedroom, LightsModel.CeilingPin, true);
            home.Color("red", 255, 0, 0);
            home.Color("white", 255, 255, 255);
            TestModelSpec spec = LightsModel.Create(false);
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

        /// <summary>Says the line and checks that the whole command was refused for the reason: nothing planned.</summary>
        static void AssertRefused(SaffuModel model, string line, ActionReason reason)
        {
            AssertNothingDone(model, line, ActionOutcome.UnknownTarget, reason);
        }

        /// <summary>Says the line and checks the plan's outcome and reason, with no pin command.</summary>
        static void AssertNothingDone(SaffuModel model, string line, ActionOutcome outcome, ActionReason reason)
        {
            Assert.AreEqual((int)outcome, (int)Say(model, line), line);
            Assert.AreEqual((int)reason, (int)model.Actions.Reason, line);
            Assert.AreEqual(0, model.Actions.Commands.Count, line);
        }

        [TestMethod]
        public void AnotherDevicesIntentIsNotALightAndNamesItsDomain()
        {
            SaffuModel m = LoadWith((int)ActionKind.Other);
            Assert.AreEqual((int)ActionOutcome.NotALight, (int)Say(m, "weather the desk lamp"));
            Assert.AreEqual(0, m.Actions.Commands.Count);
            Assert.AreEqual((int)ActionKind.Other, (int)m.Actions.Action);
            // The label has no "other:" prefix here, so the domain is the whole label.
            Assert.AreEqual("HassGetWeather", m.Actions.DomainName());
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
        }

        [TestMethod]
        public void ACancellationDoesNothing()
        {
            SaffuModel m = LoadWith((int)ActionKind.Cancel);
            Say(m, "turn on the desk lamp");
            Assert.AreEqual((int)ActionOutcome.Cancelled, (int)Say(m, "weather off the desk lamp weather"));
            Assert.AreEqual(0, m.Actions.Commands.Count);
            Assert.AreEqual(100, m.Actions.States.Level(LightsModel.Desk));
            Assert.IsNull(m.Actions.DomainName());
        }

        [TestMethod]
        public void AQuestionIsAnsweredFromTheLightStates()
        {
            SaffuModel m = LoadWith((int)ActionKind.Query);
            Say(m, "set the desk lamp to 60 percent");
            Assert.AreEqual((int)ActionOutcome.Answered, (int)Say(m, "weather the desk lamp"));
            Assert.AreEqual(0, m.Actions.Commands.Count);
            Assert.AreEqual("the desk lamp is on at 60 %", m.Actions.Answer());
            Assert.AreEqual(60, m.Actions.States.Level(LightsModel.Desk));
            Say(m, "weather the hallway");
            Assert.AreEqual("the hall light is off", m.Actions.Answer());
            Say(m, "make the bedside lamp red");
            Say(m, "weather the bedside lamp");
            Assert.AreEqual("the bedside lamp is on at 100 %, red", m.Actions.Answer());
            Say(m, "weather");
            Assert.AreEqual(4, m.Actions.TargetCount);
            Assert.AreEqual("2 of 4 lights on: the desk lamp is on at 60 %, the hall light is off, the bedside lamp is on at 100 %, red, "
                + "the ceiling light is off", m.Actions.Answer());
            Say(m, "weather the attic light");
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)m.Actions.Outcome);
            Assert.IsNull(m.Actions.Answer());
        }

        [TestMethod]
        public void EveryNamedLightAndAreaIsATarget()
        {
            SaffuModel m = LoadWith(0);
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp and the hall light"));
            Assert.AreEqual(2, m.Actions.TargetCount);
            Assert.IsTrue(m.Actions.IsTargetOf(LightsModel.Desk));
            Assert.IsTrue(m.Actions.IsTargetOf(LightsModel.Hall));
            Assert.AreEqual(2, m.Actions.Commands.Count);
            Say(m, "turn off the desk lamp and the bedroom");
            Assert.AreEqual(3, m.Actions.TargetCount);
            Assert.IsFalse(m.Actions.IsTargetOf(LightsModel.Hall));
            // A light named with its own area: the area only says where it is.
            Say(m, "turn on the ceiling light in the bedroom");
            Assert.AreEqual(1, m.Actions.TargetCount);
            Assert.IsTrue(m.Actions.IsTargetOf(LightsModel.Ceiling));
        }

        [TestMethod]
        public void MoreTargetsThanTheMaximumAreRefused()
        {
            SaffuModel m = LoadWith(0);
            Say(m, "on desk lamp hall light ceiling light bedside lamp");
            Assert.AreEqual((int)ActionOutcome.Acted, (int)m.Actions.Outcome);
            Assert.AreEqual(ActionPlanner.MaxTargets, m.Actions.TargetCount);
            Say(m, "on desk lamp hall light ceiling light bedside lamp reading lamp");
            Assert.AreEqual((int)ActionOutcome.NotSupported, (int)m.Actions.Outcome);
            Assert.AreEqual((int)ActionReason.TooManyTargets, (int)m.Actions.Reason);
            Assert.AreEqual(0, m.Actions.Commands.Count);
        }

        static SaffuModel LoadWithLeadsAndPlaces() { return LoadWithLeadsAndPlaces(null); }

        /// <summary>The home with leads and the place "percent"; anchors when given (null: no Anchors section).</summary>
        static SaffuModel LoadWithLeadsAndPlaces(string[]? anchors)
        {
            TestActionMap home = new TestActionMap(LightsModel.Words(), LightsModel.IntentActions);
            home.Area(new string[] { "office", "den" });
            home.Area(new string[] { "hallway" });
            home.Area(new string[] { "bedroom" });
            home.Light(new string[] { "desk lamp" }, LightsModel.Office, LightsModel.DeskPin, true);
            home.Light(new string[] { "hall light" }, LightsModel.Hallway, LightsModel.HallPin, false);
            home.Light(new string[] { "ceiling light" }, LightsModel.Bedroom, LightsModel.CeilingPin, true);
            // The handcrafted model's words stand in for real ones: "all" a filler, "toggle" a question word,
            // "make" a negation, "percent" a place (each tagged O by the model).
            home.Lead(ActionMap.LeadFiller, "all");
            home.Lead(ActionMap.LeadQuestion, "toggle");
            home.Lead(ActionMap.LeadNegation, "make");
            home.Lead(ActionMap.LeadNegation, "make the");
            home.Lead(ActionMap.LeadStatement, "in the");
            home.Lead(ActionMap.WordSubject, "in");
            home.Place("percent");
            TestModelSpec spec = LightsModel.Create(false);
            spec.ActionMap = home.Write();
            if (anchors != null) spec.Anchors = TestAnchors.Section(spec.Words, anchors);
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        [TestMethod]
        public void LeadWordsCancelOrTurnACommandIntoAQuestion()
        {
            SaffuModel m = LoadWithLeadsAndPlaces();
            Assert.AreEqual(6, m.Actions.Map!.LeadCount);
            Assert.AreEqual(1, m.Actions.Map.PlaceCount);
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "set the desk lamp to 60"));   // "percent" is this home's place word
            // A negation lead, after a filler: nothing done, the lamp stays at 60.
            Assert.AreEqual((int)ActionOutcome.Cancelled, (int)Say(m, "all all make the desk lamp dim"));
            Assert.AreEqual(0, m.Actions.Commands.Count);
            Assert.AreEqual(60, m.Actions.States.Level(LightsModel.Desk));
            // A question lead: the toggle is answered, not done.
            Assert.AreEqual((int)ActionOutcome.Answered, (int)Say(m, "toggle the desk lamp"));
            Assert.AreEqual((int)ActionKind.Query, (int)m.Actions.Action);
            Assert.AreEqual("the desk lamp is on at 60 %", m.Actions.Answer());
            Assert.AreEqual(60, m.Actions.States.Level(LightsModel.Desk));
            Assert.AreEqual((int)ActionOutcome.Answered, (int)Say(m, "all toggle the desk lamp"));
        }

        [TestMethod]
        public void AStatementLeadIsARemarkNotARequest()
        {
            SaffuModel m = LoadWithLeadsAndPlaces();
            // "in the" stands in for "my mum" / "i bought": whatever the model decided, nothing is done.
            Assert.AreEqual((int)ActionOutcome.NotUnderstood, (int)Say(m, "all in the office turn on the desk lamp"));
            Assert.AreEqual((int)ActionReason.Statement, (int)m.Actions.Reason);
            Assert.AreEqual(0, m.Actions.Commands.Count);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            Assert.AreEqual((int)DecisionReason.Statement, (int)ReasonCodes.NotUnderstood(m.Session, m.Actions.Outcome, m.Actions.Reason));
            Assert.AreEqual("statement", ReasonCodes.Code(DecisionReason.Statement));
            // Only as the lead: later in the sentence it is an ordinary phrase.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp in the office"));
        }

        [TestMethod]
        public void AStatementSubjectWithAnUnknownVerbIsARemark()
        {
            SaffuModel m = LoadWithLeadsAndPlaces();
            // "in" is a subject (kind 11, standing in for "i"); "blorp" is no word of the model: "i <fell> asleep with the
            // bedside lamp on".
            AssertNothingDone(m, "all in blorp turn on the desk lamp", ActionOutcome.NotUnderstood, ActionReason.Statement);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // A known word after the subject word, or the unknown word later than right after it, is no statement here.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "in on the desk lamp"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on blorp the desk lamp"));
            // An unknown word right before a light or room noun is a place this home lacks, not a verb (step 2).
            AssertNothingDone(m, "in blorp lamp on", ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        /// <summary>
        /// A home with a filler, a negation, cancellations ("all all", "up to"), a light verb ("turn"), a remark verb ("percent"),
        /// an exclusion ("to"), a subject ("in") and an other subject ("chartreuse").
        /// </summary>
        static SaffuModel LoadWithCancellations()
        {
            TestActionMap home = new TestActionMap(LightsModel.Words(), LightsModel.IntentActions);
            home.Area(new string[] { "office", "den" });
            home.Area(new string[] { "hallway" });
            home.Light(new string[] { "desk lamp" }, LightsModel.Office, LightsModel.DeskPin, true);
            home.Light(new string[] { "hall light" }, LightsModel.Hallway, LightsModel.HallPin, false);
            home.Lead(ActionMap.LeadFiller, "all");
            home.Lead(ActionMap.LeadNegation, "make");
            home.Lead(ActionMap.WordCancel, "all all");
            home.Lead(ActionMap.WordCancel, "up to");
            home.Lead(ActionMap.WordLightVerb, "turn");
            home.Lead(ActionMap.WordRemarkVerb, "percent");
            home.Lead(ActionMap.WordExclusion, "to");
            home.Lead(ActionMap.WordSubject, "in");
            home.Lead(ActionMap.WordOtherSubject, "chartreuse");
            TestModelSpec spec = LightsModel.Create(false);
            spec.ActionMap = home.Write();
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        static void AssertCancelled(SaffuModel model, string line)
        {
            AssertNothingDone(model, line, ActionOutcome.Cancelled, ActionReason.None);
        }

        [TestMethod]
        public void ACancellationAfterTheLeadTakesTheSentenceBack()
        {
            SaffuModel m = LoadWithCancellations();
            AssertCancelled(m, "turn on the desk lamp up to");        // "turn on the kitchen light no wait"
            AssertCancelled(m, "turn on the desk lamp all all");
            AssertCancelled(m, "all up to on the desk lamp");         // at the lead ("never mind the desk lamp")
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // Among the fillers before the lead it is a correction that asks for something: "no wait, turn on the lamp".
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "all all turn on the desk lamp"));
            Assert.AreEqual(100, m.Actions.States.Level(LightsModel.Desk));
        }

        [TestMethod]
        public void ANegatedFirstLightVerbCancelsALaterOneDoesNot()
        {
            SaffuModel m = LoadWithCancellations();
            AssertCancelled(m, "the desk lamp make turn on");          // "the hall light, don't switch it off"
            AssertCancelled(m, "on the desk lamp make turn");           // the first light verb, wherever it stands
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // A negated verb after a plain one is a second wish, not a cancellation: "turn the light on, don't dim it".
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp make turn on"));
            Assert.AreEqual(100, m.Actions.States.Level(LightsModel.Desk));
            // No light verb: a negation inside the sentence alone cancels nothing ("i don't need the floor lamp anymore").
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "on on the make desk lamp"));
        }

        static void AssertRemark(SaffuModel model, string line)
        {
            AssertNothingDone(model, line, ActionOutcome.NotUnderstood, ActionReason.Statement);
        }

        [TestMethod]
        public void ARemarkVerbAfterALightOrRoomSaidFirstIsARemark()
        {
            SaffuModel m = LoadWithCancellations();
            AssertRemark(m, "the desk lamp percent on");              // "the counter lights were expensive"
            AssertRemark(m, "all the office percent on");             // a room as the subject, after a filler
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // A light verb first: the light is the object ("turn on the light that was on").
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp percent"));
            // The subject's head is followed by another word; and a head past the first four words is no subject.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "on the desk lamp in the office percent"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "on on on on desk lamp percent"));
        }

        [TestMethod]
        public void AnUnknownWordAfterALightOrRoomSaidFirstIsARemark()
        {
            SaffuModel m = LoadWithCancellations();
            AssertRemark(m, "the desk lamp blorp on");                // "the hall light <went> off by itself"
            AssertRemark(m, "all the office blorp");                  // a room as the subject, the unknown word last
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // A light verb first, or the subject past the first four words: no remark.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp blorp"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "on on on on desk lamp blorp"));
            // Followed by a light noun the unknown word names a place this home lacks ("the office <pendant> lamp"), step 2.
            AssertNothingDone(m, "the office blorp lamp on", ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        [TestMethod]
        public void SomeoneSaidFirstWithARemarkVerbOrAnUnknownVerbIsARemark()
        {
            SaffuModel m = LoadWithCancellations();
            AssertRemark(m, "blorp percent turn on the desk lamp");        // "<she> said turn off the lights"
            AssertRemark(m, "all blorp blorp turn on the desk lamp");      // "<he> <told> me to dim the desk lamp", after a filler
            AssertRemark(m, "the white percent turn on the desk lamp");    // "the kids were shouting turn on the mood light"
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // A light verb before the remark verb, or the remark verb past the first four words: no remark.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "on turn percent the desk lamp"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "on on on on percent the desk lamp"));
            // After a subject lead (kind 11: "i said turn it off") a remark verb is no remark, nor after a question lead.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "in percent turn on the desk lamp"));
            // An unknown lead word followed by a light noun is a place this home lacks (step 2), not someone.
            AssertNothingDone(m, "blorp lamp on", ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        [TestMethod]
        public void ASentenceOfFillersOnlyUpToTheWordLimitPlansWithoutFailing()
        {
            // Every word a filler: the lead starts past the last word, at the end of the word buffer (MaxWords 16).
            SaffuModel m = LoadWithCancellations();
            string line = "all";
            for (int i = 1; i < 15; i++) line += " all";   // 15 words and             for (int i = 1; i < 16; i++) line += " all";lt;sod            for (int i = 1; i < 16; i++) line += " all";gt; fill the 16 positions
            Assert.AreEqual(PushResult.Ok, m.Session.RunLine(line));
            m.Actions.Plan(m.Session.Decision);
            Assert.AreEqual(0, m.Actions.Commands.Count);
        }

        [TestMethod]
        public void AnOtherSubjectWithAnUnknownVerbIsARemark()
        {
            // "chartreuse" stands in for "she" (kind 14): "she <texted> me to ask if i'd left the counter lights on".
            SaffuModel m = LoadWithCancellations();
            AssertRemark(m, "chartreuse blorp turn on the desk lamp");
            AssertRemark(m, "all chartreuse blorp turn on the desk lamp");   // after a filler
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // A known verb after it ("she wants the desk lamp on") or a noun (a place, step 2) is no remark of this rule.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "chartreuse turn on the desk lamp"), m.Actions.Reason.ToString());
            AssertNothingDone(m, "chartreuse blorp lamp on", ActionOutcome.UnknownTarget, ActionReason.UnknownName);
        }

        [TestMethod]
        public void ANameOrRoomAfterAnExclusionIsExceptedFromTheTargets()
        {
            SaffuModel m = LoadWithCancellations();
            // "turn on all the lights except the hall light": every light but the hall light.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on all lights to the hall light"));
            Assert.AreEqual(1, m.Actions.TargetCount);
            Assert.IsTrue(m.Actions.IsTargetOf(LightsModel.Desk));
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Hall));
            // "dim the floor lamp but not the desk lamp": the named light alone; the excepted one is not reported either.
            Say(m, "turn off the desk lamp");
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp to the hallway"));
            Assert.AreEqual(1, m.Actions.TargetCount);
            Assert.AreEqual(-1, m.Actions.Area);
            // Every named target excepted: nothing, never every other light.
            AssertNothingDone(m, "turn on the hall light to the hall light", ActionOutcome.UnknownTarget, ActionReason.NoTarget);
        }

        [TestMethod]
        public void APlaceTheHomeDoesNotHaveIsRefused()
        {
            SaffuModel m = LoadWithLeadsAndPlaces();
            AssertRefused(m, "turn on the lights percent", ActionReason.UnknownArea);
            // A named light does not make the command act in part: the whole command is refused, nothing changes.
            AssertRefused(m, "turn on the desk lamp percent", ActionReason.UnknownArea);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)Say(m, "turn on the percent and the hall light"));
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Hall));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp and the hall light"));
        }

        [TestMethod]
        public void APlaceThatIsALightWordIsAnUnknownName()
        {
            // "percent" stands in for "chandelier": a place phrase that is an anchor word names a light, not a room.
            SaffuModel m = LoadWithLeadsAndPlaces(new string[] { "percent", "lamp", "light", "lights" });
            AssertRefused(m, "turn on the lights percent", ActionReason.UnknownName);
            AssertRefused(m, "dim the desk lamp percent", ActionReason.UnknownName);
        }

        [TestMethod]
        public void AnUnknownNameOrRoomBesideAKnownOneRefusesTheWholeCommand()
        {
            SaffuModel m = LoadWithTargetWords();
            // "turn off the garage lights and the hall light": the unknown name is refused, the hall light is not switched alone.
            AssertRefused(m, "turn on the hall light and the zorblax lights", ActionReason.UnknownName);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Hall));
            // An unknown word before a room's noun ("the lamp in the guest bedroom"): unknown area, also with a named light.
            AssertRefused(m, "turn on the desk lamp in the zorblax bedroom", ActionReason.UnknownArea);
            Assert.AreEqual(0, m.Actions.States.Level(LightsModel.Desk));
            // An area span that is no area of the home ("garage", tagged as an area): refused even though a light was named.
            SaffuModel plain = LoadWith(0);
            AssertRefused(plain, "turn on the desk lamp in the garage", ActionReason.UnknownArea);
            // The first word before a light noun is a wake word or a verb, not a name, when a target is named.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "zorblax lights off in the office"));
            Assert.AreEqual(1, m.Actions.TargetCount);
            Assert.IsTrue(m.Actions.IsTargetOf(LightsModel.Desk));
            // With nothing named it still refuses ("dining room lights off" must not switch every light).
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)Say(m, "zorblax lights off"));
        }

        [TestMethod]
        public void AModelThatTagsNoAreaStillPlans()
        {
            TestModelSpec spec = LightsModel.Create(true);
            string[] tags = new string[LightsModel.Tags.Length];
            for (int i = 0; i < tags.Length; i++) tags[i] = LightsModel.Tags[i] == "B-area" ? "B-room" : LightsModel.Tags[i] == "I-area" ? "I-room" : LightsModel.Tags[i];
            spec.TagLabels = tags;
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            SaffuModel m = result.Model!;
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the desk lamp"));
            Assert.AreEqual(1, m.Actions.TargetCount);
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the lights in the bedroom"));
        }

        [TestMethod]
        public void AnUnknownWordBeforeALightNounIsAnUnknownName()
        {
            SaffuModel m = LoadWith(0);
            Say(m, "turn on the zorblax lights");
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)m.Actions.Outcome);
            Assert.AreEqual((int)ActionReason.UnknownName, (int)m.Actions.Reason);
            Assert.AreEqual(0, m.Actions.Commands.Count);
            // Without the unknown word: every light.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on the lights"));
            Assert.AreEqual(4, m.Actions.TargetCount);
            // An unknown word elsewhere does not matter.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "zorblax turn on the lights"));
        }

        /// <summary>LoadWith's home without the "all lights" alias, with target words and "garage" as the weather intent's device noun.</summary>
        static SaffuModel LoadWithTargetWords() { return LoadWithTargetWords(null); }

        /// <summary>As above, with one more device noun of the weather intent when given.</summary>
        static SaffuModel LoadWithTargetWords(string? device)
        {
            int[] actions = new int[] { 1, 2, 3, 4, 0, (int)ActionKind.Other };
            TestActionMap home = new TestActionMap(LightsModel.Words(), actions);
            home.Area(new string[] { "office", "den" });
            home.Area(new string[] { "hallway" });
            home.Area(new string[] { "bedroom" });
            home.Light(new string[] { "desk lamp", "reading lamp" }, LightsModel.Office, LightsModel.DeskPin, true);
            home.Light(new string[] { "hall light" }, LightsModel.Hallway, LightsModel.HallPin, false);
            home.ColorLight(new string[] { "bedside lamp" }, LightsModel.Bedroom, LightsModel.RedPin, LightsModel.GreenPin, LightsModel.BluePin);
            home.Light(new string[] { "ceiling light" }, LightsModel.Bedroom, LightsModel.CeilingPin, true);
            home.Color("red", 255, 0, 0);
            home.Lead(ActionMap.WordLightNoun, "lights");
            home.Lead(ActionMap.WordEveryLight, "all");
            home.Device(LightsModel.Weather, "garage");
            if (device != null) home.Device(LightsModel.Weather, device);
            TestModelSpec spec = LightsModel.Create(false);
            spec.ActionMap = home.Write();
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(spec));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            return result.Model!;
        }

        [TestMethod]
        public void ATargetHeadedByAnotherDevicesNounIsNotALight()
        {
            SaffuModel m = LoadWithTargetWords();
            Assert.AreEqual(1, m.Actions.Map!.DeviceCount);
            Assert.AreEqual((int)ActionOutcome.NotALight, (int)Say(m, "turn on the garage"));
            Assert.AreEqual("HassGetWeather", m.Actions.DomainName());
            Assert.AreEqual((int)ActionKind.Other, (int)m.Actions.Action);
            Assert.AreEqual(0, m.Actions.Commands.Count);
            Assert.AreEqual((int)ActionOutcome.NotALight, (int)Say(m, "set the garage to 20 percent in the office"));
            // A light noun first ("the lamp by the window"), or right after the device noun ("the tv light"): not the device
            // (here the model tags "garage" as an area, which this home lacks: refused as an unknown area instead).
            AssertRefused(m, "turn on the desk lamp in the garage", ActionReason.UnknownArea);
            Assert.AreNotEqual((int)ActionOutcome.NotALight, (int)Say(m, "turn on the garage lights"));
            Assert.IsNull(m.Actions.DomainName());
        }

        [TestMethod]
        public void ADeviceWordFirstIsNotALightUnlessALightsNameBeginsThere()
        {
            SaffuModel m = LoadWithTargetWords("ceiling");
            // "play city lights in the hallway": the lead word says what is meant, whatever light noun follows.
            Assert.AreEqual((int)ActionOutcome.NotALight, (int)Say(m, "garage lights on"));
            Assert.AreEqual("HassGetWeather", m.Actions.DomainName());
            Assert.AreEqual((int)ActionOutcome.NotALight, (int)Say(m, "garage the desk lamp on"));
            Assert.AreEqual(0, m.Actions.Commands.Count);
            // "tv light on": a light's name begins with the device word.
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "ceiling light on"));
            Assert.IsTrue(m.Actions.IsTargetOf(LightsModel.Ceiling));
            // Not first: the light noun within two words still wins ("turn on the garage lights").
            Assert.AreNotEqual((int)ActionOutcome.NotALight, (int)Say(m, "turn on the garage lights"));
        }

        [TestMethod]
        public void NoTargetActsOnEveryLightOnlyWhenALightOrAllIsSaid()
        {
            SaffuModel m = LoadWithTargetWords();
            AssertRefused(m, "set to 20 percent", ActionReason.NoTarget);
            Assert.AreEqual((int)ActionOutcome.UnknownTarget, (int)Say(m, "turn on"));
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "turn on all"));
            Assert.AreEqual(4, m.Actions.TargetCount);
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "set the lights to 20 percent"));
            Assert.AreEqual(4, m.Actions.TargetCount);
            // A colour says "lights" too (only lights take one).
            Assert.AreEqual((int)ActionOutcome.Acted, (int)Say(m, "make red"));
            // An unknown word right before a light noun (a word of the lead table here): unknown name.
            AssertRefused(m, "turn on the zorblax lights", ActionReason.UnknownName);
        }
    }
}
