using Saffu.Runtime.Actions;

namespace Saffu.Runtime.Blob
{
    /// <summary>
    /// The ActionMap section (docs/action-map.md, Section layout). Every count, id, pin and index is
    /// checked here once, so the planner reads the section blind. Optional: a blob without it loads.
    /// </summary>
    internal sealed partial class BlobLoader
    {
        ActionMap? actionMap;
        long pinsUsed;   // bit p: GPIO p already driven by an earlier light

        int mapLights, mapAreas, mapColors, mapSteps, mapStepPercent, mapPlaces, mapLeads, mapDevices;   // the ActionMap header's counts
        int mapVersion;   // the section's layout: 1..6 read as 6 (no version field), 7 or 8

        bool ReadActionMap()
        {
            if (Find(SectionKind.ActionMap) < 0) return true;
            Enter(SectionKind.ActionMap);
            if (!ReadMapHeader()) return false;
            if (!MapRange(mapLights, 1, ActionMap.MaxLights, "lightCount") || !MapRange(mapAreas, 1, ActionMap.MaxAreas, "areaCount")
                || !MapRange(mapColors, 0, ActionMap.MaxColors, "colorCount") || !MapRange(mapSteps, 0, ActionMap.MaxSteps, "stepCount")
                || !MapRange(mapPlaces, 0, ActionMap.MaxPlaces, "placeCount") || !MapRange(mapLeads, 0, ActionMap.MaxLeads, "leadCount")
                || !MapRange(mapDevices, 0, ActionMap.MaxDevices, "deviceCount") || !MapRange(mapStepPercent, 1, 100, "stepPercent")) return false;
            int actionsAt = cur;
            if (!ReadIntentActions() || !Pad(BlobError.BadActionMap, "ActionMap intentAction")) return false;
            int[] areaAt = new int[mapAreas], lightAt = new int[mapLights], colorAt = new int[mapColors], stepAt = new int[mapSteps], placeAt = new int[mapPlaces], leadAt = new int[mapLeads], deviceAt = new int[mapDevices];
            for (int a = 0; a < mapAreas; a++)
            {
                areaAt[a] = cur;
                if (!ReadNamedPhrases("area", a)) return false;
            }
            pinsUsed = 0;
            for (int i = 0; i < mapLights; i++)
            {
                lightAt[i] = cur;
                if (!ReadLight(i, mapAreas, lightAt)) return false;
            }
            for (int c = 0; c < mapColors; c++)
            {
                colorAt[c] = cur;
                if (!NeedIn(ActionMap.ColorFixedBytes, "colour", c)) return false;
                cur += ActionMap.ColorFixedBytes;
                if (!ReadPhrase("colour", c)) return false;
            }
            for (int s = 0; s < mapSteps; s++)
            {
                stepAt[s] = cur;
                if (!ReadStep(s)) return false;
            }
            for (int p = 0; p < mapPlaces; p++)
            {
                placeAt[p] = cur;
                if (!ReadPhrase("place", p)) return false;
            }
            for (int e = 0; e < mapLeads; e++)
            {
                leadAt[e] = cur;
                if (!ReadLead(e)) return false;
            }
            for (int d = 0; d < mapDevices; d++)
            {
                deviceAt[d] = cur;
                if (!ReadDevice(d, actionsAt)) return false;
            }
            if (!Pad(BlobError.BadActionMap, "ActionMap") || !ExactEnd(BlobError.BadActionMap, "ActionMap")) return false;
            if (!EveryAreaLit(mapAreas, lightAt)) return false;
            actionMap = new ActionMap(b, vocabulary!, mapStepPercent, actionsAt, areaAt, lightAt, colorAt, stepAt, placeAt, leadAt, deviceAt);
            return true;
        }

        /// <summary>
        /// The header's counts (docs/action-map.md, Section layout): layouts 7 and 8 (version field 0x8007 or 0x8008, u16
        /// counts), or layouts 1..6, whose first u16 is lightCount (no version field, u8 place, lead and device counts).
        /// </summary>
        bool ReadMapHeader()
        {
            if (!Need(2, BlobError.BadActionMap, "ActionMap header")) return false;
            int first = LittleEndian.U16(b, cur);
            if ((first & ActionMap.VersionFlag) == 0)
            {
                if (!Need(ActionMap.UnversionedHeaderBytes, BlobError.BadActionMap, "ActionMap header")) return false;
                mapLights = first; mapAreas = LittleEndian.U16(b, cur + 2); mapColors = LittleEndian.U16(b, cur + 4); mapSteps = LittleEndian.U16(b, cur + 6);
                mapStepPercent = b[cur + 8]; mapPlaces = b[cur + 9]; mapLeads = b[cur + 10]; mapDevices = b[cur + 11];
                mapVersion = ActionMap.FirstVersionedLayout - 1;
                cur += ActionMap.UnversionedHeaderBytes;
                return true;
            }
            int version = first & ~ActionMap.VersionFlag;
            if (version < ActionMap.FirstVersionedLayout || version > ActionMap.Version)
                return Fail(BlobError.BadActionMap, "ActionMap is version " + version + " but this runtime reads versions 1.." + ActionMap.Version);
            if (!Need(ActionMap.HeaderBytes, BlobError.BadActionMap, "ActionMap header")) return false;
            mapLights = LittleEndian.U16(b, cur + 2); mapAreas = LittleEndian.U16(b, cur + 4); mapColors = LittleEndian.U16(b, cur + 6); mapSteps = LittleEndian.U16(b, cur + 8);
            mapPlaces = LittleEndian.U16(b, cur + 10); mapLeads = LittleEndian.U16(b, cur + 12); mapDevices = LittleEndian.U16(b, cur + 14); mapStepPercent = b[cur + 16];
            mapVersion = version;
            for (int k = 17; k < ActionMap.HeaderBytes; k++)
            {
                if (b[cur + k] != 0) return Fail(BlobError.BadActionMap, "ActionMap reserved header byte " + k + " is " + b[cur + k] + "; expected 0");
            }
            cur += ActionMap.HeaderBytes;
            return true;
        }

