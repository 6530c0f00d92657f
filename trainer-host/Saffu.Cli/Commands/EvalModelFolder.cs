using Saffu.Training.Model;

namespace Saffu.Cli.Commands;

/// <summary>Loads the float model folder written by `saffu train` for evaluation.</summary>
internal static class EvalModelFolder
{
    public static IIntentScorer Load(string folder)
    {
        if (!Directory.Exists(folder))
            throw new EvalInputException($"{folder}: found no such folder; expected a model folder written by 'saffu train'.");
        // The trainer's model-folder reader has not landed yet; wire it here when it does.
        throw new EvalInputException($"{folder}: this build cannot read model folders yet (the model-folder reader of 'saffu train' is not in it).");
    }
}

/// <summary>Bad input found by `saffu eval` itself: the message names the file and what was expected (exit 1).</summary>
internal sealed class EvalInputException(string message) : Exception(message);
