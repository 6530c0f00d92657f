namespace Saffu.Training.Speech;

/// <summary>
/// Decision consensus over the recogniser's N-best list (docs/voice.md §9): each hypothesis gets a share of the
/// posterior mass from its path score, p(h) ∝ exp((score(h) − best) / <c>scale</c>), and the <em>agreement</em> is the
/// share of that mass, among the hypotheses that would drive a light, on which the model takes the same decision as on
/// the transcript (same intent, same slots: the same lights set the same way). The transcript itself counts as one
/// agreeing hypothesis at the list's best score (pocketsphinx's N-best search scores paths differently from the pass
/// that chose the transcript, which is often not first in the list); hypotheses on which the model drives nothing
/// ("please turn on the hell light": no such light) are left out — they are not a competing action. A transcript whose
/// decision would drive a light is acted on only when the agreement reaches the threshold: "switch off the hall
/// light" with "switch on the hall light" close behind is refused, while "turn on the hall light" / "uh turn on the
/// hall light" agree. Pure arithmetic over given decisions; <see cref="HearingCheck"/> supplies them from the model.
/// </summary>
public static class DecisionConsensus
{
    /// <summary>What the model does on one hypothesis, compared with the transcript's decision.</summary>
    public enum Verdict { Agrees, Differs, DrivesNothing }

    /// <summary>One N-best hypothesis as the rule sees it: its path score and the model's verdict on it.</summary>
    public readonly record struct Vote(long Score, Verdict Verdict);

    /// <summary>
    /// The agreeing share (0..1) of the driving hypotheses' mass, the transcript counted as an agreeing vote at the
    /// best score: 1 when no hypothesis drives another action. <paramref name="scale"/> (pocketsphinx score units per
    /// factor e of probability, &gt; 0) flattens the distribution as it grows; <see cref="double.PositiveInfinity"/>
    /// counts every hypothesis alike.
    /// </summary>
    public static double Agreement(IReadOnlyList<Vote> votes, double scale)
    {
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "expected a positive score scale");
        if (votes.Count == 0) return 1;
        long best = long.MinValue;
        foreach (Vote v in votes) best = Math.Max(best, v.Score);
        double all = 1, agreeing = 1;
        foreach (Vote v in votes)
        {
            if (v.Verdict == Verdict.DrivesNothing) continue;
            double mass = double.IsPositiveInfinity(scale) ? 1 : Math.Exp((v.Score - best) / scale);
            all += mass;
            if (v.Verdict == Verdict.Agrees) agreeing += mass;
        }
        return agreeing / all;
    }
}
