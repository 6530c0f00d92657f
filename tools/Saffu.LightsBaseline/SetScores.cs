using Saffu.Training.Grammar;

namespace Saffu.LightsBaseline;

/// <summary>How many sentences of a set one system gets right: a command's top intent is its label; a sentence that must
/// not act has a top intent that is not one of the four light-acting intents.</summary>
internal static class SetScores
{
    public static bool Right(ScoredSet set, int i, string top) =>
        set.Commands ? top == set.Utterances[i].Intent : !LightIntents.Lights.Contains(top);

    /// <summary>Per set: the right count; <paramref name="tops"/> holds every set's sentences in order.</summary>
    public static int[] RightCounts(IReadOnlyList<ScoredSet> sets, IReadOnlyList<string> tops)
    {
        var counts = new int[sets.Count];
        int k = 0;
        for (int s = 0; s < sets.Count; s++)
            for (int i = 0; i < sets[s].Utterances.Count; i++, k++)
                if (Right(sets[s], i, tops[k])) counts[s]++;
        return counts;
    }
}
