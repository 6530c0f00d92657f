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
    /// The ActionMap section (docs/action-map.md, Section layout): what a valid one exposes, and one
    /// handcrafted bad section per check, each refused as BadActionMap with a message naming what
    /// was found and what was expected.
    /// </summary>
    [TestClass]
    public class ActionMapLoadTests
    {
        // Offsets in LightsModel's section: header 12 bytes, 6 intent actions padded to 20, areas
        // 20..35, lights 35..88 (light 1 at 52, light 2 at 64), colours 88..108, steps 108..120.
        const int Actions = 12, Areas = 20, Light1 = 52, Light2 = 64, Steps = 108, SectionBytes = 120;

        static string[] Words() { return LightsModel.Words(); }

        static TestActionMap Home() { return LightsModel.Home(Words()); }

        static LoadResult LoadWith(byte[] section)
        {
            TestModelSpec spec = LightsModel.Create(false);
            spec.ActionMap = section;
            return ModelBlob.Load(TestBlobWriter.Write(spec));
        }

        static void Expect(byte[] section, string found, string expected)
        {
            LoadResult result = LoadWith(section);
            Assert.AreEqual((int)BlobError.BadActionMap, (int)result.Error, result.Error.ToString() + ": " + result.Message);
            Assert.IsNull(result.Model);
            Assert.IsTrue(result.Message.IndexOf(found) >= 0, "message should name \"" + found + "\": " + result.Message);
            Assert.IsTrue(result.Message.IndexOf(expected) >= 0, "message should name \"" + expected + "\": " + result.Message);
        }

        static byte[] Patched(int at, int value)
        {
            byte[] section = Home().Write();
            section[at] = (byte)value;
            return section;
        }

        static byte[] Resized(int length)
        {
            byte[] section = Home().Write(), resized = new byte[length];
            for (int i = 0; i < length && i < section.Length; i++) resized[i] = section[i];
            return resized;
        }

        [TestMethod]
        public void AValidSectionIsExposedFromTheModel()
        {
            byte[] section = Home().Write();
            Assert.AreEqual(SectionBytes, section.Length);
            LoadResult result = LoadWith(section);
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            ActionMap map = result.Model!.Actions.Map!;
            Assert.AreEqual(4, map.LightCount);
            Assert.AreEqual(3, map.AreaCount);
            Assert.AreEqual(3, map.ColorCount);
            Assert.AreEqual(3, map.StepCount);
            Assert.AreEqual(20, map.StepPercent);
            Assert.AreEqual((int)ActionKind.On, (int)map.ActionOf(LightsModel.TurnOn));
            Assert.AreEqual((int)ActionKind.Set, (int)map.ActionOf(LightsModel.LightSet));
            Assert.AreEqual((int)ActionKind.None, (int)map.ActionOf(LightsModel.None));
            Assert.AreEqual(LightsModel.DeskPin, map.Pin(LightsModel.Desk));
            Assert.IsTrue(map.IsDimmable(LightsModel.Desk));
            Assert.IsFalse(map.IsDimmable(LightsModel.Hall));
            Assert.IsTrue(map.HasColor(LightsModel.Bedside));
            Assert.AreEqual(ActionMap.NoPin, map.Pin(LightsModel.Bedside));
            Assert.AreEqual(LightsModel.BluePin, map.ColorPin(LightsModel.Bedside, 2));
            Assert.AreEqual(LightsModel.Bedroom, map.AreaOf(LightsModel.Ceiling));
            Assert.AreEqual("desk lamp", map.LightName(LightsModel.Desk));
            Assert.AreEqual("office", map.AreaName(LightsModel.Office));
            Assert.AreEqual("warm white", map.ColorName(2));
            Assert.AreEqual(180, map.ColorComponent(2, 1));
            Assert.AreEqual("brighter", map.StepPhrase(1));
            Assert.AreEqual(-1, map.StepDirection(0));
            Assert.AreEqual(1, map.StepDirection(2));
        }

        [TestMethod]
        public void AnOptionalActionMapIsStillChecked()
        {
            byte[] blob = TestBlobWriter.Write(LightsModel.Create(true));
            int entry = BlobFormat.HeaderSize + TestBlobWriter.EntryOf(blob, 12) * BlobFormat.SectionEntrySize;
            TestBlobWriter.Put16(blob, entry + 2, 0);
            TestBlobWriter.FixCrc(blob);
            Assert.AreEqual(BlobError.None, ModelBlob.Load(blob).Error);
            blob[TestBlobWriter.SectionOffset(blob, 12)] = 0;   // lightCount 0
            TestBlobWriter.FixCrc(blob);
            Assert.AreEqual((int)BlobError.BadActionMap, (int)ModelBlob.Load(blob).Error);
        }

        [TestMethod]
        public void HeaderCountsOutOfRange()
        {
            Expect(Patched(0, 0), "lightCount is 0", "1..64");
            Expect(Patched(0, 65), "lightCount is 65", "1..64");
            Expect(Patched(2, 0), "areaCount is 0", "1..64");
            Expect(Patched(4, 65), "colorCount is 65", "0..64");
            byte[] steps = Home().Write();
            steps[6] = 0;
            steps[7] = 1;   // 256
            Expect(steps, "stepCount is 256", "0..255");
            Expect(Patched(8, 0), "stepPercent is 0", "1..100");
            Expect(Patched(8, 101), "stepPercent is 101", "1..100");
        }

        [TestMethod]
        public void IntentActionOutOfRange()
        {
            Expect(Patched(Actions + 3, 8), "intentAction of intent 3 is 8", "0..7");
        }

        [TestMethod]
        public void LeadKindOutOfRangeAndPlaceCountsBeyondTheSection()
        {
            TestActionMap home = Home();
            home.Lead(12, "the");
            Expect(home.Write(), "lead phrase 0 has kind 12", "1 (filler), 2 (question), 3 (negation), 4 (light noun), 5 (every-light word), 6 (statement), 7 (cancellation), 8 (light verb), 9 (remark verb), 10 (exclusion) or 11 (subject)");
            TestActionMap none = Home();
            none.Lead(0, "the");
            Expect(none.Write(), "lead phrase 0 has kind 0", "1 (filler)");
            // A place count the section does not hold.
            Expect(Patched(9, 3), "place", "");
        }

        [TestMethod]
        public void ADevicePhraseMustBelongToAnotherDevicesIntent()
        {
            TestActionMap home = Home();
            home.Device(0, "the");
            Expect(home.Write(), "device phrase 0 has intent 0", "an intent whose action is 7 (other)");
            TestActionMap beyond = Home();
            beyond.Device(40, "the");
            Expect(beyond.Write(), "device phrase 0 has intent 40", "7 (other)");
            // A device count the section does not hold.
            Expect(Patched(11, 2), "device phrase", "");
        }

        [TestMethod]
        public void BadPhrases()
        {
            Expect(Patched(Areas + 1, 0), "area 0 has a phrase of 0 words", "1..8");
            TestActionMap nine = Home();
            nine.Color("red red red red red red red red red", 1, 2, 3);
            Expect(nine.Write(), "colour 3 has a phrase of 9 words", "1..8");
            TestActionMap missing = Home();
            missing.Step("louder", true);
            Expect(missing.Write(), "step phrase 3 has word id 65534", "< vocabSize 38");
            TestActionMap oov = Home();
            oov.Area(new string[] { "<oov>" });
            oov.Light(new string[] { "attic lamp" }, 3, 4, false);
            Expect(oov.Write(), "area 3 has the word \"<oov>\"", "no <oov>, <sod> or <num>");
            Expect(Patched(Areas, 0), "area 0 has nameCount 0", "1..8");
            Expect(Patched(Areas, 9), "area 0 has nameCount 9", "1..8");
        }

        [TestMethod]
        public void BadLights()
        {
            Expect(Patched(Light1 + 1, 2), "light 1 has flags 2", "0 (plain), 1 (dimmable) or 3 (colour)");
            Expect(Patched(Light2, 5), "light 2 is a colour light with pin 5", "expected 255");
            Expect(Patched(Light1 + 3, 5), "light 1 has no colour but colour pin 5", "expected 255");
            Expect(Patched(Light1, 40), "light 1 has pin 40", "0..39");
            Expect(Patched(Light2 + 4, 40), "light 2 has pin 40", "0..39");
            Expect(Patched(Light1 + 5, 3), "light 1 is in area 3", "< areaCount 3");
            Expect(Patched(Light2 + 6, 0), "light 2 has nameCount 0", "1..8");
        }

        [TestMethod]
        public void APinUsedTwiceIsRefused()
        {
            Expect(Patched(Light1, LightsModel.DeskPin), "light 1 uses pin 13, already used by light 0", "each pin once");
            Expect(Patched(Light2 + 3, LightsModel.RedPin), "light 2 uses pin 26, already used by light 2", "each pin once");
        }

        [TestMethod]
        public void AnAreaWithoutLightsIsRefused()
        {
            TestActionMap map = Home();
            map.Area(new string[] { "garage" });
            Expect(map.Write(), "area 3 has no light", "every area to have one");
        }

        [TestMethod]
        public void ABadStepDirectionIsRefused()
        {
            Expect(Patched(Steps, 3), "step phrase 0 has direction 3", "1 (up) or 2 (down)");
            Expect(Patched(Steps, 0), "step phrase 0 has direction 0", "1 (up) or 2 (down)");
        }

        [TestMethod]
        public void TheLengthMustMatchTheContents()
        {
            Expect(Resized(SectionBytes + 4), "section is 124 bytes", "contents need 120");
            Expect(Resized(SectionBytes - 4), "step phrase 2", "left");
            Expect(Resized(10), "ActionMap header needs 12 bytes", "has 10 left");
            Expect(Resized(16), "intentAction for 6 intents", "has 4 left");
        }
    }
}
