using Saffu.Training.Corpus;

namespace Saffu.Speech;

/// <summary>A typed sentence of the benchmark: a command (intent and slots from the held-out set) or out of domain.</summary>
internal sealed record Sentence(string Set, string Text, string? Intent, IReadOnlyDictionary<string, string> Slots)
{
    public bool IsCommand => Intent is not null && Intent != "<none>";
}

internal static class Sentences
{
    public const string Lights = "tests/data/lights", Clinc = "../shared/data/clinc150-oos";

    /// <summary>
    /// The held-out set (the bar): commands half from heldout.jsonl, half from heldout-blind.jsonl; out of domain a
    /// third each from heldout-none, heldout-blind-none and CLINC150 OOS test. The dev set (`--set dev`, where thresholds
    /// and rules are chosen): commands from dev.jsonl and dev-hard.jsonl; out of domain the `&lt;none&gt;` lines of
    /// nearmiss-dev.jsonl and nearmiss-dev2.jsonl and CLINC150 OOS validation — no test sentence. Each sample takes every
    /// k-th line (evenly spread, deterministic).
    /// </summary>
    public static List<Sentence> Load(BenchOptions o)
    {
        var all = new List<Sentence>();
        bool dev = o.Set == BenchSet.Dev;
        var (first, second) = dev ? ("dev", "dev-hard") : ("heldout", "heldout-blind");
        all.AddRange(Sample(first, $"{Lights}/{first}.jsonl", o.Commands - o.Commands / 2));
        all.AddRange(Sample(second, $"{Lights}/{second}.jsonl", o.Commands / 2));
        int third = o.Ood / 3;
        var (none, none2, clinc) = dev ? ("nearmiss-dev", "nearmiss-dev2", "valid") : ("heldout-none", "heldout-blind-none", "test");
        all.AddRange(Sample(none, $"{Lights}/{none}.jsonl", o.Ood - 2 * third, ood: true));
        all.AddRange(Sample(none2, $"{Lights}/{none2}.jsonl", third, ood: true));
        all.AddRange(Sample(dev ? "clinc150-oos-valid" : "clinc150-oos", $"{Clinc}/{clinc}", third, ood: true));
        return all;
    }

    static IEnumerable<Sentence> Sample(string set, string path, int count, bool ood = false)
    {
        var utterances = DatasetReader.Read(path).Utterances.Where(u => ood ? u.Intent is null or "<none>" or "oos" : u.Intent is not "<none>").ToList();
        if (count <= 0 || utterances.Count == 0) yield break;
        double stride = utterances.Count / (double)Math.Min(count, utterances.Count);
        for (int k = 0; k < Math.Min(count, utterances.Count); k++)
        {
            Saffu.Training.Corpus.Utterance u = utterances[(int)(k * stride)];
            yield return new Sentence(set, u.Text, ood ? null : u.Intent, u.Slots);
        }
    }
}
