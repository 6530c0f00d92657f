using System.CommandLine;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu train (--train DATA | --home HOME_FILE [--extra FILE]) [--valid DATA] --out MODEL_DIR [knobs…]`: the explicit
/// SAFFU solution, optional fine-tuning and calibration, written as a model folder (docs/cli.md, docs/model-dir.md).
/// </summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var args = new TrainArguments();
        var command = new Command("train",
            "Train a SAFFU intent model: closed-form (explicit) solution of every layer, then Adam fine-tuning with early "
            + "stopping and calibration on the validation split. With --home, the lights model for that home from the built-in "
            + "command grammar. Writes a model folder (docs/model-dir.md).");
        foreach (var option in args.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var settings = new TrainSettings(parse.GetValue(args.Train), parse.GetValue(args.Home), parse.GetValue(args.Extra),
                parse.GetValue(args.Valid), parse.GetValue(args.Out)!, parse.GetValue(args.SkipBadLines), parse.GetValue(args.Quiet))
            {
                Phrasings = parse.GetValue(args.Phrasings), PhrasingsRepeat = parse.GetValue(args.PhrasingsRepeat),
                ExtraWords = parse.GetValue(args.ExtraWords), ExtraRepeat = parse.GetValue(args.ExtraRepeat),
            };
            var defaults = settings.Home is null ? new TrainOptions() : TrainOptions.Lights;
            return new TrainRun(settings, args.Options(parse, defaults), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).Execute();
        });
        return command;
    }
}
