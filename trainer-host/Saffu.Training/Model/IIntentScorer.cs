namespace Saffu.Training.Model;

/// <summary>
/// What evaluation needs from a model, float or quantized: intent logits after every word of an
/// utterance, and the calibration and rejection settings stored with it.
/// </summary>
public interface IIntentScorer
{
    /// <summary>Intent names, index = intent id.</summary>
    IReadOnlyList<string> Intents { get; }

    /// <summary>Index of the trained not-understood class (`&lt;none&gt;`), or -1.</summary>
    int NoneIntent { get; }

    /// <summary>Calibrated probabilities are softmax(logits / Temperature).</summary>
    double Temperature { get; }

    /// <summary>An utterance is understood when its calibrated top probability is at least this (and it is not NoneIntent).</summary>
    double RejectThreshold { get; }

    /// <summary>
    /// Intent logits (before the temperature) after each word of the tokenized text: result[k] is
    /// the prediction having heard words 1..k+1 (a prepended &lt;sod&gt; is not reported). An empty
    /// text gives one row: the prediction from &lt;sod&gt; alone (or a uniform row without it).
    /// </summary>
    float[][] PrefixLogits(string text);

    /// <summary>False when the model has an anchor rule and the text says none of its anchor words (then it is not understood).</summary>
    bool IsAnchored(string text) => true;
}
