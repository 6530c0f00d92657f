using Saffu.Runtime.Actions;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// Writes an ActionMap section (docs/action-map.md) from phrases, mapping each word to its id
    /// in a test model's word list: the portable stand-in for the trainer's ActionMapSection. A
    /// word not in the list is written as id 0xFFFE, which the loader refuses.
    /// </summary>
    public sealed class TestActionMap
    {
        public const int MissingWord = 0xFFFE;
        readonly string[] words;
        readonly ByteSink areas = new ByteSink(), lights = new ByteSink(), colors = new ByteSink(), steps = new ByteSink();
        readonly ByteSink places = new ByteSink(), leads = new ByteSink(), devices = new ByteSink();
        int areaCount, lightCount, colorCount, stepCount, placeCount, leadCount, deviceCount;

        public TestActionMap(string[] words, int[] intentActions)
        {
            this.words = words;
            IntentActions = intentActions;
        }

        public int[] IntentActions;
        public int StepPercent = 20;
        /// <summary>The layout written: ActionMap.Version or 7 (a version field, u16 counts), or 6 (the unversioned header of layouts 1..6).</summary>
        public int Version = ActionMap.Version;

        public int AreaCount { get { return areaCount; } }
        public int LightCount { get { return lightCount; } }

        /// <summary>An area: its canonical name, then aliases.</summary>
        public void Area(string[] names)
        {
            Names(areas, names);
            areaCount++;
        }

        /// <summary>A plain (dimmable false) or dimmable light on one pin.</summary>
        public void Light(string[] names, int area, int pin, bool dimmable)
        {
            LightRecord(names, area, pin, dimmable ? ActionMap.FlagDimmable : 0, ActionMap.NoPin, ActionMap.NoPin, ActionMap.NoPin);
        }

        /// <summary>A colour light on three PWM pins.</summary>
        public void ColorLight(string[] names, int area, int red, int green, int blue)
        {
            LightRecord(names, area, ActionMap.NoPin, ActionMap.FlagDimmable | ActionMap.FlagColor, red, green, blue);
        }

        void LightRecord(string[] names, int area, int pin, int flags, int red, int green, int blue)
        {
            lights.U8(pin);
            lights.U8(flags);
            lights.U8(red);
            lights.U8(green);
            lights.U8(blue);
            lights.U8(area);
            Names(lights, names);
            lightCount++;
        }

        public void Color(string name, int red, int green, int blue)
        {
            colors.U8(red);
            colors.U8(green);
            colors.U8(blue);
            Phrase(colors, name);
            colorCount++;
        }

        public void Step(string phrase, bool up)
        {
            steps.U8(up ? ActionMap.DirectionUp : ActionMap.DirectionDown);
            Phrase(steps, phrase);
            stepCount++;
        }

        /// <summary>
        /// A level phrase of the step table (layout 8, docs/action-map.md step 3): it sets level percent; a fraction counts a
        /// number said right before it ("3 quarters").
        /// </summary>
        public void Level(string phrase, int level, bool fraction)
        {
            steps.U8(fraction ? ActionMap.DirectionFraction : ActionMap.DirectionLevel);
            steps.U8(level);
            Phrase(steps, phrase);
            stepCount++;
        }

        /// <summary>A place this home does not have (docs/action-map.md step 2).</summary>
        public void Place(string phrase)
        {
            Phrase(places, phrase);
            placeCount++;
        }

        /// <summary>A lead phrase of kind 1 filler, 2 question, 3 negation (docs/action-map.md step 0), or a target word: 4 light noun, 5 every-light word.</summary>
        public void Lead(int kind, string phrase)
        {
            leads.U8(kind);
            Phrase(leads, phrase);
            leadCount++;
        }

        /// <summary>Another device's noun, of intent (an intent whose action is 7 other; docs/action-map.md step 2).</summary>
        public void Device(int intent, string phrase)
        {
            devices.U8(intent);
            Phrase(devices, phrase);
            deviceCount++;
        }

        /// <summary>The section's bytes, padded to 4.</summary>
        public byte[] Write()
        {
            ByteSink s = new ByteSink();
            if (Version >= ActionMap.FirstVersionedLayout) VersionedHeader(s);
            else UnversionedHeader(s);
            for (int i = 0; i < IntentActions.Length; i++) s.U8(IntentActions[i]);
            s.Pad4();
            s.Sink(areas);
            s.Sink(lights);
            s.Sink(colors);
            s.Sink(steps);
            s.Sink(places);
            s.Sink(leads);
            s.Sink(devices);
            s.Pad4();
            return s.ToArray();
        }

        void VersionedHeader(ByteSink s)
        {
            s.U16(ActionMap.VersionFlag | Version);
            s.U16(lightCount);
            s.U16(areaCount);
            s.U16(colorCount);
            s.U16(stepCount);
            s.U16(placeCount);
            s.U16(leadCount);
            s.U16(deviceCount);
            s.U8(StepPercent);
            s.U8(0);
            s.U8(0);
            s.U8(0);
        }

        /// <summary>Layouts 1..6: u8 place, lead and device counts (the low byte of larger counts, as a faulty writer would).</summary>
        void UnversionedHeader(ByteSink s)
        {
            s.U16(lightCount);
            s.U16(areaCount);
            s.U16(colorCount);
            s.U16(stepCount);
            s.U8(StepPercent);
            s.U8(placeCount);
            s.U8(leadCount);
            s.U8(deviceCount);
        }

        void Names(ByteSink s, string[] names)
        {
            s.U8(names.Length);
            for (int i = 0; i < names.Length; i++) Phrase(s, names[i]);
        }

        void Phrase(ByteSink s, string phrase)
        {
            string[] parts = phrase.Split(new char[] { ' ' });
            s.U8(parts.Length);
            for (int i = 0; i < parts.Length; i++) s.U16(IdOf(parts[i]));
        }

        int IdOf(string word)
        {
            for (int id = 0; id < words.Length; id++)
            {
                if (words[id] == word) return id;
            }
            return MissingWord;
        }
    }
}
