namespace Saffu.Training.Evaluation;

/// <summary>
/// Chooses the confidence threshold for out-of-domain rejection from in-domain data. An utterance
/// is rejected when its confidence is strictly below the threshold (docs/saffu-model.md §3:
/// understood = confidence ≥ rejectThreshold), so the threshold is one of the observed confidences.
/// </summary>
public static class RejectionThreshold
{
    /// <summary>
    /// The largest threshold θ in [0, 1] such that the share of <paramref name="confidences"/>
    /// strictly below θ is at most <paramref name="maxFalseRejection"/>.
    /// </summary>
    /// <remarks>
    /// Let n be the count and k the largest integer with k / n ≤ maxFalseRejection (computed in
    /// double, as the share is). With the confidences sorted ascending c(0) ≤ … ≤ c(n−1), θ = c(k)
    /// when k &lt; n: exactly the values below c(k) are rejected, at most k of them, and any larger θ
    /// rejects c(k) too. Ties at c(k) are all kept, so with ties fewer than k may be rejected (all
    /// equal confidences → nothing is rejected). When k = n (maxFalseRejection = 1) every θ
    /// qualifies and the result is 1. maxFalseRejection = 0 gives the smallest confidence.
    /// </remarks>
    /// <param name="confidences">In-domain confidences (calibrated probabilities), each in [0, 1].</param>
    /// <param name="maxFalseRejection">The largest tolerated share of in-domain rejections, in [0, 1].</param>
    /// <exception cref="ArgumentException">No confidences (the share is undefined), a confidence
    /// outside [0, 1] or NaN, or maxFalseRejection outside [0, 1].</exception>
    public static double Choose(IReadOnlyList<double> confidences, double maxFalseRejection)
    {
        ArgumentNullException.ThrowIfNull(confidences);
        if (!(maxFalseRejection >= 0 && maxFalseRejection <= 1))
            throw new ArgumentOutOfRangeException(nameof(maxFalseRejection), maxFalseRejection, "The tolerated false-rejection share must be in [0, 1].");
        if (confidences.Count == 0)
            throw new ArgumentException("No in-domain confidences: a rejection threshold needs at least one in-domain utterance.", nameof(confidences));
        var sorted = new double[confidences.Count];
        for (int i = 0; i < sorted.Length; i++)
        {
            double c = confidences[i];
            if (!(c >= 0 && c <= 1))
                throw new ArgumentException($"Confidence {i} is {c}; expected a probability in [0, 1].", nameof(confidences));
            sorted[i] = c;
        }
        Array.Sort(sorted);
        int k = AllowedRejections(sorted.Length, maxFalseRejection);
        return k >= sorted.Length ? 1.0 : sorted[k];
    }

    /// <summary>Share of <paramref name="confidences"/> strictly below <paramref name="threshold"/> (0 when empty).</summary>
    public static double ShareBelow(IReadOnlyList<double> confidences, double threshold)
    {
        if (confidences.Count == 0) return 0;
        int below = 0;
        foreach (double c in confidences) if (c < threshold) below++;
        return (double)below / confidences.Count;
    }

    // Largest k in 0..n with k / n ≤ share, evaluated exactly as the share is later computed.
    private static int AllowedRejections(int n, double share)
    {
        int k = (int)Math.Floor(share * n);
        while (k < n && (double)(k + 1) / n <= share) k++;
        while (k > 0 && (double)k / n > share) k--;
        return k;
    }
}
