using Saffu.Training.Corpus;

namespace Saffu.Training.Evaluation;

/// <summary>
/// Slot exact match: the share of test utterances whose predicted slots equal the labelled ones
/// exactly (same names, same values, ordinal comparison; an utterance labelled without slots must
/// get none). Defined only when the scorer predicts slots and at least one test utterance has slots.
/// </summary>
public static class SlotMatch
{
    /// <summary>The share, or null when it is not defined.</summary>
    public static double? ExactMatch(IReadOnlyList<Utterance> test, IReadOnlyList<ScoredUtterance> scored)
    {
        if (test.Count != scored.Count) throw new ArgumentException($"{test.Count} utterances but {scored.Count} scores.", nameof(scored));
        if (test.Count == 0 || scored.Any(s => s.Slots is null) || test.All(u => u.Slots.Count == 0)) return null;
        int exact = 0;
        for (int m = 0; m < test.Count; m++) if (Same(test[m].Slots, scored[m].Slots!)) exact++;
        return (double)exact / test.Count;
    }

    public static bool Same(IReadOnlyDictionary<string, string> expected, IReadOnlyDictionary<string, string> actual)
    {
        if (expected.Count != actual.Count) return false;
        foreach (var (name, value) in expected)
            if (!actual.TryGetValue(name, out string? other) || !string.Equals(value, other, StringComparison.Ordinal)) return false;
        return true;
    }
}
