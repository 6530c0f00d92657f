using Saffu.Training.Model;

namespace Saffu.Cli.Commands;

/// <summary>
/// What `saffu eval` evaluates: the scorer whose numbers are reported and, optionally, a reference
/// scorer it is compared with (`agreement`, `max_probability_error`).
/// </summary>
/// <param name="Scorer">The evaluated model; its stored temperature and threshold are used.</param>
/// <param name="Reference">A model to compare with, or null.</param>
/// <param name="Description">The path as given, for the report's `model` key.</param>
internal sealed record EvalSubject(IIntentScorer Scorer, IIntentScorer? Reference, string Description);

/// <summary>
/// Turns the command's model options into an <see cref="EvalSubject"/>. Today: `--model MODEL_DIR`,
/// the float model. The seam for `--blob FILE` (issue 6): add a source that loads the blob into the
/// runtime behind an <see cref="IIntentScorer"/> (logits Q16 / 65536, Temperature 1 because the
/// exporter divides T into O, the blob's threshold and none class; plus
/// <see cref="Saffu.Training.Evaluation.ISlotPredictor"/> for `slot_exact_match`), and, when
/// `--model` is given as well, the float model as its Reference for `agreement`.
/// </summary>
internal interface IEvalSource
{
    /// <summary>Loads the models; a bad file is an exception with a message naming it (exit 1).</summary>
    EvalSubject Load();
}

/// <summary>`--model MODEL_DIR`: the float model folder written by `saffu train`.</summary>
internal sealed class ModelFolderSource(string folder, Func<string, IIntentScorer> loadModel) : IEvalSource
{
    public EvalSubject Load() => new(loadModel(folder), null, folder);
}
