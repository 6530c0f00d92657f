using Saffu.Runtime.Model;

namespace Saffu.Runtime.Actions
{
    /// <summary>
    /// The slots of a decision as reporters show them (docs/cli.md, saffu run, Slots): canonical
    /// names matched as the planner matches them, the span's words when nothing matches, brightness
    /// as the number said, a step span that is a level phrase as the brightness it sets ("full": 100), a step dropped when
    /// a brightness was heard; after a plan, the level the planner read from the words is the brightness; a name span the planner completed
    /// to a light is that light, a name read as an area becomes that area, a colour or step the planner read from the words is filled in, and a plan that
    /// switches or answers reports no value (brightness, step, colour: HassLightSet's slots only).
    /// One instance per reporter; Read allocates the strings.
    /// </summary>
    public sealed class SlotReport
    {
        /// <summary>null when not heard.</summary>
        public string? Name, Area, Color, Step;
        /// <summary>The brightness span's number, −1 when not heard.</summary>
        public int Brightness = -1;
        bool nameIsLight, areaIsArea;

        /// <summary>Reads the slots of the session's decision; planned: the planner has just planned it.</summary>
        public void Read(Session session, ActionPlanner planner, bool planned)
        {
            Name = Area = Color = Step = null;
            Brightness = -1;
            nameIsLight = areaIsArea = false;
            Decision d = session.Decision;
            RunState s = session.State;
            ActionMap? map = planner.Map;
            int level = -1;   // a step span's level phrase
            for (int slot = 0; slot < d.SlotCount; slot++)
            {
                if (!d.HasSlot(slot)) continue;
                string name = d.SlotName(slot);
                int first = d.SlotStart(slot) - 1, count = d.SlotEnd(slot) - d.SlotStart(slot) + 1;
                if (name == ActionPlanner.BrightnessSlot) Brightness = d.SlotNumber(slot);
                else if (name == ActionPlanner.NameSlot)
                {
                    int i = map == null ? -1 : map.FindLight(s.WordIds, first, count);
                    Name = i >= 0 ? map!.LightName(i) : d.SlotText(slot);
                    nameIsLight = i >= 0;
                }
                else if (name == ActionPlanner.AreaSlot)
                {
                    int i = map == null ? -1 : map.FindArea(s.WordIds, first, count);
                    Area = i >= 0 ? map!.AreaName(i) : d.SlotText(slot);
                    areaIsArea = i >= 0;
                }
                else if (name == ActionPlanner.ColorSlot)
                {
                    int i = map == null ? -1 : map.FindColor(s.WordIds, first, count);
                    Color = i >= 0 ? map!.ColorName(i) : d.SlotText(slot);
                }
                else if (name == ActionPlanner.StepSlot)
                {
                    int i = map == null ? -1 : map.FindStep(s.WordIds, first, count);
                    if (i >= 0 && map!.StepLevel(i) >= 0) level = map.StepLevel(i);
                    else Step = i >= 0 ? (map!.StepDirection(i) > 0 ? "up" : "down") : d.SlotText(slot);
                }
            }
            if (Brightness < 0) Brightness = level;
            if (Brightness >= 0) Step = null;
            if (planned) AsPlanned(planner);
        }

        /// <summary>On, off, toggle and a question take a name and an area only (a cancellation may say anything).</summary>
        public static bool SwitchesOrAnswers(ActionKind action)
        {
            return action == ActionKind.On || action == ActionKind.Off || action == ActionKind.Toggle || action == ActionKind.Query;
        }

        void ClearValues()
        {
            Color = Step = null;
            Brightness = -1;
        }

        void AsPlanned(ActionPlanner plan)
        {
            // A name span the tagger cut short that the planner completed from the next words ("counter" of "the counter lights").
            if (Name != null && !nameIsLight && plan.Light >= 0) Name = plan.LightName();
            // An area span the planner completed from the words before it ("room" of "turn living room lights off").
            if (Area != null && !areaIsArea && plan.Area >= 0) Area = plan.AreaName();
            // Targets the planner read from the words because the tagger tagged none ("turn bedroom lights red").
            if (Name == null && Area == null)
            {
                if (plan.Light >= 0) Name = plan.LightName();
                else Area = plan.AreaName();
            }
            if (Name != null && plan.Light < 0)
            {
                string? area = plan.AreaName();
                if (area != null)
                {
                    Area = area;
                    Name = null;
                }
            }
            if (plan.Action != ActionKind.Set)
            {
                // Only HassLightSet takes a value (docs/grammar.md §1): a step, colour or brightness the tagger read in
                // "can you get the reading lamp to turn on" (step "turn") is no part of what a switch or question does.
                if (SwitchesOrAnswers(plan.Action)) ClearValues();
                return;
            }
            string? color = plan.ColorName();
            if (color != null) Color = color;
            if (plan.Level >= 0)
            {
                Brightness = plan.Level;   // "set the kitchen light to full": 100, as if said as a number
                Step = null;
            }
            string? step = plan.StepName();
            if (step != null && plan.Brightness < 0) Step = step;
        }
    }
}
