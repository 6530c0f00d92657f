using System.Globalization;
using System.Text.Json.Nodes;
using Saffu.Training.Corpus;
using Saffu.Training.Model;
using Saffu.Training.Retraining;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>
/// The prompts of `saffu review` (docs/cli.md): for each pulled record not yet judged, show the decision and ask — accept,
/// pick the right intent, retype the transcript, fix a slot, skip — then hand the record to <paramref name="save"/> (which
/// appends it to the corrections file at once, so a review resumes where it stopped). Takes any <see cref="IAnsiConsole"/>
/// (the terminal, or Spectre's TestConsole in tests).
/// </summary>
internal sealed class ReviewSession(IAnsiConsole console, IReadOnlyList<string> intents, Action<CorrectionRecord> save)
{
    internal const string Accept = "accept: the decision was right";
    internal const string WrongIntent = "wrong intent: pick the right one";
    internal const string Retype = "wrong transcript: retype what was said";
    internal const string FixSlot = "fix a slot";
    internal const string Skip = "skip: ignore this record";
    internal const string Quit = "quit: resume later";
    internal const string Done = "done: save this correction";
    internal const string NewIntent = "(a new intent…)";
    internal const string RemoveSlot = "(remove)";

    /// <summary>Reviews the records in order; returns how many were judged (stops early on quit).</summary>
    public int Run(IReadOnlyList<PulledRecord> records, int alreadyJudged, int total)
    {
        int judged = 0;
        for (int i = 0; i < records.Count; i++)
        {
            Show(records[i], alreadyJudged + i + 1, total);
            string choice = Choose("What about it?", [Accept, WrongIntent, Retype, FixSlot, Skip, Quit]);
            if (choice == Quit) break;
            save(choice switch
            {
                Accept => new CorrectionRecord { Log = records[i].Record, Verdict = "ok" },
                Skip => new CorrectionRecord { Log = records[i].Record, Verdict = "ignore" },
                _ => Correct(records[i], choice),
            });
            judged++;
        }
        return judged;
    }

    void Show(PulledRecord r, int number, int total)
    {
        LoggedDecision d = r.Decision;
        string slots = d.Slots.Count == 0 ? "no slots" : string.Join(", ", d.Slots.Select(p => $"{p.Key}={p.Value}"));
        string decided = d.Intent is null ? $"not understood ({Field(r.Record, "reason") ?? "?"}; top {Field(r.Record, "top") ?? "?"})" : d.Intent;
        console.WriteLine();
        console.MarkupLine($"[bold][[{number}/{total}]][/] \"{Markup.Escape(d.Text)}\"");
        console.MarkupLine($"  decided: [yellow]{Markup.Escape(decided)}[/] · {Markup.Escape(slots)}" +
            (Field(r.Record, "confidence") is { } c ? $" · confidence {Markup.Escape(c)}" : ""));
    }

    CorrectionRecord Correct(PulledRecord r, string first)
    {
        string? text = null, intent = null;
        Dictionary<string, string>? slots = null;
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        string choice = first;
        while (choice != Done)
        {
            switch (choice)
            {
                case WrongIntent: intent = PickIntent(); break;
                case Retype: text = console.Prompt(new TextPrompt<string>("What was said?").DefaultValue(r.Decision.Text)); break;
                case FixSlot:
                    slots ??= new Dictionary<string, string>(r.Decision.Slots, StringComparer.Ordinal);
                    FixOneSlot(slots, words);
                    break;
            }
            choice = Choose("Anything else?", [Done, WrongIntent, Retype, FixSlot]);
        }
        return new CorrectionRecord
        {
            Log = r.Record,
            Verdict = "corrected",
            CorrectedText = text,
            CorrectedIntent = intent,
            CorrectedSlots = slots is null ? null : SlotJson.ToJson(slots),
            SlotWords = words.Count == 0 ? null : words,
        };
    }

    string PickIntent()
    {
        string picked = Choose("The right intent (<none>: it should not have been acted on):", [.. intents, NewIntent]);
        return picked != NewIntent ? picked : console.Prompt(new TextPrompt<string>("New intent name:").Validate(n => n.Trim().Length > 0));
    }

    void FixOneSlot(Dictionary<string, string> slots, Dictionary<string, string> words)
    {
        string slot = Choose("Which slot?", SlotNames.All.ToList());
        string current = slots.TryGetValue(slot, out string? v) ? v : RemoveSlot;
        if (slot == SlotNames.Brightness)
        {
            string value = console.Prompt(new TextPrompt<string>($"brightness percent 0..100, or {RemoveSlot}:").DefaultValue(current)
                .Validate(s => s == RemoveSlot || int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out int p) && p <= 100));
            Set(slots, slot, value);
            return;
        }
        string canonical = console.Prompt(new TextPrompt<string>($"{slot} (the canonical value, e.g. the light's name), or {RemoveSlot}:").DefaultValue(current));
        Set(slots, slot, canonical.Trim());
        if (slot is SlotNames.Name or SlotNames.Area && canonical.Trim() != RemoveSlot)
        {
            string said = console.Prompt(new TextPrompt<string>("The words said for it, if the home does not know them yet (enter: none):").AllowEmpty());
            if (said.Trim().Length > 0) words[slot] = said.Trim();
        }
    }

    static void Set(Dictionary<string, string> slots, string slot, string value)
    {
        if (value == RemoveSlot || value.Length == 0) slots.Remove(slot);
        else slots[slot] = value;
    }

    string Choose(string title, List<string> choices) =>
        console.Prompt(new SelectionPrompt<string>().Title(title).AddChoices(choices));

    static string? Field(JsonObject record, string key) => record[key] switch
    {
        null => null,
        JsonValue v when v.TryGetValue(out string? s) => s,
        JsonValue v when v.TryGetValue(out double d) => d.ToString("0.###", CultureInfo.InvariantCulture),
        var other => other.ToJsonString(),
    };

    /// <summary>The intents to pick from: the model's, the none class first-named as `&lt;none&gt;`.</summary>
    public static IReadOnlyList<string> IntentChoices(IEnumerable<string> modelIntents)
    {
        var list = modelIntents.Where(i => i != FloatModel.NoneIntentName).ToList();
        list.Add(FloatModel.NoneIntentName);
        return list;
    }
}
