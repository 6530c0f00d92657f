namespace Saffu.Training.Speech;

/// <summary>
/// Decision consensus over the recogniser's N-best list (docs/voice.md §9): each hypothesis gets a share of the
/// posterior mass from its path score, p(h) ∝ exp((score(h) − best) / <c>scale</c>), and the <em>agreement</em> is the
/// mass of the hypotheses on which the model takes the same decision as on the transcript (same intent, same slots:
/// the same lights set the same way). A transcript whose decision would drive a light is acted on only when the
/// agreement reaches the threshold: "switch off the hall light" heard with "switch on the hall light" close behind
/// in the N-best list is refused, while "turn on the hall light" / "turn on the hall lights" / "uh turn on the hall
/// light" all agree. Pure arithmetic over given decisions; <see cref="HearingCheck"/> supplies them from the model.
/// </summary>
public static class DecisionConsensus
{
    /// <summary>One N-best hypothesis as the rule sees it: its path score and whether its decision agrees with the transcript's.</summary>
    public readonly record struct Vote(long Score, bool Agrees);

    /// <summary>
    /// The share of the N-best list's posterior mass that agrees (0..1); 1 when every hypothesis agrees, 0 when
    /// there are none. <paramref name="scale"/> (pocketsphinx score units per factor e of probability, &gt; 0) flattens
    /// the distribution as it grows; <see cref="double.PositiveInfinity"/> counts every hypothesis alike.
    /// </summary>
    public static double Agreement(IReadOnlyList<Vote> votes, double scale)
    {
        if (votes.Count == 0) return 0;
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "expected a positive score scale");
        long best = long.MinValue;
        foreach (Vote v in votes) best = Math.Max(best, v.Score);
        double all = 0, agreeing = 0;
        foreach (Vote v in votes)
        {
            double mass = double.IsPositiveInfinity(scale) ? 1 : Math.Exp((v.Score - best) / scale);
            all += mass;
            if (v.Agrees) agreeing += mass;
        }
        return agreeing / all;
    }
}
