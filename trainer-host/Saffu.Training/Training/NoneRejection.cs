using Saffu.Training.Evaluation;
using Saffu.Training.Model;

namespace Saffu.Training.Training;

/// <summary>How a model with a none class rejects, as chosen on the validation split.</summary>
/// <param name="Offset">δ added to the none logit (raw logit units, before the temperature).</param>
/// <param name="Threshold">The reject threshold θ on the calibrated top probability.</param>
/// <param name="FalseRejection">Share of the in-domain validation utterances rejected at (δ, θ).</param>
/// <param name="NoneRejected">Share of the validation utterances labelled none rejected at (δ, θ); NaN without any.</param>
public sealed record NoneRejectionChoice(double Offset, double Threshold, double FalseRejection, double NoneRejected);

/// <summary>
/// Rejection of a model with a trained none class (docs/training.md, "Lights model"): an utterance is rejected when the
/// none class is on top or the top probability is below θ (docs/saffu-model.md §3). A none class that wins too often
/// rejects real commands that no θ can save, so an offset δ is added to the none logit and (δ, θ) are chosen together:
/// among the pairs that reject at most the tolerated share of in-domain validation utterances (none on top counts as
/// rejected), the one that rejects most validation utterances labelled none (ties: δ nearest 0).
/// The offset lives in O: every s-part sums to 1, so adding δ / parts to each row of O's none column adds exactly δ
/// to the none logit, and the device needs no new rule.
/// </summary>
public static class NoneRejection
{
    /// <summary>How far below an utterance's margin a candidate δ sits, so that utterance is no longer none-top (logit units).</summary>
    const double Gap = 1e-3;

    /// <param name="logits">Whole-utterance logits of the validation split (before the temperature).</param>
    /// <param name="labels">Their intent ids.</param>
    /// <param name="anchored">Per utterance, whether the model's anchor rule lets it through (null: all are); one that is
    /// not is rejected whatever δ and θ (docs/saffu-model.md §3).</param>
    public static NoneRejectionChoice Choose(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, int none, double temperature,
        double maxFalseRejection, IReadOnlyList<bool>? anchored = null)
    {
        var rows = WithoutUnanchored(logits, anchored);
        var inDomain = Enumerable.Range(0, rows.Count).Where(m => labels[m] != none).ToArray();
        var outside = Enumerable.Range(0, rows.Count).Where(m => labels[m] == none).ToArray();
        if (inDomain.Length == 0) throw new ArgumentException("No in-domain validation utterance: a rejection rule needs at least one.");
        var candidates = inDomain.Where(m => rows[m] is not null).Select(m => Margin(rows[m]!, none) - Gap).Append(0.0).Distinct().Order().ToArray();
        NoneRejectionChoice? best = null, leastRejecting = null;
        foreach (double offset in candidates)
        {
            double threshold = RejectionThreshold.Choose(inDomain.Select(m => Confidence(rows[m], none, offset, temperature)).ToArray(), maxFalseRejection);
            double falseRejection = Rejected(inDomain, rows, none, offset, temperature, threshold);
            var choice = new NoneRejectionChoice(offset, threshold, falseRejection,
                outside.Length == 0 ? double.NaN : Rejected(outside, rows, none, offset, temperature, threshold));
            if (leastRejecting is null || falseRejection < leastRejecting.FalseRejection) leastRejecting = choice;
            if (falseRejection > maxFalseRejection) continue;
            if (best is null || Better(choice, best)) best = choice;
        }
        // Only when the anchor rule alone rejects more commands than allowed: the rule that rejects the fewest.
        return best ?? leastRejecting!;
    }

