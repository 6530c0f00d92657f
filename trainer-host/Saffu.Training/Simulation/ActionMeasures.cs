using Saffu.Runtime.Model;
using Saffu.Training.Corpus;
using Saffu.Training.Grammar;

namespace Saffu.Training.Simulation;

/// <summary>One category's counts (docs/cli.md, `saffu eval --blob`, action measures).</summary>
/// <param name="NotActed">Sentences on which the device drove no pin.</param>
/// <param name="IntentRight">Sentences whose understood intent is the labelled one (and that acted, for a light intent).</param>
/// <param name="WithLights">Sentences with a `lights` label; <paramref name="LightsRight"/> of them drove exactly those lights.</param>
public sealed record CategoryActions(string Category, int N, int NotActed, int IntentRight, int WithLights, int LightsRight);

/// <summary>
/// What the device does with a set of sentences, through the host simulator (`saffu run`'s code): how many were not acted
/// on, how many state questions were answered with the right target, how many commands acted on exactly their labelled
/// lights; overall and per `category`.
/// </summary>
/// <param name="StateQuestions">Sentences labelled HassGetState; <paramref name="StateRight"/> of them were answered as
/// HassGetState with the labelled `name` or `area` as the target (no name and no area labelled: every light).</param>
public sealed record ActionReport(CategoryActions All, IReadOnlyList<CategoryActions> Categories, int StateQuestions, int StateRight)
{
    public static ActionReport Measure(SaffuModel model, IReadOnlyList<Utterance> utterances)
    {
        var runner = new TranscriptRunner(model);
        var rows = utterances.Select(u => (u, r: runner.Run(u.Text))).ToList();
        // "(total)" cannot clash with a category name of the data ("all" is one of commands-blind2.jsonl).

        var categories = rows.GroupBy(x => x.u.Category ?? "(none)").OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Count(g.Key, g.ToList())).ToList();
        var questions = rows.Where(x => x.u.Intent == LightIntents.GetState).ToList();
        return new ActionReport(Count("(total)", rows), categories, questions.Count, questions.Count(x => AnsweredRight(x.u, x.r)));
    }

    static CategoryActions Count(string name, IReadOnlyList<(Utterance u, TranscriptResult r)> rows) => new(name, rows.Count,
        rows.Count(x => !Acted(x.r)), rows.Count(x => IntentRight(x.u, x.r)),
        rows.Count(x => x.u.Lights is not null), rows.Count(x => x.u.Lights is { } l && Acted(x.r) && SameLights(l, x.r)));

    /// <summary>The device drove pins (a light intent with an action).</summary>
    public static bool Acted(TranscriptResult r) => r.Action is { Kind: ActionResult.KindPins };

    static bool IntentRight(Utterance u, TranscriptResult r)
    {
        if (u.Intent is null || u.Intent == LightIntents.None) return !Acted(r);
        if (LightIntents.Lights.Contains(u.Intent)) return r.Intent == u.Intent && r.Action is not null;
        return r.Top == u.Intent;
    }

    static bool AnsweredRight(Utterance u, TranscriptResult r)
    {
        if (r.Intent != LightIntents.GetState) return false;
        string? Slot(IEnumerable<SlotValue> slots, string name) => slots.FirstOrDefault(s => s.Name == name)?.Text;
        string? name = u.Slots.GetValueOrDefault(LightSlots.Name), area = u.Slots.GetValueOrDefault(LightSlots.Area);
        if (name is not null) return Slot(r.Slots, LightSlots.Name) == name;
        if (area is not null) return Slot(r.Slots, LightSlots.Area) == area && Slot(r.Slots, LightSlots.Name) is null;
        return Slot(r.Slots, LightSlots.Name) is null && Slot(r.Slots, LightSlots.Area) is null;
    }

    static bool SameLights(IReadOnlyList<string> wanted, TranscriptResult r) =>
        r.Action!.Lights.Select(l => l.Name).ToHashSet(StringComparer.Ordinal).SetEquals(wanted);
}
