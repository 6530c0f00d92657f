using System.Globalization;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Model;

namespace Saffu.Training.Simulation;

/// <summary>One slot as reported: its name, its value as text, and for brightness the integer percent.</summary>
public sealed record SlotValue(string Name, string Text, int? Number);

/// <summary>
/// The slots of a session's decision in canonical form (docs/cli.md): a light's or area's canonical
/// name even when an alias was said, the colour's name, `up`/`down` for a step phrase, brightness
/// as the span's number as said (the action clamps it to 100), a step span that is a level phrase as the brightness it
/// sets ("full": 100) — matched exactly as the action planner matches them
/// (vocabulary ids against the blob's action map, docs/action-map.md). Without an action map, or
/// when nothing matches, a slot's value is the words of its span. A brightness span without a number
/// is no value (the planner ignores it too) and is left out; a step read together with a
/// brightness is left out too (the planner applies the brightness).
/// </summary>
public static class CanonicalSlots
{
    public static IReadOnlyList<SlotValue> Read(Session session, ActionMap? map)
    {
        var values = new List<SlotValue>();
        int levelBrightness = -1;
        Decision d = session.Decision;
        RunState s = session.State;
        for (int slot = 0; slot < d.SlotCount; slot++)
        {
            if (!d.HasSlot(slot)) continue;
            string name = d.SlotName(slot);
            int first = d.SlotStart(slot) - 1, count = d.SlotEnd(slot) - d.SlotStart(slot) + 1;
            if (name == ActionPlanner.BrightnessSlot)
            {
                int n = d.SlotNumber(slot);
                if (n < 0) continue;
                values.Add(new SlotValue(name, n.ToString(CultureInfo.InvariantCulture), n));
                continue;
            }
            if (name == ActionPlanner.StepSlot && map?.FindStep(s.WordIds, first, count) is >= 0 and int levelStep && map.StepLevel(levelStep) is >= 0 and int level)
            {
                levelBrightness = level;   // a level phrase ("full", "half"), docs/action-map.md step 3
                continue;
            }
            string? canonical = map is null ? null : name switch
            {
                ActionPlanner.NameSlot => Found(map.FindLight(s.WordIds, first, count), map.LightName),
                ActionPlanner.AreaSlot => Found(map.FindArea(s.WordIds, first, count), map.AreaName),
                ActionPlanner.ColorSlot => Found(map.FindColor(s.WordIds, first, count), map.ColorName),
                ActionPlanner.StepSlot => Found(map.FindStep(s.WordIds, first, count), step => map.StepDirection(step) > 0 ? "up" : "down"),
                _ => null,
            };
            values.Add(new SlotValue(name, canonical ?? d.SlotText(slot), null));
        }
        if (levelBrightness >= 0 && !values.Any(v => v.Name == ActionPlanner.BrightnessSlot))
            values.Add(new SlotValue(ActionPlanner.BrightnessSlot, levelBrightness.ToString(CultureInfo.InvariantCulture), levelBrightness));
        // The planner sets an absolute brightness before it looks at a step: the value wins.
        if (values.Any(v => v.Name == ActionPlanner.BrightnessSlot)) values.RemoveAll(v => v.Name == ActionPlanner.StepSlot);
        return values;
    }

    /// <summary>
    /// The slots as the planner used them: a name span it read as an area ("kitchen lights",
    /// docs/action-map.md, "An area said as a name") becomes that area; a step or colour it read
    /// from the words because the tags missed it ("From the words") replaces or joins the tagged value; a plan that
    /// switches or answers keeps no value (brightness, step, colour are HassLightSet's slots only).
    /// </summary>
    public static IReadOnlyList<SlotValue> AsPlanned(IReadOnlyList<SlotValue> slots, ActionPlanner plan)
    {
        var values = slots.ToList();
        int name = values.FindIndex(v => v.Name == ActionPlanner.NameSlot);
        // As the device's SlotReport: a name span the tagger cut short that the planner completed ("counter" of "the counter lights").
        if (name >= 0 && plan.LightName() is { } light && plan.Map is { } map
            && !Enumerable.Range(0, map.LightCount).Any(i => map.LightName(i) == values[name].Text))
            values[name] = new SlotValue(ActionPlanner.NameSlot, light, null);
        // As the device's SlotReport: the planner's area replaces the name and any tagged area (several targets: the first).
        if (name >= 0 && plan.Light < 0 && plan.AreaName() is { } area)
        {
            int tagged = values.FindIndex(v => v.Name == ActionPlanner.AreaSlot);
            values[tagged >= 0 ? tagged : name] = new SlotValue(ActionPlanner.AreaSlot, area, null);
            if (tagged >= 0) values.RemoveAt(name);
        }
        // As the device's SlotReport: an area span the planner completed from the words before it ("room" of "living room").
        int areaAt = values.FindIndex(v => v.Name == ActionPlanner.AreaSlot);
        if (areaAt >= 0 && plan.AreaName() is { } completed && plan.Map is { } areas
            && !Enumerable.Range(0, areas.AreaCount).Any(i => areas.AreaName(i) == values[areaAt].Text))
            values[areaAt] = new SlotValue(ActionPlanner.AreaSlot, completed, null);
        // As the device's SlotReport: targets the planner read from the words because the tagger tagged none.
        if (!values.Any(v => v.Name is ActionPlanner.NameSlot or ActionPlanner.AreaSlot))
        {
            if (plan.LightName() is { } said) values.Add(new SlotValue(ActionPlanner.NameSlot, said, null));
            else if (plan.AreaName() is { } room) values.Add(new SlotValue(ActionPlanner.AreaSlot, room, null));
        }
        if (plan.Action != ActionKind.Set)
        {
            // As the device's SlotReport: only HassLightSet takes a value (docs/grammar.md §1), so a step, colour or
            // brightness the tagger read beside a switch or a question ("get the reading lamp to turn on": step "turn") is not reported.
            if (SlotReport.SwitchesOrAnswers(plan.Action)) values.RemoveAll(v => v.Name is ActionPlanner.BrightnessSlot or ActionPlanner.StepSlot or ActionPlanner.ColorSlot);
            return values;
        }
        if (plan.ColorName() is { } color) Put(values, ActionPlanner.ColorSlot, color);
        if (plan.Level >= 0)
        {
            // As the device's SlotReport: a level phrase the planner read ("up to max", "three quarters") is the brightness.
            values.RemoveAll(v => v.Name is ActionPlanner.BrightnessSlot or ActionPlanner.StepSlot);
            values.Add(new SlotValue(ActionPlanner.BrightnessSlot, plan.Level.ToString(CultureInfo.InvariantCulture), plan.Level));
        }
        if (plan.StepName() is { } step && plan.Brightness < 0) Put(values, ActionPlanner.StepSlot, step);
        return values;
    }

    private static void Put(List<SlotValue> values, string name, string text)
    {
        int at = values.FindIndex(v => v.Name == name);
        if (at >= 0) values[at] = new SlotValue(name, text, null);
        else values.Add(new SlotValue(name, text, null));
    }

    /// <summary>The slots as evaluation compares them (brightness as invariant digits).</summary>
    public static IReadOnlyDictionary<string, string> AsDictionary(IReadOnlyList<SlotValue> values) =>
        values.ToDictionary(v => v.Name, v => v.Text, StringComparer.Ordinal);

    private static string? Found(int index, Func<int, string> name) => index < 0 ? null : name(index);
}
