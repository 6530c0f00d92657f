using Saffu.Runtime.Model;

namespace Saffu.Runtime.Actions
{
    /// <summary>
    /// The blob's ActionMap section (docs/action-map.md), read in place: the intent actions, areas,
    /// lights, colours and step phrases, with the start offset of each record (allocated at load).
    /// The loader checked every field, so the readers here run blind.
    /// </summary>
    public sealed partial class ActionMap
    {
        /// <summary>The layout this runtime writes and reads (docs/action-map.md, Version history); it also reads layouts 1..7.</summary>
        public const int Version = 8;
        /// <summary>The first layout with a version field (0x8007); layouts 7 and 8 share its header.</summary>
        public const int FirstVersionedLayout = 7;
        /// <summary>The first layout with level and fraction step records and the relative marker (lead kind 16).</summary>
        public const int FirstLevelsLayout = 8;
        /// <summary>Bit 15 of the first u16: a header with a version field (layout 7 on); layouts 1..6 start with lightCount.</summary>
        public const int VersionFlag = 0x8000;
        /// <summary>Header bytes of layouts 7 and 8 (version, seven u16 counts, stepPercent, 3 reserved) and of layouts 1..6.</summary>
        public const int HeaderBytes = 20, UnversionedHeaderBytes = 12;
        public const int MaxLights = 64, MaxAreas = 64, MaxColors = 64, MaxSteps = 255;
        /// <summary>Place, lead and device phrases (u16 counts since layout 7; layouts 1..6 stored u8 counts).</summary>
        public const int MaxPlaces = 1024, MaxLeads = 1024, MaxDevices = 1024;
        public const int MaxNames = 8, MaxPhraseWords = 8;
        public const int MaxPin = 39, NoPin = 0xFF;
        public const int FlagDimmable = 1, FlagColor = 2;
        public const int DirectionUp = 1, DirectionDown = 2;
        /// <summary>
        /// Step table kinds of layout 8 (docs/action-map.md step 3): a level phrase sets its level, in percent, as a number
        /// would ("full", "max": 100); a fraction phrase too, times a number said right before it ("three quarters": 3 × 25).
        /// Both store a u8 level (1..100) after the kind byte.
        /// </summary>
        public const int DirectionLevel = 3, DirectionFraction = 4;
        public const int LeadNone = 0, LeadFiller = 1, LeadQuestion = 2, LeadNegation = 3;
        /// <summary>Word kinds of the lead table that are no lead (docs/action-map.md step 2): matched anywhere in the sentence.</summary>
        public const int WordLightNoun = 4, WordEveryLight = 5;
        /// <summary>A lead kind after the target words (docs/action-map.md step 0): a remark ("i bought", "my mum"), never a request.</summary>
        public const int LeadStatement = 6;
        /// <summary>
        /// Word kinds of the lead table after the statement leads (docs/action-map.md step 0, version 5): a cancellation
        /// ("no wait", "scratch that") counts anywhere from the lead on; a light verb ("turn", "switch") said right after a
        /// negation phrase (kind 3) cancels when it is the sentence's first light verb ("can you not turn on the lamp").
        /// </summary>
        public const int WordCancel = 7, WordLightVerb = 8;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 0, version 5): a verb that, right after a light or room said
        /// at the start of the sentence, makes it a remark ("the counter lights were expensive", "purple light makes me sleepy").
        /// </summary>
        public const int WordRemarkVerb = 9;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 2, version 5): a name or area span right after an exclusion
        /// ("except", "but not", "apart from"), or one word after it ("except the hall light"), is excepted from the targets.
        /// </summary>
        public const int WordExclusion = 10;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 0, version 6): a subject pronoun ("i", "we", "they") that,
        /// as the sentence's lead and followed by a word the model does not know, makes a remark ("i &lt;fell&gt; asleep").
        /// </summary>
        public const int WordSubject = 11;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 1, version 7): a colour noun ("colour", "colors") makes an
        /// on, off or toggle decision a set — a sentence about the lights' colour asks for a colour, not for power.
        /// </summary>
        public const int WordColourNoun = 12;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 2, version 7): a determiner ("the", "my", "every") before an
        /// area noun that is no area on its own ("room") names no room; any other known word there names one the home lacks.
        /// </summary>
        public const int WordDeterminer = 13;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 0, version 7): someone other than the speaker ("she",
        /// "someone") who, as the lead and followed by a remark verb, an unknown verb or a past tense, did or said something.
        /// </summary>
        public const int WordOtherSubject = 14;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 1, version 7): the dark asked for — a phrase of more than one
        /// word anywhere ("go dark"), or one word right after a light or area noun that a light verb precedes ("make the
        /// lounge dark"): an on decision is an off.
        /// </summary>
        public const int WordDarkState = 15;
        /// <summary>
        /// A word kind of the lead table (docs/action-map.md step 3, layout 8 only): a relative marker ("by") right before the
        /// value of a set that says a step direction makes the change relative ("dim it by half", "reduce it by 10 percent").
        /// </summary>
        public const int WordRelativeMarker = 16;
        /// <summary>The largest lead kind a reader of this version knows (layouts 1..7 stop at WordDarkState).</summary>
        public const int MaxLeadKind = WordRelativeMarker;
        /// <summary>A remark's subject: its head noun is among the first SubjectWords words from the lead.</summary>
        public const int SubjectWords = 4;
        public const int LightFixedBytes = 7;   // pin, flags, red, green, blue, area, nameCount
        public const int ColorFixedBytes = 3;   // red, green, blue

        readonly byte[] data;
        readonly Vocabulary vocabulary;
        readonly int actionsAt;   // u8[I]
        readonly int[] areaAt;    // [A] offset of each area's nameCount
        readonly int[] lightAt;   // [L] offset of each light's pin byte
        readonly int[] colorAt;   // [C] offset of each colour's red byte
        readonly int[] stepAt;    // [S] offset of each step's direction byte (then, for a level or fraction, its level byte)
        readonly int[] placeAt;   // [P] offset of each place phrase
        readonly int[] leadAt;    // [E] offset of each lead phrase's kind byte
        readonly int[] deviceAt;  // [D] offset of each device phrase's intent byte

        internal ActionMap(byte[] data, Vocabulary vocabulary, int stepPercent, int actionsAt,
            int[] areaAt, int[] lightAt, int[] colorAt, int[] stepAt, int[] placeAt, int[] leadAt, int[] deviceAt)
        {
            this.data = data;
            this.vocabulary = vocabulary;
            StepPercent = stepPercent;
            this.actionsAt = actionsAt;
            this.areaAt = areaAt;
            this.lightAt = lightAt;
            this.colorAt = colorAt;
            this.stepAt = stepAt;
            this.placeAt = placeAt;
            this.leadAt = leadAt;
            this.deviceAt = deviceAt;
        }

        public int LightCount { get { return lightAt.Length; } }
        public int AreaCount { get { return areaAt.Length; } }
        public int ColorCount { get { return colorAt.Length; } }
        public int StepCount { get { return stepAt.Length; } }
        public int PlaceCount { get { return placeAt.Length; } }
        public int LeadCount { get { return leadAt.Length; } }
        public int DeviceCount { get { return deviceAt.Length; } }
        /// <summary>Percent points of one step up or down, 1..100.</summary>
        public int StepPercent { get; }

        /// <summary>Bytes of the offset tables.</summary>
        public int RamBytes { get { return RamBytesFor(LightCount, AreaCount, ColorCount, StepCount, PlaceCount + LeadCount + DeviceCount); } }

        /// <summary>Bytes of the offset tables; phrases = place, lead and device phrases together.</summary>
        public static int RamBytesFor(int lights, int areas, int colors, int steps, int phrases)
        {
            return 4 * (lights + areas + colors + steps + phrases);
        }

        /// <summary>
        /// The kind of the sentence's lead (docs/action-map.md step 0): skipping filler lead phrases from ids[first], the
        /// kind of the longest lead phrase at the first other word (LeadQuestion, LeadNegation, LeadStatement), or LeadNone.
        /// </summary>
        public int LeadOf(int[] ids, int first, int count)
        {
            int at = LeadStart(ids, first, count);
            int lead = LongestLeadAt(ids, at, first + count);
            return lead < 0 ? LeadNone : data[leadAt[lead]];
        }

        /// <summary>The position of the sentence's first word that is no filler lead phrase (first + count when all are).</summary>
        public int LeadStart(int[] ids, int first, int count)
        {
            int at = first, end = first + count;
            while (at < end)
            {
                int lead = LongestLeadAt(ids, at, end);
                if (lead < 0 || data[leadAt[lead]] != LeadFiller) return at;
                at += data[leadAt[lead] + 1];
            }
            return end;
        }

        /// <summary>The longest lead phrase (kinds filler, question, negation, statement) at ids[at], −1 if none.</summary>
        int LongestLeadAt(int[] ids, int at, int end) { return LongestPhraseAt(leadAt, ids, at, end, true); }

        /// <summary>
        /// The longest phrase of a table (offsets of a kind or intent byte, then the word count and the words) that starts
        /// at ids[at] and ends by ids[end − 1], −1 if none; leadsOnly keeps the lead kinds (filler, question, negation,
        /// statement) of the lead table.
        /// </summary>
        int LongestPhraseAt(int[] table, int[] ids, int at, int end, bool leadsOnly)
        {
            int best = -1, bestWords = 0;
            for (int e = 0; e < table.Length; e++)
            {
                int n = data[table[e] + 1], kind = data[table[e]];
                if (leadsOnly && kind > LeadNegation && kind != LeadStatement) continue;
                if (n > bestWords && at + n <= end && PhraseIs(table[e] + 1, ids, at, n))
                {
                    best = e;
                    bestWords = n;
                }
            }
            return best;
        }

        /// <summary>
        /// The sentence takes itself back after its lead (docs/action-map.md step 0): a cancellation phrase (kind 7) at or
        /// after the lead ("turn on the kitchen light no wait"), or a negation phrase (kind 3) right before the sentence's
        /// first light verb (kind 8: "can you not turn on the lamp", "the hall light, don't switch it off"). A later negated
        /// verb does not ("turn the light on, don't dim it"), nor a cancellation among the fillers before the lead ("no wait,
        /// turn on the lamp": a correction that asks for something).
        /// </summary>
        public bool CancelsItself(int[] ids, int first, int count)
        {
            int end = first + count, lead = LeadStart(ids, first, count);
            if (HasWordOfKind(WordCancel, ids, lead, end - lead)) return true;
            for (int t = lead; t < end; t++)   // from the lead: a filler is no light verb ("make" of "make sure")
            {
                if (IsPhraseOfKindAt(WordLightVerb, ids, t, end)) return PhraseOfKindEndsAt(LeadNegation, ids, first, t);
            }
            return false;
        }

        /// <summary>
        /// ids[first..first+count) ask for the dark (docs/action-map.md step 1): a dark phrase (kind 15) of more than one word
        /// ("go dark"), or a one-word one right after a light or area noun that a light verb (kind 8) comes before ("make the
        /// lounge dark"); not "it's dark in here" nor "the lounge is dark".
        /// </summary>
        public bool AsksForDark(int[] ids, int first, int count)
        {
            int end = first + count;
            bool verb = false;
            for (int t = first; t < end; t++)
            {
                int n = PhraseOfKindEnd(WordDarkState, ids, t, end) - t;
                if (n > 1 || (n == 1 && verb && t - 1 >= first && IsNounAt(ids, t - 1))) return true;
                verb |= IsPhraseOfKindAt(WordLightVerb, ids, t, end);
            }
            return false;
        }

        /// <summary>
        /// The sentence ids[first..first+count) is a remark, not a request (docs/action-map.md step 0): its lead
        /// (<paramref name="leadKind"/>, as <see cref="LeadOf"/> gives it) is a statement lead, or, from the first word after
        /// the fillers, one of the rules below says so — a light or room said first then a remark verb or an unknown verb
        /// (IsRemark), a subject or an unknown first word then an unknown verb or a past tense (IsUnknownStatement), someone
        /// said first then a remark verb (IsSubjectRemark).
        /// </summary>
        public bool IsStatement(int[] ids, int first, int count, int leadKind, int oovId)
        {
            if (leadKind == LeadStatement) return true;
            if (count == 0) return false;
            int lead = LeadStart(ids, first, count), end = first + count;
            return IsRemark(ids, lead, end, oovId) || IsUnknownStatement(ids, lead, end, oovId) || IsSubjectRemark(ids, lead, end, leadKind);
        }

        /// <summary>
        /// The sentence is a remark about a light or room said first (docs/action-map.md step 0): among the first SubjectWords
        /// words from the lead, before any light verb, the head of a light or area noun phrase (a light noun or area noun not
        /// followed by another) is followed by a remark verb (kind 9) or by a word the model does not know that starts no
        /// place ("the counter lights were expensive", "purple light makes me sleepy", "the hall light &lt;went&gt; off by
        /// itself"); not "turn on the light that was on" (a light verb first), nor "the desk lamp is too dim" ("is" and
        /// "looks" are no remark verbs: commands say them).
        /// </summary>
        bool IsRemark(int[] ids, int lead, int end, int oovId)
        {
            for (int t = lead; t < end && t < lead + SubjectWords; t++)
            {
                if (IsPhraseOfKindAt(WordLightVerb, ids, t, end)) return false;
                if (!IsNounAt(ids, t) || (t + 1 < end && IsNounAt(ids, t + 1))) continue;
                return t + 1 < end && (IsPhraseOfKindAt(WordRemarkVerb, ids, t + 1, end) || IsUnknownVerbAt(ids, t + 1, end, oovId));
            }
            return false;
        }

        /// <summary>
        /// The sentence's lead is a subject with a verb the model does not know (docs/action-map.md step 0): a subject phrase
        /// (kind 11: "i", "we", "they") is the first word after the fillers and the word right after it is unknown and
        /// starts no place ("i &lt;fell&gt; asleep with the bedside lamp on", "we &lt;repainted&gt; the hall"): the model
        /// knows the verbs commands say after a subject ("i want", "i need", "i'd like"), not a story's. Or (sixth session)
        /// the lead is itself a word the model does not know, followed by a remark verb or an unknown word that starts no
        /// place: someone the model has no word for did or said something ("&lt;she&gt; said turn off the lights",
        /// "&lt;he&gt; &lt;told&gt; me to dim the desk lamp").
        /// </summary>
        bool IsUnknownStatement(int[] ids, int lead, int end, int oovId)
        {
            int after = lead >= end ? -1 : ids[lead] == oovId ? lead + 1 : PhraseOfKindEnd(WordOtherSubject, ids, lead, end);
            if (after > lead && after < end && !IsNounAt(ids, after)
                && (IsPhraseOfKindAt(WordRemarkVerb, ids, after, end) || IsUnknownVerbAt(ids, after, end, oovId)
                    || IsPastTenseAt(ids, after, oovId))) return true;
            for (int e = 0; e < leadAt.Length; e++)
            {
                int n = data[leadAt[e] + 1];
                if (data[leadAt[e]] == WordSubject && lead + n < end && PhraseIs(leadAt[e] + 1, ids, lead, n)
                    && (IsUnknownVerbAt(ids, lead + n, end, oovId) || IsPastTenseAt(ids, lead + n, oovId))) return true;
            }
            return false;
        }

        /// <summary>
        /// ids[at] is a word of the model spelled as a past tense: at least four letters ending in "ed", not "eed" ("need",
        /// which commands say after a subject). A subject, or someone the model has no word for, then a past tense tells a
        /// story ("i dimmed the lounge lights for the film", "&lt;she&gt; turned on the kitchen light and screamed").
        /// </summary>
        bool IsPastTenseAt(int[] ids, int at, int oovId)
        {
            int id = ids[at];
            return id >= 0 && id != oovId && vocabulary.WordLength(id) >= 4 && vocabulary.EndsWith(id, "ed") && !vocabulary.EndsWith(id, "eed");
        }

        /// <summary>
        /// Someone or something said first did or said something (docs/action-map.md step 0, sixth session): the lead is no
        /// subject phrase (kind 11) and no question, and among the SubjectWords words from the lead, after the lead word and
        /// before any light verb, stands a remark verb (kind 9): "the kids were shouting turn on the mood light", "the landlord
        /// said we can't drill holes for another ceiling light", "our old cat used to nap under the desk lamp". Not "i was
        /// wondering if you could turn on the lamp" (a subject lead: commands say "i"), nor "what colour is the mood light"
        /// (a question is answered), nor "turn on the light that was on" (a light verb first).
        /// </summary>
        bool IsSubjectRemark(int[] ids, int lead, int end, int leadKind)
        {
            if (lead >= end || IsPhraseOfKindAt(WordSubject, ids, lead, end) || leadKind == LeadQuestion) return false;
            for (int t = lead + 1; t < end && t < lead + SubjectWords; t++)
            {
                if (IsPhraseOfKindAt(WordLightVerb, ids, t, end)) return false;
                if (IsPhraseOfKindAt(WordRemarkVerb, ids, t, end)) return true;
            }
            return false;
        }

        /// <summary>ids[at] is the out-of-vocabulary id and no light or area noun follows it (then it is a place: step 2).</summary>
        bool IsUnknownVerbAt(int[] ids, int at, int end, int oovId)
        {
            return ids[at] == oovId && !(at + 1 < end && IsNounAt(ids, at + 1));
        }

        /// <summary>
        /// An exclusion phrase (kind 10) ends right before ids[at] or one word before it ("except the hall light", "but not
        /// my desk lamp"), starting at or after ids[first].
        /// </summary>
        public bool ExclusionBefore(int[] ids, int first, int at)
        {
            return PhraseOfKindEndsAt(WordExclusion, ids, first, at) || PhraseOfKindEndsAt(WordExclusion, ids, first, at - 1);
        }

        bool IsNounAt(int[] ids, int at) { return IsLightNounAt(ids, at) || IsAreaNoun(ids[at]); }

        /// <summary>The index after the longest phrase of that kind of the lead table at ids[at] (ending by ids[end − 1]); −1 if none.</summary>
        int PhraseOfKindEnd(int kind, int[] ids, int at, int end)
        {
            int best = -1;
            for (int e = 0; e < leadAt.Length; e++)
            {
                int n = data[leadAt[e] + 1];
                if (data[leadAt[e]] == kind && at + n <= end && at + n > best && PhraseIs(leadAt[e] + 1, ids, at, n)) best = at + n;
            }
            return best;
        }

        /// <summary>A phrase of that kind of the lead table starts at ids[at] and ends by ids[end − 1].</summary>
        bool IsPhraseOfKindAt(int kind, int[] ids, int at, int end) { return PhraseOfKindEnd(kind, ids, at, end) > at; }

        /// <summary>A phrase of that kind of the lead table ends right before ids[at] and starts at or after ids[first].</summary>
        bool PhraseOfKindEndsAt(int kind, int[] ids, int first, int at)
        {
            for (int e = 0; e < leadAt.Length; e++)
            {
                int n = data[leadAt[e] + 1];
                if (data[leadAt[e]] == kind && at - n >= first && PhraseIs(leadAt[e] + 1, ids, at - n, n)) return true;
            }
            return false;
        }

        /// <summary>A relative marker (kind 16: "by") ends right before ids[at] and starts at or after ids[first].</summary>
        public bool RelativeMarkerEndsAt(int[] ids, int first, int at) { return PhraseOfKindEndsAt(WordRelativeMarker, ids, first, at); }

        /// <summary>Some light's name or alias begins at ids[at] ("tv light" of "tv light on"; the longest phrase is 8 words).</summary>
        public bool IsLightPhraseAt(int[] ids, int at, int end)
        {
            for (int n = 1; n <= 8 && at + n <= end; n++)
            {
                if (FindLight(ids, at, n) >= 0) return true;
            }
            return false;
        }

        /// <summary>The action of intent i (i &lt; intentCount).</summary>
        public ActionKind ActionOf(int intent) { return (ActionKind)data[actionsAt + intent]; }

        /// <summary>A plain or dimmable light's GPIO; NoPin for a colour light.</summary>
        public int Pin(int light) { return data[lightAt[light]]; }
        public bool IsDimmable(int light) { return (data[lightAt[light] + 1] & FlagDimmable) != 0; }
        public bool HasColor(int light) { return (data[lightAt[light] + 1] & FlagColor) != 0; }
        /// <summary>A colour light's GPIO of channel 0 red, 1 green, 2 blue; NoPin otherwise.</summary>
        public int ColorPin(int light, int channel) { return data[lightAt[light] + 2 + channel]; }
        public int AreaOf(int light) { return data[lightAt[light] + 5]; }

        /// <summary>Colour c's component 0 red, 1 green, 2 blue, 0..255.</summary>
        public int ColorComponent(int color, int channel) { return data[colorAt[color] + channel]; }

        /// <summary>+1 for a step phrase that means up, −1 for down, 0 for a level or fraction phrase.</summary>
        public int StepDirection(int step)
        {
            int direction = data[stepAt[step]];
            return direction == DirectionUp ? 1 : direction == DirectionDown ? -1 : 0;
        }

        /// <summary>The level in percent (1..100) of a level or fraction phrase of the step table; −1 for a step up or down.</summary>
        public int StepLevel(int step) { return data[stepAt[step]] >= DirectionLevel ? data[stepAt[step] + 1] : -1; }

        /// <summary>A fraction phrase ("quarters"): a number said right before it counts that many of its level.</summary>
        public bool IsFraction(int step) { return data[stepAt[step]] == DirectionFraction; }

        /// <summary>Offset of the step record's phrase: after the direction byte, and after the level byte of a level or fraction.</summary>
        int StepPhraseAt(int step) { return stepAt[step] + (data[stepAt[step]] >= DirectionLevel ? 2 : 1); }

        /// <summary>The light one of whose names is ids[first..first+count), or −1.</summary>
        public int FindLight(int[] ids, int first, int count)
        {
            for (int light = 0; light < lightAt.Length; light++)
            {
                if (AnyNameIs(lightAt[light] + LightFixedBytes - 1, ids, first, count)) return light;
            }
            return -1;
        }

        /// <summary>The area one of whose names is ids[first..first+count), or −1.</summary>
        public int FindArea(int[] ids, int first, int count)
        {
            for (int area = 0; area < areaAt.Length; area++)
            {
                if (AnyNameIs(areaAt[area], ids, first, count)) return area;
            }
            return -1;
        }

        /// <summary>
        /// The area one of whose names is the start of ids[first..first+count) with at least one
        /// word after it ("kitchen" of "kitchen lights"), the longest such name first; or −1.
        /// </summary>
        public int FindAreaPrefix(int[] ids, int first, int count)
        {
            for (int n = PhraseWordsLeft(count - 1); n >= 1; n--)
            {
                int area = FindArea(ids, first, n);
                if (area >= 0) return area;
            }
            return -1;
        }

        /// <summary>The colour whose phrase is ids[first..first+count), or −1.</summary>
        public int FindColor(int[] ids, int first, int count)
        {
            for (int color = 0; color < colorAt.Length; color++)
            {
                if (PhraseIs(colorAt[color] + ColorFixedBytes, ids, first, count)) return color;
            }
            return -1;
        }

        /// <summary>The step phrase ids[first..first+count) — up, down, or (layout 8) a level or fraction —, or −1.</summary>
        public int FindStep(int[] ids, int first, int count)
        {
            for (int step = 0; step < stepAt.Length; step++)
            {
                if (PhraseIs(StepPhraseAt(step), ids, first, count)) return step;
            }
            return -1;
        }

        /// <summary>The longest level or fraction phrase of the step table that starts at ids[at] and ends by ids[end − 1]; −1 if none.</summary>
        public int LevelAt(int[] ids, int at, int end)
        {
            int best = -1, bestWords = 0;
            for (int step = 0; step < stepAt.Length; step++)
            {
                if (data[stepAt[step]] < DirectionLevel) continue;
                int phrase = StepPhraseAt(step), n = data[phrase];
                if (n > bestWords && at + n <= end && PhraseIs(phrase, ids, at, n))
                {
                    best = step;
                    bestWords = n;
                }
            }
            return best;
        }

        /// <summary>Words of step phrase s.</summary>
        public int StepWords(int step) { return data[StepPhraseAt(step)]; }

        /// <summary>The first colour phrase among ids[first..first+count): earliest position, longest phrase; −1 if none.</summary>
        public int FindColorIn(int[] ids, int first, int count)
        {
            for (int at = first; at < first + count; at++)
            {
                for (int n = PhraseWordsLeft(first + count - at); n >= 1; n--)
                {
                    int color = FindColor(ids, at, n);
                    if (color >= 0) return color;
                }
            }
            return -1;
        }

        /// <summary>The first step phrase up or down among ids[first..first+count): earliest position, longest phrase; −1 if none.</summary>
        public int FindStepIn(int[] ids, int first, int count)
        {
            for (int at = first; at < first + count; at++)
            {
                for (int n = PhraseWordsLeft(first + count - at); n >= 1; n--)
                {
                    int step = FindStep(ids, at, n);
                    if (step >= 0 && StepLevel(step) < 0) return step;
                }
            }
            return -1;
        }

        /// <summary>The first place phrase in ids[first..first+count): its end position (exclusive), or −1 when none.</summary>
        public int FindPlaceEnd(int[] ids, int first, int count)
        {
            for (int at = first; at < first + count; at++)
            {
                for (int p = 0; p < placeAt.Length; p++)
                {
                    int n = data[placeAt[p]];
                    if (at + n <= first + count && PhraseIs(placeAt[p], ids, at, n)) return at + n;
                }
            }
            return -1;
        }

        /// <summary>The place phrase's words (allocates).</summary>
        public string PlacePhrase(int place) { return PhraseText(placeAt[place]); }

        /// <summary>True when id is the last word of one of a light's names ("light", "lamp"): the noun a target ends with.</summary>
        public bool IsLightNoun(int id)
        {
            for (int light = 0; light < lightAt.Length; light++)
            {
                if (AnyNameHas(lightAt[light] + LightFixedBytes - 1, id, true)) return true;
            }
            return false;
        }

        /// <summary>True when id is the last word of one of an area's names ("kitchen", "room" of "living room").</summary>
        public bool IsAreaNoun(int id)
        {
            for (int area = 0; area < areaAt.Length; area++)
            {
                if (AnyNameHas(areaAt[area], id, true)) return true;
            }
            return false;
        }

        /// <summary>A light noun at ids[at]: the last word of a light's name, or a one-word phrase of kind WordLightNoun ("lamps", "bulbs").</summary>
        public bool IsLightNounAt(int[] ids, int at) { return IsLightNoun(ids[at]) || WordKindAt(ids, at, at + 1) == WordLightNoun; }

        /// <summary>
        /// The kind of the longest phrase of the lead table that starts at ids[at] and ends by ids[end − 1]
        /// (LeadFiller..WordLightVerb), LeadNone when none.
        /// </summary>
        public int WordKindAt(int[] ids, int at, int end)
        {
            int e = LongestPhraseAt(leadAt, ids, at, end, false);
            return e < 0 ? LeadNone : data[leadAt[e]];
        }

        /// <summary>True when the lead table has a phrase of kind WordEveryLight (a map written before them has none).</summary>
        public bool HasEveryLightWords
        {
            get
            {
                for (int e = 0; e < leadAt.Length; e++)
                {
                    if (data[leadAt[e]] == WordEveryLight) return true;
                }
                return false;
            }
        }

        /// <summary>True when a phrase of that kind of the lead table is among ids[first..first+count).</summary>
        public bool HasWordOfKind(int kind, int[] ids, int first, int count)
        {
            for (int e = 0; e < leadAt.Length; e++)
            {
                if (data[leadAt[e]] != kind) continue;
                int n = data[leadAt[e] + 1];
                for (int at = first; at + n <= first + count; at++)
                {
                    if (PhraseIs(leadAt[e] + 1, ids, at, n)) return true;
                }
            }
            return false;
        }

        /// <summary>The longest device phrase that starts at ids[at] and ends by ids[end − 1], or −1.</summary>
        public int DeviceAt(int[] ids, int at, int end) { return LongestPhraseAt(deviceAt, ids, at, end, false); }

        /// <summary>Words of device phrase d.</summary>
        public int DeviceWords(int device) { return data[deviceAt[device] + 1]; }

        /// <summary>The other:DOMAIN intent device phrase d belongs to.</summary>
        public int DeviceIntent(int device) { return data[deviceAt[device]]; }

        /// <summary>The device phrase's words (allocates).</summary>
        public string DevicePhrase(int device) { return PhraseText(deviceAt[device] + 1); }

        /// <summary>The colour whose components are red, green, blue, or −1.</summary>
        public int FindColorByValue(int red, int green, int blue)
        {
            for (int color = 0; color < colorAt.Length; color++)
            {
                if (data[colorAt[color]] == red && data[colorAt[color] + 1] == green && data[colorAt[color] + 2] == blue) return color;
            }
            return -1;
        }

        static int PhraseWordsLeft(int left) { return left < MaxPhraseWords ? left : MaxPhraseWords; }

        /// <summary>The light's canonical name, its first phrase (allocates).</summary>
        public string LightName(int light) { return PhraseText(lightAt[light] + LightFixedBytes); }

        /// <summary>The area's canonical name (allocates).</summary>
        public string AreaName(int area) { return PhraseText(areaAt[area] + 1); }

        /// <summary>The colour's name (allocates).</summary>
        public string ColorName(int color) { return PhraseText(colorAt[color] + ColorFixedBytes); }

        /// <summary>The step phrase's words (allocates).</summary>
        public string StepPhrase(int step) { return PhraseText(StepPhraseAt(step)); }

        /// <summary>nameCount at 'at', then that many phrases: does one equal the ids?</summary>
        bool AnyNameIs(int at, int[] ids, int first, int count)
        {
            int names = data[at];
            at++;
            for (int n = 0; n < names; n++)
            {
                if (PhraseIs(at, ids, first, count)) return true;
                at += 1 + 2 * data[at];
            }
            return false;
        }

        /// <summary>The phrase at 'at' (u8 count, u16 ids) equals ids[first..first+count).</summary>
        bool PhraseIs(int at, int[] ids, int first, int count)
        {
            if (data[at] != count) return false;
            for (int k = 0; k < count; k++)
            {
                int id = data[at + 1 + 2 * k] | (data[at + 2 + 2 * k] << 8);
                if (id != ids[first + k]) return false;
            }
            return true;
        }

        string PhraseText(int at)
        {
            string text = "";
            for (int k = 0; k < data[at]; k++)
            {
                if (k > 0) text += " ";
                text += vocabulary.Word(data[at + 1 + 2 * k] | (data[at + 2 + 2 * k] << 8));
            }
            return text;
        }
    }
}
