using System.CommandLine;
using Saffu.Training.Model;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu eval --model MODEL_DIR --test DATA [--ood DATA] [--json FILE] [--plots DIR] [--quiet]`:
/// evaluates a trained model (docs/cli.md, `## saffu eval`) through <see cref="Saffu.Training.Evaluation.Evaluator"/>.
/// </summary>
public static class EvalCommand
{
    public static Command Create() => Create(EvalModelFolder.Load);

    /// <summary>The command with another model-folder loader (tests evaluate fake scorers through it).</summary>
    public static Command Create(Func<string, IIntentScorer> loadModel)
    {
        var options = new EvalOptions();
        var command = new Command("eval",
            "Evaluate a trained model on labelled transcripts: accuracy, macro-F1, per-intent table, confusion matrix, "
            + "calibration (ECE, reliability diagram), anticipation and out-of-domain rejection.");
        foreach (var option in options.All) command.Options.Add(option);
        command.SetAction(parse => new EvalRun(options.Read(parse), new ModelFolderSource(parse.GetValue(options.Model)!, loadModel),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).Execute());
        return command;
    }
}
