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
        // Offsets in LightsModel's section (layout 8; layout 7 the same bytes but the version): header 20 bytes, 6 intent actions padded to 28,
        // areas 28..43, lights 43..96 (light 1 at 60, light 2 at 72), colours 96..116, steps 116..128.
        // Layout 6's header is 8 bytes shorter.
        const int Actions = 20, Areas = 28, Light1 = 60, Light2 = 72, Steps = 116, SectionBytes = 128, OldHeaderSaving = 8;
        // Header fields of layouts 7 and 8.
        const int LightCountAt = 2, AreaCountAt = 4, ColorCountAt = 6, StepCountAt = 8, PlaceCountAt = 10, LeadCountAt = 12,
            DeviceCountAt = 14, StepPercentAt = 16;

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

        /// <summary>The section with the u16 at offset at set to value.</summary>
        static byte[] Patched16(int at, int value)
        {
            byte[] section = Home().Write();
            section[at] = (byte)value;
            section[at + 1] = (byte)(value >> 8);
            return section;
        }

        static TestActionMap OldHome()
        {
            TestActionMap home = Home();
            home.Version = 6;
            return home;
        }

        static byte[] Resized(int length)
        {
            return Resized(Home().Write(), length);
        }

        static byte[] Resized(byte[] section, int length)
        {
            byte[] resized = new byte[length];
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
            blob[TestBlobWriter.SectionOffset(blob, 12) + LightCountAt] = 0;   // lightCount 0
            TestBlobWriter.FixCrc(blob);
            Assert.AreEqual((int)BlobError.BadActionMap, (int)ModelBlob.Load(blob).Error);
        }

        [TestMethod]
        public void HeaderCountsOutOfRange()
        {
            Expect(Patched(LightCountAt, 0), "lightCount is 0", "1..64");
            Expect(Patched(LightCountAt, 65), "lightCount is 65", "1..64");
            Expect(Patched(AreaCountAt, 0), "areaCount is 0", "1..64");
            Expect(Patched(ColorCountAt, 65), "colorCount is 65", "0..64");
            Expect(Patched16(StepCountAt, 256), "stepCount is 256", "0..255");
            Expect(Patched16(PlaceCountAt, 1025), "placeCount is 1025", "0..1024");
            Expect(Patched16(LeadCountAt, 1025), "leadCount is 1025", "0..1024");
            Expect(Patched16(DeviceCountAt, 0xFFFF), "deviceCount is 65535", "0..1024");
            Expect(Patched(StepPercentAt, 0), "stepPercent is 0", "1..100");
            Expect(Patched(StepPercentAt, 101), "stepPercent is 101", "1..100");
            Expect(Patched(StepPercentAt + 2, 1), "reserved header byte 18 is 1", "expected 0");
        }

        [TestMethod]
        public void AnotherLayoutVersionIsRefusedNamingIt()
        {
            Expect(Patched16(0, ActionMap.VersionFlag | 9), "ActionMap is version 9", "reads versions 1..8");
            Expect(Patched16(0, ActionMap.VersionFlag), "ActionMap is version 0", "reads versions 1..8");
            Expect(Patched16(0, ActionMap.VersionFlag | 6), "ActionMap is version 6", "reads versions 1..8");
            // A header of layouts 1..6 is told apart by its first u16, lightCount: 0 or 65..32767 is a bad lightCount.
            Expect(Patched16(0, 0x7FFF), "lightCount is 32767", "1..64");
        }

        [TestMethod]
        public void ALeadCountPastTheSectionIsATypedErrorNotAnOverread()
        {
            TestActionMap home = Home();
            home.Lead(1, "the");
            byte[] section = home.Write();
            section[LeadCountAt] = 44;   // 300: the section holds 1 lead phrase, then padding
            section[LeadCountAt + 1] = 1;
            Expect(section, "lead phrase", "left");
            section[LeadCountAt + 1] = 0x80;   // 32,812: a count no u8 could hold, past the limit
            Expect(section, "leadCount is 32812", "0..1024");
        }

        [TestMethod]
        public void ASectionOfLayout7StillLoadsTheSame()
        {
            TestActionMap seven = Home();
            seven.Version = 7;
            byte[] old = seven.Write(), current = Home().Write();
            Assert.AreEqual(7, (int)old[0]);   // 0x8007, little-endian
            Assert.AreEqual(0x80, (int)old[1]);
            Assert.AreEqual(8, (int)current[0]);
            for (int i = 2; i < SectionBytes; i++) Assert.AreEqual(current[i], old[i], "byte " + i + " after the version");
            LoadResult result = LoadWith(old);
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            ActionMap map = result.Model!.Actions.Map!;
            Assert.AreEqual(3, map.StepCount);
            Assert.AreEqual(1, map.StepDirection(2));
            Assert.AreEqual(-1, map.StepLevel(2));
            // A level record is layout 8's: in a version-7 section its kind byte is a bad direction.
            seven.Level("up", 100, false);
            Expect(seven.Write(), "step phrase 3 has direction 3", "1 (up) or 2 (down) (levels 3 and 4 are layout 8's)");
        }

        [TestMethod]
        public void LevelAndFractionPhrasesAreExposedWithTheirLevels()
        {
            TestActionMap home = Home();
            home.Level("softer", 100, false);
            home.Level("up to", 25, true);
            LoadResult result = LoadWith(home.Write());
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            ActionMap map = result.Model!.Actions.Map!;
            Assert.AreEqual(5, map.StepCount);
            Assert.AreEqual("softer", map.StepPhrase(3));
            Assert.AreEqual("up to", map.StepPhrase(4));
            Assert.AreEqual(0, map.StepDirection(3));
            Assert.AreEqual(100, map.StepLevel(3));
            Assert.IsFalse(map.IsFraction(3));
            Assert.AreEqual(25, map.StepLevel(4));
            Assert.IsTrue(map.IsFraction(4));
            Assert.AreEqual(2, map.StepWords(4));
            Assert.AreEqual(-1, map.StepLevel(0));
        }

        [TestMethod]
        public void ALevelOutOfRangeIsRefused()
        {
            TestActionMap zero = Home();
            zero.Level("softer", 0, false);
            Expect(zero.Write(), "step phrase 3 has level 0", "1..100 (percent)");
            TestActionMap over = Home();
            over.Level("softer", 101, true);
            Expect(over.Write(), "step phrase 3 has level 101", "1..100 (percent)");
        }

        [TestMethod]
        public void ASectionOfLayout6StillLoadsTheSame()
        {
            byte[] old = OldHome().Write(), current = Home().Write();
            Assert.AreEqual(SectionBytes - OldHeaderSaving, old.Length);
            for (int i = Areas; i < SectionBytes; i++) Assert.AreEqual(current[i], old[i - OldHeaderSaving], "byte " + i + " after the header");
            LoadResult result = LoadWith(old);
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            ActionMap map = result.Model!.Actions.Map!;
            Assert.AreEqual(4, map.LightCount);
            Assert.AreEqual(3, map.StepCount);
            Assert.AreEqual(20, map.StepPercent);
            Assert.AreEqual("warm white", map.ColorName(2));
            Assert.AreEqual((int)ActionKind.Set, (int)map.ActionOf(LightsModel.LightSet));
            // Its checks are layout 6's: lightCount first, u8 counts after stepPercent.
            byte[] bad = OldHome().Write();
            bad[0] = 65;
            Expect(bad, "lightCount is 65", "1..64");
            bad = OldHome().Write();
            bad[9] = 3;   // placeCount 3: the section holds none
            Expect(bad, "place", "");
            Expect(Resized(OldHome().Write(), 10), "ActionMap header needs 12 bytes", "has 10 left");
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
            home.Lead(17, "the");
            Expect(home.Write(), "lead phrase 0 has kind 17", "1 (filler), 2 (question), 3 (negation), 4 (light noun), 5 (every-light word), 6 (statement), 7 (cancellation), 8 (light verb), 9 (remark verb), 10 (exclusion), 11 (subject), 12 (colour noun), 13 (determiner), 14 (other subject), 15 (dark phrase) or 16 (relative marker)");
            // The relative marker is layout 8's: a version-7 section with kind 16 is refused.
            TestActionMap seven = Home();
            seven.Version = 7;
            seven.Lead(ActionMap.WordRelativeMarker, "the");
            Expect(seven.Write(), "lead phrase 0 has kind 16", "15 (dark phrase) (16, the relative marker, is layout 8's)");
            TestActionMap eight = Home();
            eight.Lead(ActionMap.WordRelativeMarker, "the");
            Assert.AreEqual(BlobError.None, LoadWith(eight.Write()).Error, "kind 16 in layout 8");
            TestActionMap none = Home();
            none.Lead(0, "the");
            Expect(none.Write(), "lead phrase 0 has kind 0", "1 (filler)");
            // A place count the section does not hold.
            Expect(Patched(PlaceCountAt, 3), "place", "");
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
            Expect(Patched(DeviceCountAt, 2), "device phrase", "");
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
            Expect(Patched(Steps, 5), "step phrase 0 has direction 5", "1 (up) or 2 (down), 3 (level) or 4 (fraction)");
            Expect(Patched(Steps, 0), "step phrase 0 has direction 0", "1 (up) or 2 (down)");
        }

        [TestMethod]
        public void TheLengthMustMatchTheContents()
        {
            Expect(Resized(SectionBytes + 4), "section is 132 bytes", "contents need 128");
            Expect(Resized(SectionBytes - 4), "step phrase 2", "left");
            Expect(Resized(1), "ActionMap header needs 2 bytes", "has 1 left");
            Expect(Resized(10), "ActionMap header needs 20 bytes", "has 10 left");
            Expect(Resized(24), "intentAction for 6 intents", "has 4 left");
        }
    }
}
