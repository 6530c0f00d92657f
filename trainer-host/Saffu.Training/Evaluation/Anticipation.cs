namespace Saffu.Training.Evaluation;

/// <summary>
/// Accuracy after hearing part of an utterance: for a fraction f of its T words the prefix holds
/// ⌈f·T⌉ words (at least 1), so f = 1 is the full utterance and every prefix is non-empty.
/// </summary>
public static class Anticipation
{
    /// <summary>The fractions reported (25, 50, 75 and 100% of the words).</summary>
    public static readonly IReadOnlyList<double> Fractions = [0.25, 0.5, 0.75, 1.0];

    /// <summary>⌈f·T⌉ clamped to 1..T.</summary>
    public static int PrefixLength(double fraction, int wordCount)
    {
        if (wordCount < 1) throw new ArgumentOutOfRangeException(nameof(wordCount), wordCount, "An utterance has at least one prediction.");
        return Math.Clamp((int)Math.Ceiling(fraction * wordCount), 1, wordCount);
    }

    /// <summary>Accuracy of the closed-set top at each of <see cref="Fractions"/>, over labelled utterances.</summary>
    public static IReadOnlyList<AnticipationPoint> Measure(IReadOnlyList<ScoredUtterance> test)
    {
        var points = new List<AnticipationPoint>(Fractions.Count);
        for (int f = 0; f < Fractions.Count; f++)
        {
            int correct = 0;
            foreach (var u in test) if (u.PrefixTops[f] == u.Label) correct++;
            points.Add(new AnticipationPoint(Fractions[f], test.Count == 0 ? 0 : (double)correct / test.Count));
        }
        return points;
    }
}

/// <summary>Accuracy having heard <see cref="Fraction"/> of the words.</summary>
public sealed record AnticipationPoint(double Fraction, double Accuracy);
