using Saffu.Training.Speech;

namespace Saffu.Speech;

/// <summary>An utterance as recognised with one language model (transcript and word posteriors), and the recogniser's wall seconds spent on it (its share of the run).</summary>
internal sealed record Recognised(Utterance Utterance, string Lm, Recognition Heard, double Seconds)
{
    public string Text => Heard.Text;
}

internal static class RecognitionRuns
{
    /// <summary>Recognises in <paramref name="parallel"/> recogniser processes at most (contiguous chunks).</summary>
    public static List<Recognised> Run(PocketSphinx recogniser, string lm, IReadOnlyList<Utterance> utterances, int parallel)
    {
        int chunks = Math.Min(parallel, Math.Max(1, utterances.Count));
        int size = (utterances.Count + chunks - 1) / chunks;
        var parts = Enumerable.Range(0, chunks).Select(c => utterances.Skip(c * size).Take(size).ToList()).ToList();
        var results = new List<Recognised>[chunks];
        Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = parallel }, c =>
        {
            var (texts, seconds) = recogniser.Recognise(parts[c].Select(u => u.Wav).ToList());
            double audio = parts[c].Sum(u => u.Seconds);
            results[c] = parts[c].Select((u, i) => new Recognised(u, lm, texts[i], seconds * u.Seconds / audio)).ToList();
        });
        return results.SelectMany(r => r).ToList();
    }
}
