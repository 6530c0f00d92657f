using System.Globalization;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Model;

namespace Saffu.Training.Simulation;

/// <summary>One slot as reported: its name, its value as text, and for brightness the integer percent.</summary>
public sealed record SlotValue(string Name, string Text, int? Number);

/// <summary>
/// The slots of a session's decision in canonical form (docs/cli.md), read by the device's own
/// <see cref="SlotReport"/> — so the host reports exactly what the device's answers report, in the device's key order
/// (name, area, color, step, brightness): a light's or area's canonical name even when an alias was said, the colour's
/// name, `up`/`down` for a step phrase, brightness as the span's number as said or the level a level phrase sets;
/// after a plan, the slots as the planner used them (docs/action-map.md).
/// </summary>
public static class CanonicalSlots
{
    /// <summary>The decision's slots; <paramref name="planned"/>: the planner has just planned it (its reading applies).</summary>
    public static IReadOnlyList<SlotValue> Read(Session session, ActionPlanner planner, bool planned)
    {
        var report = new SlotReport();
        report.Read(session, planner, planned);
        var values = new List<SlotValue>();
        Add(values, ActionPlanner.NameSlot, report.Name);
        Add(values, ActionPlanner.AreaSlot, report.Area);
        Add(values, ActionPlanner.ColorSlot, report.Color);
        Add(values, ActionPlanner.StepSlot, report.Step);
        if (report.Brightness >= 0)
            values.Add(new SlotValue(ActionPlanner.BrightnessSlot, report.Brightness.ToString(CultureInfo.InvariantCulture), report.Brightness));
        return values;
    }

    /// <summary>The slots as evaluation compares them (brightness as invariant digits).</summary>
    public static IReadOnlyDictionary<string, string> AsDictionary(IReadOnlyList<SlotValue> values) =>
        values.ToDictionary(v => v.Name, v => v.Text, StringComparer.Ordinal);

    private static void Add(List<SlotValue> values, string name, string? text)
    {
        if (text is not null) values.Add(new SlotValue(name, text, null));
    }
}
