using Saffu.Training.Corpus;

namespace Saffu.LightsBaseline;

/// <summary>One scored set: real light commands (top intent must be the label) or sentences that must not act (top intent
/// must not be one of the four light-acting intents).</summary>
internal sealed record ScoredSet(string Name, bool Commands, IReadOnlyList<Utterance> Utterances);

/// <summary>
/// The lights tune sets (tools/lights-quality `--split tune` plus its near-miss and extra command files): never the test or
/// blind sets. HWU64 train is split by tests/data/lights/hwu64-light-intents.tsv into light commands (labels mapped) and
/// the rest, as lights-quality does.
/// </summary>
internal static class TuneSets
{
    const string Lights = "tests/data/lights";

    /// <summary>The sets whose union answers "does word order help on phrasings unlike the training sentences".</summary>
    public static readonly IReadOnlyList<string> Unlike = ["commands-dev5", "commands-dev6", "commands-dev7", "HWU64 light, train"];

    public static List<ScoredSet> Read(string data)
    {
        var sets = new List<ScoredSet>();
        foreach (string name in new[] { "dev", "dev-hard", "commands-dev2", "commands-dev4", "commands-dev5", "commands-dev6", "commands-dev7" })
            sets.Add(new ScoredSet(name, true, ReadFile(Path.Combine(Lights, name + ".jsonl"))));
        foreach (string split in new[] { "train", "valid" })
        {
            var (light, other) = Hwu64(Path.Combine(data, "hwu64", split), Path.Combine(Lights, "hwu64-light-intents.tsv"));
            sets.Add(new ScoredSet($"HWU64 light, {split}", true, light));
            if (split == "train") sets.Add(new ScoredSet("HWU64 non-light, train", false, other));
        }
        foreach (string name in new[] { "nearmiss-dev", "nearmiss-dev2", "nearmiss-dev3", "nearmiss-dev4", "nearmiss-dev5", "nearmiss-dev6", "nearmiss-dev7" })
            sets.Add(new ScoredSet(name, false, ReadFile(Path.Combine(Lights, name + ".jsonl"))));
        sets.Add(new ScoredSet("CLINC150 OOS, train", false,
            DatasetReader.Read(Path.Combine(data, "clinc150-oos", "train"), new ReadOptions { RequireIntent = false }).Utterances));
        return sets;
    }

    static IReadOnlyList<Utterance> ReadFile(string path) => DatasetReader.Read(path, new ReadOptions { RequireIntent = false }).Utterances;

    /// <summary>HWU64 (Liu et al. 2019, CC BY 4.0) as light utterances with mapped labels and the rest without a label.</summary>
    static (List<Utterance> Light, List<Utterance> Other) Hwu64(string folder, string mappingTsv)
    {
        var map = File.ReadAllLines(mappingTsv).Where(l => l.Length > 0 && !l.StartsWith('#') && !l.StartsWith("hwu64_label", StringComparison.Ordinal))
            .Select(l => l.Split('\t')).ToDictionary(f => f[0], f => f[1], StringComparer.Ordinal);
        var all = DatasetReader.Read(folder).Utterances;
        var light = new List<Utterance>();
        var other = new List<Utterance>();
        foreach (var u in all)
        {
            if (map.TryGetValue(u.Intent ?? "", out string? intent)) light.Add(u with { Intent = intent });
            else other.Add(u with { Intent = null });
        }
        return (light, other);
    }
}
