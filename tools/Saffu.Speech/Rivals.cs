using System.Diagnostics;
using Saffu.Training.Simulation;
using Saffu.Training.Speech;

namespace Saffu.Speech;

/// <summary>
/// The rival-grammar decodes of docs/voice.md §10: every clean fitted-LM recognition whose decision (first blob) would
/// drive a light is decoded again with its transcript's rival grammar, per grammar variant (deletion alternative or not,
/// how many phones a rival may be away), in <c>parallel</c> recogniser processes. Keys: the variants; values: each recognition's grammar sentence (absent:
/// no grammar, nothing to guard); also the wall-clock seconds of it all (grammars built and decoded) and the decodes made.
/// </summary>
internal static class RivalRuns
{
    public static (Dictionary<RivalVariant, Dictionary<Recognised, string>> Rivals, double Seconds, int Decodes) Decode(PocketSphinx recogniser,
        string blob, string dictionary, IReadOnlyList<Recognised> runs, int parallel, IReadOnlyList<RivalVariant> variants)
    {
        var dict = PronunciationDictionary.Load(dictionary);
        var rivals = new Dictionary<RivalVariant, Dictionary<Recognised, string>>();
        var clock = Stopwatch.StartNew();
        int decodes = 0;
        foreach (RivalVariant variant in variants)
        {
            var model = SimulatedModel.LoadFile(blob);
            var check = new HearingCheck(model, 0, neighbours: PhoneNeighbours.OfModel(model, dict), rival: RivalRule.Differs,
                deletions: variant.Deletions, distance: variant.Distance, homophones: variant.Homophones,
                classRivals: variant.Classes ? RivalWordClasses.Of(model) : null);
            var jobs = runs.Select(r => (Run: r, Fsg: check.RivalFsg(r.Heard))).Where(j => j.Fsg is not null).ToList();
            int chunks = Math.Min(parallel, Math.Max(1, jobs.Count));
            int size = (jobs.Count + chunks - 1) / chunks;
            var parts = Enumerable.Range(0, chunks).Select(c => jobs.Skip(c * size).Take(size).ToList()).ToList();
            var results = new (IReadOnlyList<string> Sentences, double Seconds)[chunks];
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallel },
                c => results[c] = recogniser.DecodeWithGrammars(parts[c].Select(j => (j.Run.Utterance.Wav, j.Fsg!)).ToList()));
            decodes += jobs.Count;
            rivals[variant] = parts.SelectMany((part, c) => part.Select((j, i) => (j.Run, Sentence: results[c].Sentences[i])))
                .ToDictionary(x => x.Run, x => x.Sentence);
        }
        return (rivals, clock.Elapsed.TotalSeconds, decodes);
    }
}

/// <summary>A rival grammar's settings: the deletion alternative, the phone distance within which a sound-alike may be a rival, and whether a homophone may.</summary>
internal readonly record struct RivalVariant(bool Deletions, int Distance, bool Homophones = true, bool Classes = false)
{
    public override string ToString() => $"{(Deletions ? "deletions" : "no deletions")}, ≤ {Distance} phone{(Distance == 1 ? "" : "s")}{(Homophones ? "" : ", no homophones")}{(Classes ? ", class rivals" : "")}";
}
