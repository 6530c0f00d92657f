using System.CommandLine;
using Saffu.Training.Model;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu eval (--model MODEL_DIR | --blob FILE [--model MODEL_DIR]) --test DATA [--ood DATA] [--json FILE] [--plots DIR] [--quiet]`:
/// evaluates a trained model folder, or a blob through the device runtime (compared with the float model when both are
/// given), (docs/cli.md, `## saffu eval`) through <see cref="Saffu.Training.Evaluation.Evaluator"/>.
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
        command.Validators.Add(result =>
        {
            if (result.GetValue(options.Model) is null && result.GetValue(options.Blob) is null)
                result.AddError("Option '--model' or '--blob' is required: the model folder to evaluate, or a blob (with --model as its reference).");
        });
        command.Validators.Add(result =>
        {
            if (result.GetValue(options.NearMiss) is not null && result.GetValue(options.Blob) is null)
                result.AddError("Option '--near-miss' needs '--blob': the near misses run through the device's action planner.");
        });
        command.SetAction(parse =>
        {
            string? model = parse.GetValue(options.Model), blob = parse.GetValue(options.Blob);
            IEvalSource source = blob is null ? new ModelFolderSource(model!, loadModel) : new BlobSource(blob, model, loadModel);
            return new EvalRun(options.Read(parse), source, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).Execute();
        });
        return command;
    }
}
