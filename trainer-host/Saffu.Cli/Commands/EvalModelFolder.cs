using Saffu.Training.Model;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>Loads the float model folder written by `saffu train` for evaluation.</summary>
internal static class EvalModelFolder
{
    /// <exception cref="ModelFolderException">A missing, corrupt or inconsistent model folder (exit 1).</exception>
    public static IIntentScorer Load(string folder) => ModelFolder.Load(folder).Model;
}

/// <summary>Bad input found by `saffu eval` itself: the message names the file and what was expected (exit 1).</summary>
internal sealed class EvalInputException(string message) : Exception(message);
