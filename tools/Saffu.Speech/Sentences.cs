using Saffu.Training.Corpus;

namespace Saffu.Speech;

/// <summary>A typed sentence of the benchmark: a command (intent and slots from the held-out set) or out of domain.</summary>
internal sealed record Sentence(string Set, string Text, string? Intent, IReadOnlyDictionary<string, string> Slots)
{
    public bool IsCommand => Intent is not null && Intent != "<none>";
}

internal static class Sentences
{
    public const string Lights = "tests/data/lights", Clinc = "../shared/data/clinc150-oos/test";

    /// <summary>
    /// Commands: half from heldout.jsonl, half from heldout-blind.jsonl (with --dev-commands: dev.jsonl and dev-hard.jsonl,
    /// the sets the confusion table for robust training is measured on); out of domain: a third each from heldout-none,
    /// heldout-blind-none and CLINC150 OOS test. Each sample takes every k-th line (evenly spread, deterministic).
    /// </summary>
    public static List<Sentence> Load(BenchOptions o)
    {
        var all = new List<Sentence>();
        var (first, second) = o.DevCommands ? ("dev", "dev-hard") : ("heldout", "heldout-blind");
        all.AddRange(Sample(first, $"{Lights}/{first}.jsonl", o.Commands - o.Commands / 2));
        all.AddRange(Sample(second, $"{Lights}/{second}.jsonl", o.Commands / 2));
        int third = o.Ood / 3;
        all.AddRange(Sample("heldout-none", $"{Lights}/heldout-none.jsonl", o.Ood - 2 * third, ood: true));
        all.AddRange(Sample("heldout-blind-none", $"{Lights}/heldout-blind-none.jsonl", third, ood: true));
        all.AddRange(Sample("clinc150-oos", Clinc, third, ood: true));
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