        /// <summary>n more bytes in the section for record index of kind what (the message is built only on failure).</summary>
        bool NeedIn(int n, string what, int index)
        {
            if (n <= end - cur) return true;
            return Need(n, BlobError.BadActionMap, "ActionMap " + what + " " + index);
        }

        bool MapRange(int value, int lo, int hi, string what)
        {
            if (value >= lo && value <= hi) return true;
            return Fail(BlobError.BadActionMap, "ActionMap " + what + " is " + value + "; expected " + lo + ".." + hi);
        }

        bool ReadIntentActions()
        {
            int count = config.IntentCount;
            if (!Need(count, BlobError.BadActionMap, "ActionMap intentAction for " + count + " intents")) return false;
            for (int i = 0; i < count; i++)
            {
                if (b[cur + i] > (int)ActionKind.Other)
                    return Fail(BlobError.BadActionMap, "ActionMap intentAction of intent " + i + " is " + b[cur + i] + "; expected 0..7 (none, on, off, toggle, set, query, cancel, other)");
            }
            cur += count;
            return true;
        }

        /// <summary>u8 nameCount (1..8), then that many phrases.</summary>
        bool ReadNamedPhrases(string what, int index)
        {
            if (!NeedIn(1, what, index)) return false;
            int names = b[cur];
            if (names < 1 || names > ActionMap.MaxNames)
                return Fail(BlobError.BadActionMap, "ActionMap " + what + " " + index + " has nameCount " + names + "; expected 1.." + ActionMap.MaxNames);
            cur++;
            for (int n = 0; n < names; n++)
            {
                if (!ReadPhrase(what, index)) return false;
            }
            return true;
        }

        /// <summary>u8 count (1..8), then count u16 ids, each &lt; V and not oovId, sodId or numId.</summary>
        bool ReadPhrase(string what, int index)
        {
            if (!NeedIn(1, what, index)) return false;
            int count = b[cur];
            if (count < 1 || count > ActionMap.MaxPhraseWords)
                return Fail(BlobError.BadActionMap, "ActionMap " + what + " " + index + " has a phrase of " + count + " words; expected 1.." + ActionMap.MaxPhraseWords);
            if (!NeedIn(1 + 2 * count, what, index)) return false;
            for (int k = 0; k < count; k++)
            {
                int id = LittleEndian.U16(b, cur + 1 + 2 * k);
                if (id >= config.VocabSize)
                    return Fail(BlobError.BadActionMap, "ActionMap " + what + " " + index + " has word id " + id + "; expected < vocabSize " + config.VocabSize);
                if (id == config.OovId || id == config.SodId || id == config.NumId)
                    return Fail(BlobError.BadActionMap, "ActionMap " + what + " " + index + " has the word \"" + vocabulary!.Word(id) + "\"; expected no <oov>, <sod> or <num> in a phrase");
            }
            cur += 1 + 2 * count;
            return true;
        }

        /// <summary>pin, flags, red, green, blue, area, nameCount and the names (docs/action-map.md, light).</summary>
        bool ReadLight(int i, int areas, int[] lightAt)
        {
            if (!NeedIn(ActionMap.LightFixedBytes, "light", i)) return false;
            int pin = b[cur], flags = b[cur + 1], area = b[cur + 5];
            bool color = flags == (ActionMap.FlagDimmable | ActionMap.FlagColor);
            if (flags > ActionMap.FlagDimmable && !color)
                return Fail(BlobError.BadActionMap, "ActionMap light " + i + " has flags " + flags + "; expected 0 (plain), 1 (dimmable) or 3 (colour)");
            if (color && pin != ActionMap.NoPin)
                return Fail(BlobError.BadActionMap, "ActionMap light " + i + " is a colour light with pin " + pin + "; expected 255 (its pins are red, green, blue)");
            for (int k = 0; k < 3 && !color; k++)
            {
                if (b[cur + 2 + k] != ActionMap.NoPin)
                    return Fail(BlobError.BadActionMap, "ActionMap light " + i + " has no colour but colour pin " + b[cur + 2 + k] + "; expected 255");
            }
            for (int k = 0; k < 3; k++)
            {
                if ((color || k == 0) && !UsePin(i, color ? b[cur + 2 + k] : pin, lightAt)) return false;
            }
            if (area >= areas)
                return Fail(BlobError.BadActionMap, "ActionMap light " + i + " is in area " + area + "; expected < areaCount " + areas);
            cur += ActionMap.LightFixedBytes - 1;
            return ReadNamedPhrases("light", i);
        }

