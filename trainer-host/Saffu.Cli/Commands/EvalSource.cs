using Saffu.Training.Export;
using Saffu.Training.Model;
using Saffu.Training.Simulation;

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
/// Turns the command's model options into an <see cref="EvalSubject"/>: `--model MODEL_DIR`, the float
/// model; or `--blob FILE`, the blob in the device runtime behind a <see cref="BlobScorer"/> (logits
/// Q16 / 65536, temperature 1 because the exporter divided T into O, the blob's threshold and none
/// class, canonical slots for `slot_exact_match`), with the `--model` float model, when given, as its
/// reference for `agreement`.
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

/// <summary>`--blob FILE [--model MODEL_DIR]`: the blob through the device runtime, the float model as its reference.</summary>
internal sealed class BlobSource(string blob, string? referenceFolder, Func<string, IIntentScorer> loadModel) : IEvalSource
{
    public EvalSubject Load()
    {
        BlobScorer scorer;
        try
        {
            scorer = new BlobScorer(SimulatedModel.LoadFile(blob));
        }
        catch (Exception e) when (e is BlobFileException or BlobLoadException)
        {
            throw new EvalInputException(e.Message);
        }
        IIntentScorer? reference = referenceFolder is null ? null : loadModel(referenceFolder);
        return new EvalSubject(scorer, reference, blob);
    }
}
