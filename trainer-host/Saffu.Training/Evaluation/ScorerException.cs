namespace Saffu.Training.Evaluation;

/// <summary>
/// A model that cannot be evaluated: settings out of range (temperature, threshold, none class),
/// logits of the wrong shape or not finite, or a reference model with other intents. The message
/// says what was found and what was expected.
/// </summary>
public sealed class ScorerException(string message) : Exception(message);
