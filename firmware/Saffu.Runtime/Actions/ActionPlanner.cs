using Saffu.Runtime.Model;

namespace Saffu.Runtime.Actions
{
    /// <summary>
    /// Turns a decision into pin commands (docs/action-map.md, What it decides): resolves the target
    /// lights and values from the slot spans by comparing vocabulary ids with the action map's
    /// phrases, updates the light states and fills the command buffer. One per model, allocated at
    /// load; Plan allocates nothing. Only the ...Name methods, for reporting, build strings.
    /// </summary>
    public sealed class ActionPlanner
    {
        public const string NameSlot = "name", AreaSlot = "area", ColorSlot = "color", BrightnessSlot = "brightness", StepSlot = "step";

        readonly SaffuModel model;
        readonly int lights;
        readonly int nameSlot, areaSlot, colorSlot, brightnessSlot, stepSlot;   // −1 when the model does not tag it

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

        /// <summary>Bytes the planner allocates for that many lights: light states and 3 × lights commands.</summary>
        public static int RamBytesFor(int lights)
        {
            return LightStates.RamBytesFor(lights) + PinCommands.RamBytesFor(3 * lights);
        }

        /// <summary>Bytes allocated for actions: the map's offset tables, light states, command buffer.</summary>
        public int RamBytes
        {
            get { return (Map == null ? 0 : Map.RamBytes) + States.RamBytes + Commands.RamBytes; }
        }

        /// <summary>Plans the decision's action (docs/action-map.md steps 0–5); the outcome is also in Outcome.</summary>
        public ActionOutcome Plan(Decision decision)
        {
            Clear();
            Session session = decision.Session;
            if (session.Model != model) return Finish(ActionOutcome.NotUnderstood, ActionReason.OtherModel);
            if (!decision.Understood) return Finish(ActionOutcome.NotUnderstood, ActionReason.None);
            if (Map == null) return Finish(ActionOutcome.NoActionMap, ActionReason.None);
            Action = Map.ActionOf(decision.TopIntent);
            if (Action == ActionKind.None) return Finish(ActionOutcome.NotSupported, ActionReason.NoActionForIntent);
            ActionReason unknown = ResolveTargets(session.State);
            if (unknown != ActionReason.None) return Finish(ActionOutcome.UnknownTarget, unknown);
            ActionReason bad = ReadValues(session.State, decision);
            if (Action != ActionKind.Set) return Switch();
            if (bad != ActionReason.None) return Finish(ActionOutcome.NotSupported, bad);
            return SetLevels();
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

        /// <summary>The matched light's canonical name, null if none (allocates).</summary>
        public string? LightName() { return Light < 0 ? null : Map!.LightName(Light); }
        /// <summary>The matched area's canonical name, null if none (allocates).</summary>
        public string? AreaName() { return Area < 0 ? null : Map!.AreaName(Area); }
        /// <summary>The matched colour's name, null if none (allocates).</summary>
        public string? ColorName() { return Color < 0 ? null : Map!.ColorName(Color); }
        /// <summary>"up", "down" or null.</summary>
        public string? StepName() { return Step > 0 ? "up" : Step < 0 ? "down" : null; }

        void Clear()
        {
            Commands.Clear();
            Outcome = ActionOutcome.NotUnderstood;
            Reason = ActionReason.None;
            Action = ActionKind.None;
            Light = -1;
            Area = -1;
            Color = -1;
            Brightness = -1;
            Step = 0;
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
        /// name → one light, else area → its lights, else every light; a name that is no light but
        /// begins with an area ("kitchen lights") is that area when no area was tagged; a name or
        /// area that matches nothing is unknown.
        /// </summary>
        ActionReason ResolveTargets(RunState s)
        {
            ActionMap map = Map!;
            if (Has(s, nameSlot))
            {
                int first = First(s, nameSlot), count = Count(s, nameSlot);
                Light = map.FindLight(s.WordIds, first, count);
                if (Light < 0 && !Has(s, areaSlot)) Area = map.FindAreaPrefix(s.WordIds, first, count);
                if (Light < 0 && Area < 0) return ActionReason.UnknownName;
            }
            if (Has(s, areaSlot))
            {
                Area = map.FindArea(s.WordIds, First(s, areaSlot), Count(s, areaSlot));
                if (Area < 0 && Light < 0) return ActionReason.UnknownArea;
            }
            return ActionReason.None;
        }

        /// <summary>Brightness, step and colour; an unknown step or colour is the reason (it matters to set only).</summary>
        ActionReason ReadValues(RunState s, Decision decision)
        {
            ActionMap map = Map!;
            ActionReason bad = ActionReason.None;
            if (brightnessSlot >= 0)
            {
                int n = decision.SlotNumber(brightnessSlot);
                Brightness = n > LightStates.Full ? LightStates.Full : n;
            }
            if (Has(s, stepSlot))
            {
                int step = map.FindStep(s.WordIds, First(s, stepSlot), Count(s, stepSlot));
                if (step >= 0) Step = map.StepDirection(step);
                else bad = ActionReason.UnknownStep;
            }
            if (Has(s, colorSlot))
            {
                Color = map.FindColor(s.WordIds, First(s, colorSlot), Count(s, colorSlot));
                if (Color < 0) bad = ActionReason.UnknownColour;
            }
            if (Brightness < 0 && Step == 0 && Color < 0 && ReadValuesFromWords(decision.Session)) return ActionReason.None;
            if (bad == ActionReason.None && Brightness < 0 && Step == 0 && Color < 0) bad = ActionReason.NothingToSet;
            return bad;
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

        bool IsTarget(int light)
        {
            if (Light >= 0) return light == Light;
            return Area < 0 || Map!.AreaOf(light) == Area;
        }

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
            if (Brightness >= 0) return dims ? Brightness : Brightness > 0 ? LightStates.Full : 0;
            if (Step != 0 && !dims) return Step > 0 ? LightStates.Full : 0;
            if (Step != 0)
            {
                int stepped = level + Step * Map.StepPercent;
                return stepped < 0 ? 0 : stepped > LightStates.Full ? LightStates.Full : stepped;
            }
            return level > 0 ? level : States.LastLevel(light);
        }
    }
}
