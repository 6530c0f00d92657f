namespace Saffu.Training.Evaluation;

/// <summary>
/// What a model made of one utterance: everything the metrics need, so that scoring (through a
/// float model, or later a quantized runtime) and reporting are separate steps.
/// </summary>
/// <param name="Label">The intent id of the true label; −1 for an out-of-domain utterance.</param>
/// <param name="WordCount">T ≥ 1: the number of prefix predictions the scorer made (its words).</param>
/// <param name="PrefixTops">The closed-set top intent after ⌈f·T⌉ words, for each f of
/// <see cref="Anticipation.Fractions"/> (the last is the full utterance).</param>
/// <param name="Probabilities">Calibrated probabilities softmax(logits / T) over all intents, full utterance.</param>
/// <param name="Top">The decision's top intent: argmax over all intents, the none class included (ties: lowest id).</param>
/// <param name="ClosedTop">The closed-set top: argmax over the intents other than the none class.</param>
/// <param name="Slots">Predicted slots, or null when the scorer predicts none.</param>
/// <param name="Anchored">False when the model's anchor rule refuses the text (none of its anchor words said).</param>
/// <param name="NonActing">True when the top intent is one that never switches a light (HassGetState, HassNevermind,
/// other:DOMAIN: docs/grammar.md §1): for rejection it counts as not acted on.</param>
public sealed record ScoredUtterance(
    int Label, int WordCount, int[] PrefixTops, double[] Probabilities, int Top, int ClosedTop,
    IReadOnlyDictionary<string, string>? Slots, bool Anchored = true, bool NonActing = false)
{
    /// <summary>The decision's confidence: the calibrated probability of <see cref="Top"/>.</summary>
    public double Confidence => Probabilities[Top];

    /// <summary>The calibrated probability of <see cref="ClosedTop"/> (what the reliability diagram bins).</summary>
    public double ClosedConfidence => Probabilities[ClosedTop];

    /// <summary>docs/saffu-model.md §3: not understood when no anchor word was said, the top is the none class or the confidence is
    /// below the threshold; and not acted on when the top never acts (<see cref="NonActing"/>).</summary>
    public bool IsRejected(double threshold, int noneIntent) => !Anchored || Top == noneIntent || NonActing || Confidence < threshold;
}
