using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Actions
{
    /// <summary>
    /// Turns a decision into pin commands (docs/action-map.md, What it decides): resolves the target
    /// lights and values from the slot spans by comparing vocabulary ids with the action map's
    /// phrases, updates the light states and fills the command buffer. One per model, allocated at
    /// load; Plan allocates nothing. Only the ...Name methods and Answer, for reporting, build strings.
    /// </summary>
    public sealed partial class ActionPlanner
    {
        public const string NameSlot = "name", AreaSlot = "area", ColorSlot = "color", BrightnessSlot = "brightness", StepSlot = "step";
        /// <summary>Name and area spans one command may target ("the kitchen and the hall light": 2); more are TooManyTargets.</summary>
        public const int MaxTargets = 4;
        /// <summary>The prefix of an intent label that names another device's domain (other:climate → climate).</summary>
        public const string OtherPrefix = "other:";

        readonly SaffuModel model;
        readonly int lights;
        readonly int nameSlot, areaSlot, colorSlot, brightnessSlot, stepSlot;   // −1 when the model does not tag it
        readonly bool[] named;       // [L] lights a name span matched
        readonly bool[] namedArea;   // [A] areas an area span (or a name span that is an area) matched
        readonly bool[] excluded;    // [L] lights a span after an exclusion phrase matched ("but not the desk lamp")
        readonly bool[] excludedArea; // [A] areas a span after an exclusion phrase matched ("except the kitchen")
        readonly bool[] target;      // [L] the last plan's targets
        int topIntent = -1;
        int domainIntent = -1;       // the other:DOMAIN intent of a NotALight plan: the top intent's, or a device phrase's

        internal ActionPlanner(SaffuModel model, ActionMap? map)
        {
            this.model = model;
            Map = map;
            lights = map == null ? 0 : map.LightCount;
            TagSlots slots = model.Slots;
            nameSlot = slots.Find(NameSlot);
            areaSlot = slots.Find(AreaSlot);
            colorSlot = slots.Find(ColorSlot);
            brightnessSlot = slots.Find(BrightnessSlot);
            stepSlot = slots.Find(StepSlot);
            named = new bool[lights];
            namedArea = new bool[map == null ? 0 : map.AreaCount];
            excluded = new bool[lights];
            excludedArea = new bool[namedArea.Length];
            target = new bool[lights];
            States = new LightStates(map);
            Commands = new PinCommands(3 * lights);
            Clear();
        }

        /// <summary>The blob's action map; null when the blob has none.</summary>
        public ActionMap? Map { get; }
        public LightStates States { get; }
        /// <summary>The pin commands of the last Plan or Reset.</summary>
        public PinCommands Commands { get; }

        public ActionOutcome Outcome { get; private set; }
        public ActionReason Reason { get; private set; }
        /// <summary>The intent's action kind (None when not understood or without a map).</summary>
        public ActionKind Action { get; private set; }

        // Canonical slot values of the last plan, for reporting.
        /// <summary>The light the name slot matched, −1 if none.</summary>
        public int Light { get; private set; }
        /// <summary>The area the area slot matched (or the area a name span began with), −1 if none.</summary>
        public int Area { get; private set; }
        /// <summary>The colour the color slot matched, −1 if none.</summary>
        public int Color { get; private set; }
        /// <summary>The brightness slot's number clamped to 0..100, −1 if none.</summary>
        public int Brightness { get; private set; }
        /// <summary>+1 up, −1 down, 0 no step.</summary>
        public int Step { get; private set; }
        /// <summary>The brightness a level phrase said ("full": 100, "three quarters": 75), −1 if none; when set, Brightness is it.</summary>
        public int Level { get; private set; }
        /// <summary>
        /// +1 or −1 when the value is a relative change up or down (docs/action-map.md step 3, "A relative change": "dim it by
        /// half", "reduce it by 10 percent"), 0 when it is absolute; Brightness is then the points (a number) or the percent
        /// of the current level (a level or fraction phrase: RelativeFraction).
        /// </summary>
        public int Relative { get; private set; }
        /// <summary>With Relative: the value is a level or fraction phrase, a percent of each light's level ("by half").</summary>
        public bool RelativeFraction { get; private set; }
        int levelAt;   // the first word of the level phrase ReadLevel read (its counted number's when it counted one)

        /// <summary>Bytes the planner allocates for that many lights and areas: light states, 3 × lights commands, target flags.</summary>
        public static int RamBytesFor(int lights, int areas)
        {
            return LightStates.RamBytesFor(lights) + PinCommands.RamBytesFor(3 * lights) + 3 * lights + 2 * areas;
        }

        /// <summary>Bytes allocated for actions: the map's offset tables, light states, command buffer, target flags.</summary>
        public int RamBytes
        {
            get { return (Map == null ? 0 : Map.RamBytes) + States.RamBytes + Commands.RamBytes + 3 * lights + 2 * namedArea.Length; }
        }

        /// <summary>Whether light i is a target of the last plan (Acted, Answered).</summary>
        public bool IsTargetOf(int light) { return target[light]; }

        /// <summary>Number of target lights of the last plan.</summary>
        public int TargetCount
        {
            get
            {
                int n = 0;
                for (int i = 0; i < lights; i++) { if (target[i]) n++; }
                return n;
            }
        }

        /// <summary>
        /// Words of the sentence left out of the last plan by a correction (docs/action-map.md step 0: the plan is the one of
        /// the words after them, which the session now holds); −1 when the plan was no correction.
        /// </summary>
        public int CorrectionWords { get; private set; }

        /// <summary>
        /// Plans the decision's action (docs/action-map.md steps 0–5); the outcome is also in Outcome. A correction ("no wait,
        /// turn on the hall light") first runs the session again over the corrected command (Session.RunFrom) and plans that.
        /// </summary>
        public ActionOutcome Plan(Decision decision)
        {
            Session session = decision.Session;
            int skipped = Correct(session, decision.TopIntent);
            ActionOutcome outcome = PlanWords(decision);
            CorrectionWords = skipped;
            return outcome;
        }

        /// <summary>
        /// The correction rule (docs/action-map.md step 0): when the sentence is a correction, runs the session again from the
        /// corrected command's light verb and returns the words left out; else −1 and the session as it was.
        /// </summary>
        int Correct(Session session, int top)
        {
            if (Map == null || session.Model != model || session.Words == 0 || top < 0) return -1;
            int first = session.Position - session.Words, words = session.Words;
            int at = Map.CorrectionStart(session.State.WordIds, first, words, Map.ActionOf(top) == ActionKind.Cancel);
            if (at < 0 || session.RunFrom(at) != PushResult.Ok) return -1;
            return at - first;
        }

        ActionOutcome PlanWords(Decision decision)
        {
            Clear();
            Session session = decision.Session;
            if (session.Model != model) return Finish(ActionOutcome.NotUnderstood, ActionReason.OtherModel);
            topIntent = decision.TopIntent;
            ActionKind heard = Map == null || session.Words == 0 || topIntent < 0 ? ActionKind.None : Map.ActionOf(topIntent);
            if (heard == ActionKind.Other || heard == ActionKind.Cancel)
            {
                Action = heard;
                if (heard == ActionKind.Other) domainIntent = topIntent;
                return Finish(heard == ActionKind.Other ? ActionOutcome.NotALight : ActionOutcome.Cancelled, ActionReason.None);
            }
            int lead = Map == null || session.Words == 0 ? ActionMap.LeadNone
                : Map.LeadOf(session.State.WordIds, session.Position - session.Words, session.Words);
            // A question is answered, not cancelled: "did i leave the bedside lamp on" says "leave the".
            if (lead == ActionMap.LeadNegation || (lead != ActionMap.LeadQuestion && Map != null && session.Words > 0
                && Map.CancelsItself(session.State.WordIds, session.Position - session.Words, session.Words)))
            {
                Action = ActionKind.Cancel;
                return Finish(ActionOutcome.Cancelled, ActionReason.None);
            }
            if (Map != null && Map.IsStatement(session.State.WordIds, session.Position - session.Words, session.Words, lead, model.Config.OovId))
                return Finish(ActionOutcome.NotUnderstood, ActionReason.Statement);
            if (!decision.Understood) return Finish(ActionOutcome.NotUnderstood, ActionReason.None);
            if (Map == null) return Finish(ActionOutcome.NoActionMap, ActionReason.None);
            Action = heard;
            if (lead == ActionMap.LeadQuestion && Action != ActionKind.None) Action = ActionKind.Query;
            if (SaysAColourNoun(session)) Action = ActionKind.Set;
            if (Action == ActionKind.On && Map.AsksForDark(session.State.WordIds, session.Position - session.Words, session.Words)) Action = ActionKind.Off;
            if (Action == ActionKind.None) return Finish(ActionOutcome.NotSupported, ActionReason.NoActionForIntent);
            int device = GoverningDevice(session.State.WordIds, session.Position - session.Words, session.Words);
            if (device >= 0)
            {
                Action = ActionKind.Other;
                domainIntent = Map.DeviceIntent(device);
                return Finish(ActionOutcome.NotALight, ActionReason.None);
            }
            ActionReason unknown = ResolveTargets(session);
            if (unknown == ActionReason.TooManyTargets) return Finish(ActionOutcome.NotSupported, unknown);
            if (unknown != ActionReason.None) return Finish(ActionOutcome.UnknownTarget, unknown);
            if (Action == ActionKind.Query) return Finish(ActionOutcome.Answered, ActionReason.None);
            ActionReason bad = ReadValues(session.State, decision);
            if (Action != ActionKind.Set) return Switch();
            if (bad != ActionReason.None) return Finish(ActionOutcome.NotSupported, bad);
            return SetLevels();
        }

        /// <summary>On, off or toggle with a colour noun said ("change the light colours"): a colour change, step 1.</summary>
        bool SaysAColourNoun(Session session)
        {
            return (Action == ActionKind.On || Action == ActionKind.Off || Action == ActionKind.Toggle)
                && Map!.HasWordOfKind(ActionMap.WordColourNoun, session.State.WordIds, session.Position - session.Words, session.Words);
        }

        /// <summary>Every light back to its load state (off, last level 100, white); Commands switch every light off.</summary>
        public void Reset()
        {
            Clear();
            States.Reset();
            for (int i = 0; i < lights; i++) States.Emit(i, Commands);
            Finish(Map == null ? ActionOutcome.NoActionMap : ActionOutcome.Acted, ActionReason.None);
        }

        /// <summary>
        /// Sets light i directly (the device's `light` command, and restoring saved states at boot):
        /// level 0..100 percent (a plain light: &gt; 0 is 100), last non-zero level 1..100, and for a
        /// colour light red/green/blue 0..255 (ignored for other lights). Commands then hold that
        /// light's pin commands. Values out of range are clamped; a light index out of range does nothing.
        /// </summary>
        public void SetLight(int light, int percent, int lastPercent, int red, int green, int blue)
        {
            Clear();
            if (Map == null || light < 0 || light >= lights) { Finish(ActionOutcome.NoActionMap, ActionReason.None); return; }
            percent = Clamp(percent, 0, LightStates.Full);
            if (percent > 0 && !Map.IsDimmable(light)) percent = LightStates.Full;
            States.Restore(light, percent, Clamp(lastPercent, 1, LightStates.Full), Clamp(red, 0, 255), Clamp(green, 0, 255), Clamp(blue, 0, 255));
            States.Emit(light, Commands);
            Finish(ActionOutcome.Acted, ActionReason.None);
        }

        /// <summary>Commands re-asserting every light's current state (after a reboot that restored them).</summary>
        public void EmitAll()
        {
            Clear();
            for (int i = 0; i < lights; i++) States.Emit(i, Commands);
            Finish(Map == null ? ActionOutcome.NoActionMap : ActionOutcome.Acted, ActionReason.None);
        }

        static int Clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

        /// <summary>
        /// The words a correction decided on, as the tokenizer read the transcript (tokens from CorrectionWords on: "turn on
        /// the hall light" of "no wait, turn on the hall light"); null when the last plan was no correction (allocates).
        /// </summary>
        public string? CorrectionText(TokenBuffer tokens)
        {
            if (CorrectionWords < 0) return null;
            string text = "";
            for (int i = CorrectionWords; i < tokens.Count; i++)
            {
                if (text.Length > 0) text += " ";
                text += tokens.SaidText(i);
            }
            return text;
        }

        /// <summary>The matched light's canonical name, null if none (allocates).</summary>
        public string? LightName() { return Light < 0 ? null : Map!.LightName(Light); }
        /// <summary>The matched area's canonical name, null if none (allocates).</summary>
        public string? AreaName() { return Area < 0 ? null : Map!.AreaName(Area); }
        /// <summary>The matched colour's name, null if none (allocates).</summary>
        public string? ColorName() { return Color < 0 ? null : Map!.ColorName(Color); }
        /// <summary>"up", "down" or null.</summary>
        public string? StepName() { return Step > 0 ? "up" : Step < 0 ? "down" : null; }

        /// <summary>
        /// The intent to report for an understood plan: when step 1 gave the plan another action than the top intent's
        /// own (a question → query, a colour noun → set, the dark asked for → off), the first intent whose action that is
        /// (HassGetState, HassLightSet, HassTurnOff), so the reported intent says what the device does; else the top intent.
        /// </summary>
        public int ReportedIntent
        {
            get
            {
                if (Map == null || topIntent < 0 || Action == Map.ActionOf(topIntent)) return topIntent;
                if (Action != ActionKind.On && Action != ActionKind.Off && Action != ActionKind.Toggle
                    && Action != ActionKind.Set && Action != ActionKind.Query) return topIntent;
                for (int i = 0; i < model.Intents.Count; i++)
                {
                    if (Map.ActionOf(i) == Action) return i;
                }
                return topIntent;
            }
        }

        /// <summary>
        /// The domain of a NotALight plan ("climate" of other:climate): its top intent's, or for a light intent
        /// whose target is another device's noun ("the bedroom heater") that noun's; null otherwise (allocates).
        /// </summary>
        public string? DomainName()
        {
            if (Outcome != ActionOutcome.NotALight || domainIntent < 0) return null;
            string label = model.Intents.Name(domainIntent);
            return label.Length > OtherPrefix.Length && label.Substring(0, OtherPrefix.Length) == OtherPrefix ? label.Substring(OtherPrefix.Length) : label;
        }

        /// <summary>
        /// An Answered plan's reply from the light states (allocates): "the kitchen light is on at 60 %";
        /// for several targets "1 of 2 lights on: the kitchen light is on at 60 %, the counter lights are off". Null otherwise.
        /// </summary>
        public string? Answer()
        {
            if (Outcome != ActionOutcome.Answered) return null;
            int n = 0, on = 0;
            string text = "";
            for (int i = 0; i < lights; i++)
            {
                if (!target[i]) continue;
                if (n > 0) text += ", ";
                text += StateOf(i);
                n++;
                if (States.Level(i) > 0) on++;
            }
            if (n == 1) return text;
            return on + " of " + n + " lights on: " + text;
        }

        string StateOf(int light)
        {
            ActionMap map = Map!;
            string name = map.LightName(light);
            string verb = name.Length > 1 && name[name.Length - 1] == 's' ? " are " : " is ";
            int level = States.Level(light);
            if (level == 0) return "the " + name + verb + "off";
            if (!map.IsDimmable(light)) return "the " + name + verb + "on";
            string text = "the " + name + verb + "on at " + level + " %";
            if (!map.HasColor(light)) return text;
            int r = States.Color(light, 0), g = States.Color(light, 1), b = States.Color(light, 2);
            int color = map.FindColorByValue(r, g, b);
            return text + ", " + (color >= 0 ? map.ColorName(color) : "colour " + r + " " + g + " " + b);
        }

        void Clear()
        {
            CorrectionWords = -1;
            Commands.Clear();
            topIntent = -1;
            domainIntent = -1;
            for (int i = 0; i < lights; i++) { named[i] = false; target[i] = false; excluded[i] = false; }
            for (int a = 0; a < namedArea.Length; a++) { namedArea[a] = false; excludedArea[a] = false; }
            Outcome = ActionOutcome.NotUnderstood;
            Reason = ActionReason.None;
            Action = ActionKind.None;
            Light = -1;
            Area = -1;
            Color = -1;
            Brightness = -1;
            Level = -1;
            Step = 0;
            Relative = 0;
            RelativeFraction = false;
            levelAt = -1;
        }

        ActionOutcome Finish(ActionOutcome outcome, ActionReason reason)
        {
            if (outcome != ActionOutcome.Acted) Commands.Clear();
            Outcome = outcome;
            Reason = reason;
            return outcome;
        }

        static bool Has(RunState s, int slot) { return slot >= 0 && s.SlotStart[slot] >= 0; }
        static int First(RunState s, int slot) { return s.SlotStart[slot] - 1; }
        static int Count(RunState s, int slot) { return s.SlotEnd[slot] - s.SlotStart[slot] + 1; }

        /// <summary>
        /// Every name and area span of the utterance (docs/action-map.md step 2), read from the tags as the
        /// session reads slots: a name → its light, else an area it begins with or is; an area → its lights,
        /// unless a named light lies in it (then it only says where that light is). No span: every light, unless
        /// an unknown word comes right before a light noun ("the garage light"). Up to MaxTargets spans.
        /// </summary>
        ActionReason ResolveTargets(Session session)
        {
            RunState s = session.State;
            TagSlots slots = model.Slots;
            int first = session.Position - session.Words + 1, spans = 0;
            int slot = -1, start = 0, end = 0;
            int floor = first - 1;   // ids index of the first word a name span may be completed backwards to
            bool unknownArea = false;
            for (int t = first; t <= session.Position + 1; t++)
            {
                int tag = t <= session.Position && model.Config.HasTagHead ? s.Tags[t - 1] : -1;
                int next = tag < 0 ? -1 : slots.SlotOf(tag);
                if (next >= 0 && slot >= 0 && end == t - 1 && slots.Inside(tag))
                {
                    slot = next;   // I-x extends, or takes over the span that ended at t − 1
                    end = t;
                    continue;
                }
                if (slot >= 0 && (slot == nameSlot || slot == areaSlot))   // −1 is also the index of a slot the model does not tag
                {
                    if (++spans > MaxTargets) return ActionReason.TooManyTargets;
                    bool except = Map!.ExclusionBefore(s.WordIds, first - 1, start - 1);
                    if (!except && UnknownWordAfterEveryLight(s.WordIds, first - 1, start - 1)) return ActionReason.UnknownName;
                    ActionReason r = slot == nameSlot
                        ? NameTarget(s.WordIds, start - 1, end - start + 1, session.Position, floor, !Has(s, areaSlot) || AreaSpanIsATarget(session), except)
                        : ActionReason.None;
                    if (r == ActionReason.UnknownName && !except && IsStrayNameWord(s.WordIds, start - 1, end - start + 1)) r = ActionReason.None;
                    if (r != ActionReason.None) return r;
                    if (slot == areaSlot && !AreaTarget(s.WordIds, start - 1, end - start + 1, floor, except)) unknownArea = true;
                    floor = end;
                }
                slot = next;
                start = t;
                end = t;
            }
            if (unknownArea) return ActionReason.UnknownArea;
            ExceptionsFromWords(s.WordIds, first - 1, session.Position);
            // only where every light would be the target: the words narrow it, never make a target where none was said
            if (spans == 0 && (Action == ActionKind.Query || EveryLightSaid(s.WordIds, first - 1, session.Position)))
                TargetsFromWords(s.WordIds, first - 1, session.Position);
            return ChooseTargets(s.WordIds, first, session.Position);
        }

        /// <summary>
        /// Targets read from the words (docs/action-map.md step 2) when the tagger tagged no name or area span and every light
        /// would be the target: every light or area phrase of ids[from..end) (the longest at each position) that is not
        /// excepted names its target, so a room the tagger missed ("turn bedroom lights red") is that room, not every light.
        /// </summary>
        void TargetsFromWords(int[] ids, int from, int end)
        {
            for (int at = from; at < end; at++)
            {
                int count = PhraseAt(ids, at, end, out int light, out int area);
                if (count == 0) continue;
                if (light >= 0 && !IsExcepted(light))
                {
                    named[light] = true;
                    if (Light < 0) Light = light;
                }
                if (area >= 0 && !excludedArea[area]) NameArea(area, false);
                at += count - 1;
            }
        }

        /// <summary>
        /// The longest light or area phrase (up to three words) that starts at ids[at] and ends by ids[end − 1]: its word
        /// count, 0 if none; light or area is its index, the other −1.
        /// </summary>
        int PhraseAt(int[] ids, int at, int end, out int light, out int area)
        {
            for (int count = 3; count >= 1; count--)
            {
                if (at + count > end) continue;
                light = Map!.FindLight(ids, at, count);
                area = light >= 0 ? -1 : Map.FindArea(ids, at, count);
                if (light >= 0 || area >= 0) return count;
            }
            light = area = -1;
            return 0;
        }

        /// <summary>
        /// Exceptions read from the words (docs/action-map.md step 2): right after an exclusion phrase, or one word after it,
        /// the longest light or area phrase of ids[from..end) is excepted even when the tagger missed it or started it late
        /// ("turn off all lights but the kitchen", "switch on the hall light and not the kitchen light").
        /// </summary>
        void ExceptionsFromWords(int[] ids, int from, int end)
        {
            for (int at = from + 1; at < end; at++)
            {
                if (!Map!.ExclusionBefore(ids, from, at) || PhraseAt(ids, at, end, out int light, out int area) == 0) continue;
                if (light >= 0) excluded[light] = true;
                else excludedArea[area] = true;
            }
        }

        /// <summary>
        /// An unknown word (&lt;oov&gt;) stands between an every-light word and the target span that starts at ids[at]
        /// ("turn off all the lights &lt;except&gt; the hall light", "everything &lt;apart&gt; from the desk lamp"): the
        /// word may except the target from "all" — a word the model lacks, so no exclusion phrase can say so — and
        /// guessing would switch exactly the light that was excepted. The command is refused (UnknownName).
        /// </summary>
        bool UnknownWordAfterEveryLight(int[] ids, int from, int at)
        {
            int oov = model.Config.OovId;
            for (int p = from + 1; p < at; p++)
            {
                if (ids[p] == oov && Map!.HasWordOfKind(ActionMap.WordEveryLight, ids, from, p - from)) return true;
            }
            return false;
        }

        /// <summary>
        /// A name span: a light; else a light whose name the span begins and the next one or two words of the sentence
        /// (ids[..limit)) complete — the tagger cut it short ("the counter | lights": name "counter"); else a light whose
        /// name the span ends and the one or two untagged words before it (from ids[floor], after the previous span) begin
        /// ("reading | lamp": "reading" O, "lamp" I-name); else an area it is
        /// ("the kitchen" of "the kitchen and the hall light"); else, when no area span was tagged, an area it begins with
        /// ("kitchen lights"); else a light named with another light noun ("the ceiling lights"). An excepted span
        /// excludes what it names.
        /// </summary>
        ActionReason NameTarget(int[] ids, int first, int count, int limit, int floor, bool mayBeAreaPrefix, bool except)
        {
            ActionMap map = Map!;
            int light = map.FindLight(ids, first, count);
            for (int more = 1; light < 0 && more <= 2 && first + count + more <= limit; more++) light = map.FindLight(ids, first, count + more);
            if (light < 0) light = NameBegunEarlier(ids, first, count, floor);
            int area = light >= 0 ? -1 : map.FindArea(ids, first, count);
            if (light < 0 && area < 0 && mayBeAreaPrefix) area = map.FindAreaPrefix(ids, first, count);
            if (light < 0 && area < 0) light = NameWithOtherNoun(ids, first, count, limit);
            if (light >= 0)
            {
                if (except) excluded[light] = true;
                else named[light] = true;
                if (Light < 0 && !except) Light = light;
                return ActionReason.None;
            }
            if (area < 0) return ActionReason.UnknownName;
            NameArea(area, except);
            return ActionReason.None;
        }

        void NameArea(int area, bool except)
        {
            if (except)
            {
                excludedArea[area] = true;
                return;
            }
            namedArea[area] = true;
            if (Area < 0) Area = area;
        }

        /// <summary>
        /// The tagged area span is followed by a light noun ("… and the hall light"): it is a target of its own, not
        /// where a named light is ("the bedroom light in the office"), so a name span may still begin with an area.
        /// </summary>
        bool AreaSpanIsATarget(Session session)
        {
            RunState s = session.State;
            int after = s.SlotEnd[areaSlot];   // the word after the span, 0-based
            return after < session.Position && Map!.IsLightNounAt(s.WordIds, after);
        }

        /// <summary>
        /// An area span: an area; else an area whose phrase the span ends and the one or two untagged words before it (from
        /// ids[floor]) begin — the tagger started it late ("turn living | room lights off": "living" O, "room" area).
        /// </summary>
        bool AreaTarget(int[] ids, int first, int count, int floor, bool except)
        {
            int area = Map!.FindArea(ids, first, count);
            for (int more = 1; area < 0 && more <= 2 && first - more >= floor; more++) area = Map.FindArea(ids, first - more, count + more);
            if (area < 0) return false;
            NameArea(area, except);
            return true;
        }

        /// <summary>
        /// The targets from the named lights and areas, without the excepted ones. None named: UnknownName / UnknownArea
        /// for an unknown word before a light or area noun or a place of no area (UnknownPlace); NoTarget for a switching
        /// command that says no light word, "all" word or colour (EveryLightSaid); else every light but the excepted
        /// ("turn off all the lights except the hall light"). Named targets all excepted: NoTarget.
        /// </summary>
        ActionReason ChooseTargets(int[] ids, int first, int last)
        {
            ActionMap map = Map!;
            bool any = false, wanted = false;
            for (int i = 0; i < lights; i++)
            {
                int area = map.AreaOf(i);
                bool said = named[i] || (namedArea[area] && !AreaHasNamedLight(area));
                wanted |= said;
                target[i] = said && !IsExcepted(i);
                any |= target[i];
            }
            // Also with targets: "turn off the garage lights and the hall light" never switches the hall light alone.
            ActionReason unknown = UnknownPlace(ids, first - 1, last, wanted);
            if (unknown != ActionReason.None) return unknown;
            if (any) return ActionReason.None;
            if (wanted || (Action != ActionKind.Query && !EveryLightSaid(ids, first - 1, last))) return ActionReason.NoTarget;
            for (int i = 0; i < lights; i++)
            {
                target[i] = !IsExcepted(i);
                any |= target[i];
            }
            return any ? ActionReason.None : ActionReason.NoTarget;
        }

        bool IsExcepted(int light) { return excluded[light] || excludedArea[Map!.AreaOf(light)]; }

        /// <summary>
        /// ids[from..end) name a light or place this home lacks: an unknown word (&lt;oov&gt;) right before a light noun or
        /// an area noun ("the &lt;oov&gt; room lights", "in the &lt;oov&gt; room"), a known word naming a room the home lacks
        /// ("the kids room", ActionMap.IsUnknownRoomAt), or a place phrase; UnknownName when a
        /// light noun follows within three words, else UnknownArea. None otherwise.
        /// </summary>
        ActionReason UnknownPlace(int[] ids, int from, int end, bool targets)
        {
            ActionMap map = Map!;
            int oov = model.Config.OovId;
            for (int t = from; t + 1 < end; t++)
            {
                if (ids[t] != oov && map.IsUnknownRoomAt(ids, from, t + 1))   // a known word names a room the home lacks
                    return LightNounWithin(ids, t + 2, end, 3) ? ActionReason.UnknownName : ActionReason.UnknownArea;
                if (ids[t] != oov || !(map.IsLightNounAt(ids, t + 1) || map.IsAreaNoun(ids[t + 1]))) continue;
                if (targets && t == from && map.IsLightNounAt(ids, t + 1)) continue;   // "alexa lights off in the kitchen": a wake word or verb, not a name
                return LightNounWithin(ids, t + 1, end, 3) ? ActionReason.UnknownName : ActionReason.UnknownArea;
            }
            int placeEnd = map.FindPlaceEnd(ids, from, end - from);   // ids index of the word after the place
            if (placeEnd < 0) return ActionReason.None;
            // A light follows ("the garage light"), or the place is a light word itself (an anchor: "the chandelier").
            bool light = (placeEnd < end && map.IsLightNounAt(ids, placeEnd)) || model.IsAnchor(ids[placeEnd - 1]);
            return light ? ActionReason.UnknownName : ActionReason.UnknownArea;
        }

        bool LightNounWithin(int[] ids, int from, int end, int words)
        {
            for (int t = from; t < end && t < from + words; t++)
            {
                if (Map!.IsLightNounAt(ids, t)) return true;
            }
            return false;
        }

        /// <summary>
        /// ids[from..end) say every light may be meant: a light noun, an every-light word ("all", "everything", "brighter",
        /// "colours") or a colour. Always true for a map without every-light words (a blob written before them).
        /// </summary>
        bool EveryLightSaid(int[] ids, int from, int end)
        {
            ActionMap map = Map!;
            if (!map.HasEveryLightWords || LightNounWithin(ids, from, end, end - from)) return true;
            return map.HasWordOfKind(ActionMap.WordEveryLight, ids, from, end - from) || map.FindColorIn(ids, from, end - from) >= 0;
        }

        /// <summary>
        /// The device phrase that heads the sentence's target (docs/action-map.md step 2, "Other devices"): the first
        /// device phrase in ids[first..first+count) that no light noun comes before and none follows within two words
        /// ("the bedroom heater", "the plug in the office"; not "the lamp by the window", "the tv light", "the tv room
        /// lights"); −1 if none.
        /// </summary>
        int GoverningDevice(int[] ids, int first, int count)
        {
            ActionMap map = Map!;
            int end = first + count, lead = map.LeadStart(ids, first, count);
            for (int t = first; t < end; t++)
            {
                if (map.IsLightNounAt(ids, t)) return -1;
                int device = map.DeviceAt(ids, t, end);
                if (device < 0) continue;
                if (t == lead && !map.IsLightPhraseAt(ids, t, end)) return device;   // "play city lights in the hallway": the first word says what is meant
                int after = t + map.DeviceWords(device);
                return LightNounWithin(ids, after, end, 2) ? -1 : device;
            }
            return -1;
        }

        bool AreaHasNamedLight(int area)
        {
            for (int i = 0; i < lights; i++)
            {
                if (named[i] && Map!.AreaOf(i) == area) return true;
            }
            return false;
        }

        /// <summary>Brightness, step and colour; an unknown step or colour is the reason (it matters to set only).</summary>
        ActionReason ReadValues(RunState s, Decision decision)
        {
            ActionMap map = Map!;
            ActionReason bad = ActionReason.None;
            bool levelSpan = false;   // the step span is a level phrase: ReadLevel reads it with the words
            if (brightnessSlot >= 0)
            {
                int n = decision.SlotNumber(brightnessSlot);
                Brightness = n > LightStates.Full ? LightStates.Full : n;
            }
            if (Has(s, stepSlot))
            {
                int step = map.FindStep(s.WordIds, First(s, stepSlot), Count(s, stepSlot));
                if (step < 0) bad = ActionReason.UnknownStep;
                else if (map.StepLevel(step) < 0) Step = map.StepDirection(step);
                else levelSpan = true;
            }
            if (Has(s, colorSlot))
            {
                Color = map.FindColor(s.WordIds, First(s, colorSlot), Count(s, colorSlot));
                if (Color < 0) bad = ActionReason.UnknownColour;
                if (Step == 0 && !levelSpan && StepRightBefore(s, colorSlot)) return ActionReason.ColourStep;
            }
            int direction = Step;   // the tagged step, before a level phrase wins over it
            ReadLevel(decision.Session);
            ReadRelative(decision.Session, direction);
            if (Brightness < 0 && Step == 0 && Color < 0 && ReadValuesFromWords(decision.Session)) return ActionReason.None;
            // A usable value wins over a span that is no phrase ("dim the lights to half": "half" tagged as a colour).
            if (Brightness >= 0 || Step != 0 || Color >= 0) return ActionReason.None;
            return bad == ActionReason.None ? ActionReason.NothingToSet : bad;
        }

        /// <summary>
        /// A level phrase among the words sets that brightness, as a number would (docs/action-map.md step 3, layout 8): the
        /// first one (earliest, longest), tagged as a step or not ("set the kitchen light to full", "dim the lounge to
        /// half": an absolute value wins over a step). A fraction counts a number said right before it ("three quarters":
        /// 75, also when the tagger read that number as the brightness). A brightness said elsewhere wins, and so does a
        /// step phrase tagged after the level phrase ("it is on full, dim it").
        /// </summary>
        void ReadLevel(Session session)
        {
            ActionMap map = Map!;
            RunState s = session.State;
            int first = session.Position - session.Words, end = session.Position;
            for (int at = first; at < end; at++)
            {
                int level = map.LevelAt(s.WordIds, at, end);
                if (level < 0) continue;
                int percent = map.StepLevel(level), count = at > first && map.IsFraction(level) ? s.Numbers[at - 1] : -1;
                if (count >= 0) percent = count > LightStates.Full ? LightStates.Full : Clamp(count * percent, 0, LightStates.Full);
                bool counted = count >= 0 && Has(s, brightnessSlot) && First(s, brightnessSlot) <= at - 1 && at - 1 < First(s, brightnessSlot) + Count(s, brightnessSlot);
                if ((Brightness >= 0 && !counted) || (Step != 0 && First(s, stepSlot) >= at + map.StepWords(level))) return;
                Level = Brightness = percent;
                Step = 0;
                levelAt = count >= 0 ? at - 1 : at;
                return;
            }
        }

        /// <summary>
        /// A relative change (docs/action-map.md step 3, layout 8): the value — the brightness span's number, or the level
        /// phrase ReadLevel read — comes right after a relative marker (lead kind 16: "by"), and a step direction is said: the
        /// tagged step, else the first step phrase up or down among the words ("dim the kitchen light by half", "turn the
        /// lights up by 20 percent"). Without both the value stays absolute ("dim the lights to half", "set it to 40 percent").
        /// </summary>
        void ReadRelative(Session session, int tagged)
        {
            ActionMap map = Map!;
            RunState s = session.State;
            int first = session.Position - session.Words;
            int at = Level >= 0 ? levelAt : Has(s, brightnessSlot) ? First(s, brightnessSlot) : -1;
            if (Brightness < 0 || at < 0 || !map.RelativeMarkerEndsAt(s.WordIds, first, at)) return;
            int direction = tagged;
            if (direction == 0)
            {
                int step = map.FindStepIn(s.WordIds, first, session.Words);
                if (step >= 0) direction = map.StepDirection(step);
            }
            if (direction == 0) return;
            Relative = Step = direction;
            RelativeFraction = Level >= 0;
        }

        /// <summary>
        /// A step span that ends where the colour span begins. Called when that span is no step phrase ("too red",
        /// "a bit too blue"): the colour is a complaint, and setting it would do the opposite. A step phrase there
        /// ("dim red", "more red") still sets the colour (docs/action-map.md).
        /// </summary>
        bool StepRightBefore(RunState s, int slot)
        {
            return Has(s, stepSlot) && First(s, stepSlot) + Count(s, stepSlot) == First(s, slot);
        }

        /// <summary>
        /// The tags gave no usable value (none tagged, or a span that is no phrase: "a bit" of "a bit
        /// brighter"), but the words may still say it: the first colour phrase, else the first step phrase.
        /// </summary>
        bool ReadValuesFromWords(Session session)
        {
            ActionMap map = Map!;
            int[] ids = session.State.WordIds;
            int first = session.Position - session.Words, count = session.Words;
            Color = map.FindColorIn(ids, first, count);
            if (Color >= 0) return true;
            int step = map.FindStepIn(ids, first, count);
            if (step >= 0) Step = map.StepDirection(step);
            return step >= 0;
        }

        bool IsTarget(int light) { return target[light]; }

        /// <summary>on, off, toggle: a group toggles together (off if any target is on).</summary>
        ActionOutcome Switch()
        {
            bool anyOn = false;
            for (int i = 0; i < lights; i++)
            {
                if (IsTarget(i) && States.Level(i) > 0) anyOn = true;
            }
            bool on = Action == ActionKind.On || (Action == ActionKind.Toggle && !anyOn);
            for (int i = 0; i < lights; i++)
            {
                if (!IsTarget(i)) continue;
                States.SetLevel(i, on ? States.LastLevel(i) : 0);
                States.Emit(i, Commands);
            }
            return Finish(ActionOutcome.Acted, ActionReason.None);
        }

        /// <summary>set: brightness, step or colour; a colour acts on the colour lights of the targets only.</summary>
        ActionOutcome SetLevels()
        {
            ActionMap map = Map!;
            bool colorTarget = false;
            for (int i = 0; i < lights; i++)
            {
                if (IsTarget(i) && map.HasColor(i)) colorTarget = true;
            }
            if (Color >= 0 && !colorTarget) return Finish(ActionOutcome.NotSupported, ActionReason.ColourUnsupported);
            for (int i = 0; i < lights; i++)
            {
                if (!IsTarget(i) || (Color >= 0 && !map.HasColor(i))) continue;
                States.SetLevel(i, NewLevel(i));
                if (Color >= 0) States.SetColor(i, Color);
                States.Emit(i, Commands);
            }
            return Finish(ActionOutcome.Acted, ActionReason.None);
        }

        /// <summary>Brightness N (plain: on/off), else a step (plain: on/off), else (colour alone) lit at its last level if off.</summary>
        int NewLevel(int light)
        {
            bool dims = Map!.IsDimmable(light);
            int level = States.Level(light);
            if (Relative != 0) return RelativeLevel(level, dims);
            if (Brightness >= 0) return dims ? Brightness : Brightness > 0 ? LightStates.Full : 0;
            if (Step != 0 && !dims) return Step > 0 ? LightStates.Full : 0;
            if (Step != 0)
            {
                int stepped = level + Step * Map.StepPercent;
                return stepped < 0 ? 0 : stepped > LightStates.Full ? LightStates.Full : stepped;
            }
            return level > 0 ? level : States.LastLevel(light);
        }

        /// <summary>
        /// A relative change from the light's level (0 when off, as a step counts from): ± the points said, or times
        /// (100 ± the percent said) / 100, rounded, clamped to 0..100 (0 is off, as Home Assistant's brightness_step_pct);
        /// a plain light as a step (up: on, down: off).
        /// </summary>
        int RelativeLevel(int level, bool dims)
        {
            if (!dims) return Relative > 0 ? LightStates.Full : 0;
            int changed = RelativeFraction ? (level * (LightStates.Full + Relative * Brightness) + LightStates.Full / 2) / LightStates.Full
                : level + Relative * Brightness;
            return Clamp(changed, 0, LightStates.Full);
        }
    }
}
