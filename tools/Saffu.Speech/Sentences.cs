using Saffu.Training.Corpus;

namespace Saffu.Speech;

/// <summary>
/// A typed sentence of the benchmark: a command (intent and slots from its set) or out of domain. <see cref="Lights"/>
/// is the set's `lights` label (every light the command must act on; commands-dev2 and commands-dev4…7), null where
/// the set has none: a command with it is scored on the lights its action drives instead of on its name and area slots.
/// </summary>
internal sealed record Sentence(string Set, string Text, string? Intent, IReadOnlyDictionary<string, string> Slots, IReadOnlyList<string>? Lights = null)
{
    public bool IsCommand => Intent is not null && Intent != "<none>";
}

internal static class Sentences
{
    public const string Lights = "tests/data/lights", Clinc = "../shared/data/clinc150-oos";

    /// <summary>
    /// The sentences of <paramref name="o"/>'s set. Held-out (the bar): commands half from heldout.jsonl, half from
    /// heldout-blind.jsonl; out of domain a third each from heldout-none, heldout-blind-none and CLINC150 OOS test. Dev
    /// (`--set dev`, where thresholds and rules were chosen until §14): commands half from dev.jsonl, half from
    /// dev-hard.jsonl; out of domain a third each of the `&lt;none&gt;` lines of nearmiss-dev.jsonl and nearmiss-dev2.jsonl
    /// and CLINC150 OOS validation. Dev-wide (`--set dev-wide`, docs/voice.md §14): commands from dev, dev-hard and
    /// commands-dev2…7 pooled; out of domain two thirds from the `&lt;none&gt;` lines of nearmiss-dev…7 pooled, a third
    /// CLINC150 OOS validation, numbered files that do not exist skipped. No test sentence in either dev set.
    /// </summary>
    public static List<Sentence> Load(BenchOptions o)
    {
        int half = o.Commands / 2, third = o.Ood / 3;
        (string Set, string Path) clincValid = ("clinc150-oos-valid", $"{Clinc}/valid");
        var parts = o.Set switch
        {
            BenchSet.Heldout => new[]
            {
                Part(o.Commands - half, false, "heldout"), Part(half, false, "heldout-blind"), Part(o.Ood - 2 * third, true, "heldout-none"),
                Part(third, true, "heldout-blind-none"), (third, true, [("clinc150-oos", $"{Clinc}/test")]),
            },
            BenchSet.Dev => new[]
            {
                Part(o.Commands - half, false, "dev"), Part(half, false, "dev-hard"), Part(o.Ood - 2 * third, true, "nearmiss-dev"),
                Part(third, true, "nearmiss-dev2"), (third, true, [clincValid]),
            },
            BenchSet.DevWide => new[]
            {
                Part(o.Commands, false, ["dev", "dev-hard", .. Numbered("commands-dev")]), Part(o.Ood - third, true, ["nearmiss-dev", .. Numbered("nearmiss-dev")]),
                (third, true, [clincValid]),
            },
            _ => throw new ArgumentOutOfRangeException(nameof(o), o.Set, "expected heldout, dev or dev-wide"),
        };
        return parts.SelectMany(p => Sample(p.Files, p.Count, p.Ood)).ToList();
    }

    static (int Count, bool Ood, (string Set, string Path)[] Files) Part(int count, bool ood, params string[] sets) =>
        (count, ood, sets.Select(s => (s, $"{Lights}/{s}.jsonl")).ToArray());

    /// <summary>Those of the set names <paramref name="stem"/>2 … <paramref name="stem"/>7 (the dev files written for tuning) whose files exist.</summary>
    static IEnumerable<string> Numbered(string stem) =>
        Enumerable.Range(2, 6).Select(n => $"{stem}{n}").Where(s => File.Exists($"{Lights}/{s}.jsonl"));

    /// <summary>Every k-th line (evenly spread, deterministic) of the files' commands or out-of-domain lines, pooled in file order.</summary>
    static IEnumerable<Sentence> Sample((string Set, string Path)[] files, int count, bool ood)
    {
        var utterances = files.SelectMany(f => DatasetReader.Read(f.Path).Utterances
            .Where(u => ood ? u.Intent is null or "<none>" or "oos" : u.Intent is not "<none>").Select(u => (f.Set, u))).ToList();
        if (count <= 0 || utterances.Count == 0) yield break;
        double stride = utterances.Count / (double)Math.Min(count, utterances.Count);
        for (int k = 0; k < Math.Min(count, utterances.Count); k++)
        {
            var (set, u) = utterances[(int)(k * stride)];
            yield return new Sentence(set, u.Text, ood ? null : u.Intent, u.Slots, ood ? null : u.Lights);
        }
    }
}
