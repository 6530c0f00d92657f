namespace Saffu.LightsBaseline;

/// <summary>The markdown table: per set and per union, each system's share right (commands: top intent = label; sentences
/// that must not act: top intent not light-acting), then the baselines' training time and size.</summary>
internal static class BaselineReport
{
    public static void Print(TextWriter o, BaselineSettings s, int trainRows, List<ScoredSet> sets, List<Column> columns)
    {
        var counts = columns.Select(c => SetScores.RightCounts(sets, c.Tops)).ToList();
        o.WriteLine($"Lights tune sets: top intent of SAFFU (shipped blob {s.Blob}, refusal rules and planner not applied) and of ML.NET");
        o.WriteLine($"FeaturizeText + {(s.Trainer == "lbfgs" ? "LbfgsMaximumEntropy" : "SdcaMaximumEntropy")} trained on the same {trainRows:N0} rows (seed {s.Seed}). Commands: % top intent = label;");
        o.WriteLine("must-not-act sets: % top intent not HassTurnOn/Off/Toggle/LightSet.");
        o.WriteLine();
        o.WriteLine("| set | kind | n | " + string.Join(" | ", columns.Select(c => c.Name)) + " |");
        o.WriteLine("|---|---|---:|" + string.Concat(columns.Select(_ => "---:|")));
        for (int i = 0; i < sets.Count; i++)
            Row(o, sets[i].Name, sets[i].Commands ? "commands" : "must not act", sets[i].Utterances.Count, counts.Select(c => c[i]));
        Union(o, "**dev5 + dev6 + dev7 + HWU64 train light**", "commands", sets, counts, t => TuneSets.Unlike.Contains(t.Name));
        Union(o, "all tune commands", "commands", sets, counts, t => t.Commands);
        Union(o, "all near misses (nearmiss-dev…dev7)", "must not act", sets, counts, t => t.Name.StartsWith("nearmiss-", StringComparison.Ordinal));
        Union(o, "CLINC OOS train + HWU64 non-light train", "must not act", sets, counts, t => !t.Commands && !t.Name.StartsWith("nearmiss-", StringComparison.Ordinal));
        o.WriteLine();
        o.WriteLine("| baseline | Fit s | features | non-zero weights | saved zip bytes |");
        o.WriteLine("|---|---:|---:|---:|---:|");
        foreach (var m in columns.Select(c => c.Model).OfType<NgramBaseline>())
            o.WriteLine($"| ({m.Variant.Key}) {m.Variant.Name} | {m.Seconds:F1} | {m.FeatureNames.Length:N0} | {m.NonZeroWeights:N0} | {m.Bytes:N0} |");
    }

    static void Union(TextWriter o, string name, string kind, List<ScoredSet> sets, List<int[]> counts, Func<ScoredSet, bool> member)
    {
        var members = Enumerable.Range(0, sets.Count).Where(i => member(sets[i])).ToList();
        Row(o, name, kind, members.Sum(i => sets[i].Utterances.Count), counts.Select(c => members.Sum(i => c[i])));
    }

    static void Row(TextWriter o, string name, string kind, int n, IEnumerable<int> right) =>
        o.WriteLine($"| {name} | {kind} | {n:N0} | " + string.Join(" | ", right.Select(r => (100.0 * r / n).ToString("F1"))) + " |");
}