        /// <summary>A GPIO 0..39 no earlier light drives.</summary>
        bool UsePin(int i, int pin, int[] lightAt)
        {
            if (pin > ActionMap.MaxPin)
                return Fail(BlobError.BadActionMap, "ActionMap light " + i + " has pin " + pin + "; expected 0.." + ActionMap.MaxPin);
            if ((pinsUsed & (1L << pin)) != 0)
                return Fail(BlobError.BadActionMap, "ActionMap light " + i + " uses pin " + pin + ", already used by light " + OwnerOf(pin, i, lightAt) + "; expected each pin once");
            pinsUsed |= 1L << pin;
            return true;
        }

        /// <summary>The first light (up to and including light i) that drives pin.</summary>
        int OwnerOf(int pin, int i, int[] lightAt)
        {
            for (int j = 0; j <= i; j++)
            {
                for (int k = 0; k < 4; k++)
                {
                    if (b[lightAt[j] + (k == 0 ? 0 : 1 + k)] == pin) return j;
                }
            }
            return -1;
        }

        /// <summary>u8 direction (1 up, 2 down; layout 8: 3 level, 4 fraction, then u8 level 1..100), then one phrase.</summary>
        bool ReadStep(int s)
        {
            if (!NeedIn(1, "step phrase", s)) return false;
            int direction = b[cur];
            bool levels = mapVersion >= ActionMap.FirstLevelsLayout;
            if (direction < ActionMap.DirectionUp || direction > (levels ? ActionMap.DirectionFraction : ActionMap.DirectionDown))
                return Fail(BlobError.BadActionMap, "ActionMap step phrase " + s + " has direction " + direction + "; expected 1 (up) or 2 (down)"
                    + (levels ? ", 3 (level) or 4 (fraction)" : " (levels 3 and 4 are layout 8's)"));
            cur++;
            if (direction >= ActionMap.DirectionLevel)
            {
                if (!NeedIn(1, "step phrase", s)) return false;
                if (b[cur] < 1 || b[cur] > 100)
                    return Fail(BlobError.BadActionMap, "ActionMap step phrase " + s + " has level " + b[cur] + "; expected 1..100 (percent)");
                cur++;
            }
            return ReadPhrase("step phrase", s);
        }

        bool ReadLead(int e)
        {
            if (!NeedIn(1, "lead phrase", e)) return false;
            int kind = b[cur];
            bool relative = mapVersion >= ActionMap.FirstLevelsLayout;   // kind 16 is layout 8's
            if (kind < ActionMap.LeadFiller || kind > (relative ? ActionMap.MaxLeadKind : ActionMap.WordDarkState))
                return Fail(BlobError.BadActionMap, "ActionMap lead phrase " + e + " has kind " + kind + "; expected 1 (filler), 2 (question), 3 (negation), 4 (light noun), 5 (every-light word), 6 (statement), 7 (cancellation), 8 (light verb), 9 (remark verb), 10 (exclusion), 11 (subject), 12 (colour noun), 13 (determiner), 14 (other subject), 15 (dark phrase)"
                    + (relative ? " or 16 (relative marker)" : " (16, the relative marker, is layout 8's)"));
            cur++;
            return ReadPhrase("lead phrase", e);
        }

        /// <summary>u8 intent (an intent whose action is other), then one phrase.</summary>
        bool ReadDevice(int d, int actionsAt)
        {
            if (!NeedIn(1, "device phrase", d)) return false;
            int intent = b[cur];
            if (intent >= config.IntentCount || b[actionsAt + intent] != (int)ActionKind.Other)
                return Fail(BlobError.BadActionMap, "ActionMap device phrase " + d + " has intent " + intent + "; expected an intent whose action is 7 (other)");
            cur++;
            return ReadPhrase("device phrase", d);
        }

        bool EveryAreaLit(int areas, int[] lightAt)
        {
            for (int a = 0; a < areas; a++)
            {
                bool lit = false;
                for (int i = 0; i < lightAt.Length && !lit; i++) lit = b[lightAt[i] + 5] == a;
                if (!lit) return Fail(BlobError.BadActionMap, "ActionMap area " + a + " has no light; expected every area to have one");
            }
            return true;
        }
    }
}
