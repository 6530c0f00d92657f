namespace Saffu.Training.Evaluation;

/// <summary>
/// Optional capability of an <see cref="Model.IIntentScorer"/>: the slots it reads from a
/// transcript (docs/saffu-model.md §3). When the scorer has it and the test data carries slots,
/// the evaluator reports `slot_exact_match`.
/// </summary>
public interface ISlotPredictor
{
    /// <summary>Slot values by name (`name`, `area`, `color`; `brightness` as invariant digits), as <see cref="Corpus.Utterance.Slots"/> holds them.</summary>
    IReadOnlyDictionary<string, string> PredictSlots(string text);
}
