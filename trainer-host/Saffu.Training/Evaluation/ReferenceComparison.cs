namespace Saffu.Training.Evaluation;

/// <summary>
/// Compares a scorer with a reference scorer on the same utterances (the quantized runtime against
/// the float model it was exported from): how often the decision's top intent is the same, and the
/// largest difference of any calibrated probability.
/// </summary>
public static class ReferenceComparison
{
    /// <summary>Agreement (share of equal <see cref="ScoredUtterance.Top"/>) and the largest |p − p_ref|.</summary>
    public static (double Agreement, double MaxProbabilityError) Measure(IReadOnlyList<ScoredUtterance> scored, IReadOnlyList<ScoredUtterance> reference)
    {
        if (scored.Count != reference.Count)
            throw new ArgumentException($"{scored.Count} scored utterances but {reference.Count} reference ones.", nameof(reference));
        if (scored.Count == 0) return (0, 0);
        int same = 0;
        double maxError = 0;
        for (int m = 0; m < scored.Count; m++)
        {
            if (scored[m].Top == reference[m].Top) same++;
            double[] p = scored[m].Probabilities, q = reference[m].Probabilities;
            for (int i = 0; i < p.Length; i++) maxError = Math.Max(maxError, Math.Abs(p[i] - q[i]));
        }
        return ((double)same / scored.Count, maxError);
    }
}
