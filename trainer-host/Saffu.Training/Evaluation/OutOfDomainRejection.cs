namespace Saffu.Training.Evaluation;

/// <summary>
/// Rejection by the decision rule of docs/saffu-model.md §3 (not understood when no anchor word was
/// said, the top intent is the none class or the calibrated confidence is below the threshold), measured on in-domain
/// (`--test`) and out-of-domain (`--ood`) utterances.
/// </summary>
public static class OutOfDomainRejection
{
    /// <summary>The false-rejection budget of the oracle threshold (and of the threshold the trainer stores).</summary>
    public const double OracleMaxFalseRejection = 0.02;

    /// <summary>Share of <paramref name="utterances"/> rejected at <paramref name="threshold"/> (0 when empty).</summary>
    public static double Share(IReadOnlyList<ScoredUtterance> utterances, double threshold, int noneIntent)
    {
        if (utterances.Count == 0) return 0;
        int rejected = 0;
        foreach (var u in utterances) if (u.IsRejected(threshold, noneIntent)) rejected++;
        return (double)rejected / utterances.Count;
    }

    /// <summary>
    /// The oracle: the largest threshold with at most <paramref name="maxFalseRejection"/> of the
    /// in-domain utterances rejected, chosen on those same utterances (so optimistic), and what it
    /// rejects. An utterance whose top is the none class (or that says no anchor word) counts as confidence 0: rejected at any
    /// threshold above 0, and always rejected by the rule, so the budget may be exceeded when the
    /// none class alone rejects more than it allows.
    /// </summary>
    public static OracleRejection Oracle(IReadOnlyList<ScoredUtterance> test, IReadOnlyList<ScoredUtterance>? ood, int noneIntent,
        double maxFalseRejection = OracleMaxFalseRejection)
    {
        var scores = new double[test.Count];
        for (int m = 0; m < test.Count; m++) scores[m] = test[m].Top == noneIntent || !test[m].Anchored || test[m].NonActing ? 0 : test[m].Confidence;
        double threshold = RejectionThreshold.Choose(scores, maxFalseRejection);
        return new OracleRejection(maxFalseRejection, threshold, Share(test, threshold, noneIntent),
            ood is null ? null : Share(ood, threshold, noneIntent));
    }
}

/// <summary>
/// An oracle number, for information only: the threshold chosen on the test set itself for at most
/// <see cref="MaxFalseRejection"/> false rejection, and the rejection shares it gives there.
/// </summary>
public sealed record OracleRejection(double MaxFalseRejection, double Threshold, double FalseRejection, double? OodRejection);