    /// <summary>
    /// The rule for a model with anchor words (docs/training.md, "Lights model"): the anchor rule rejects sentences without a
    /// light word, so the none class is left the near misses that say one ("is the desk lamp on", "turn on the kitchen
    /// fan"). θ = 0 and δ is the most permissive offset that still rejects at least <paramref name="target"/> of the
    /// validation utterances labelled none (those the anchor rule rejects count). Real commands are rejected 3–5 times as
    /// often as the validation split's, whose held-out templates are close to the training ones, so a false-rejection
    /// budget on that split cannot place the rule; a share of its none sentences can.
    /// </summary>
    public static NoneRejectionChoice ChooseForNoneShare(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, int none,
        double temperature, double target, IReadOnlyList<bool> anchored)
    {
        var outside = Enumerable.Range(0, logits.Count).Where(m => labels[m] == none).ToArray();
        var inDomain = Enumerable.Range(0, logits.Count).Where(m => labels[m] != none).ToArray();
        if (inDomain.Length == 0) throw new ArgumentException("No in-domain validation utterance: a rejection rule needs at least one.");
        var margins = outside.Where(m => anchored[m]).Select(m => Margin(logits[m], none)).Order().ToArray();
        int needed = (int)Math.Ceiling(target * outside.Length - 1e-9) - (outside.Length - margins.Length);
        double offset = margins.Length == 0 ? 0
            : needed <= 0 ? margins[0] - Gap
            : margins[Math.Min(needed, margins.Length) - 1] + Gap;
        var rows = WithoutUnanchored(logits, anchored);
        return new NoneRejectionChoice(offset, 0, Rejected(inDomain, rows, none, offset, temperature, 0),
            outside.Length == 0 ? double.NaN : Rejected(outside, rows, none, offset, temperature, 0));
    }

    /// <summary>The logits, null for an utterance the anchor rule refuses (rejected whatever δ and θ).</summary>
    static IReadOnlyList<float[]?> WithoutUnanchored(IReadOnlyList<float[]> logits, IReadOnlyList<bool>? anchored) =>
        logits.Select((l, m) => anchored is null || anchored[m] ? l : null).ToList();

    /// <summary>Adds δ to the none logit of every prediction: δ / parts to each row of O's none column.</summary>
    public static void Apply(FloatModel model, double offset) => Apply(model, offset, model.NoneIntent);

    /// <summary>Adds δ to intent i's logit of every prediction: δ / parts to each row of O's column i.</summary>
    public static void Apply(FloatModel model, double offset, int intent)
    {
        SaffuConfig c = model.Config;
        float share = (float)(offset / c.Parts);
        for (int r = 0; r < c.Parts * c.LabelDim; r++) model.Weights.O[r * c.IntentCount + intent] += share;
    }

    /// <summary>Best logit other than none minus the none logit: the none class wins when δ reaches it.</summary>
    static double Margin(float[] logits, int none)
    {
        double best = double.NegativeInfinity;
        for (int i = 0; i < logits.Length; i++) if (i != none) best = Math.Max(best, logits[i]);
        return best - logits[none];
    }

    /// <summary>The calibrated top probability with δ applied; 0 when none is on top or the anchor rule refused it (null logits): always rejected.</summary>
    static double Confidence(float[]? logits, int none, double offset, double temperature)
    {
        if (logits is null) return 0;
        var shifted = (float[])logits.Clone();
        shifted[none] += (float)offset;
        int top = Softmax.ArgMax(shifted);
        return top == none ? 0 : Calibration.Softmax(shifted, temperature)[top];
    }

    static double Rejected(int[] which, IReadOnlyList<float[]?> logits, int none, double offset, double temperature, double threshold) =>
        which.Count(m => Confidence(logits[m], none, offset, temperature) is var p && (p == 0 || p < threshold)) / (double)which.Length;

    static bool Better(NoneRejectionChoice a, NoneRejectionChoice b)
    {
        if (!double.IsNaN(a.NoneRejected) && a.NoneRejected != b.NoneRejected) return a.NoneRejected > b.NoneRejected;
        return Math.Abs(a.Offset) < Math.Abs(b.Offset);
    }
}
