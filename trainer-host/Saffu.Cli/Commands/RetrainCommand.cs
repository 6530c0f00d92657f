using System.CommandLine;
using System.Globalization;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu retrain --model MODEL_DIR --corrections FILE --out MODEL_DIR [--weight W] [--blob FILE] [--test DATA…] [--max-drop X]
/// [--force] [--port PORT] [--quiet]`: the corrections added to the stored statistics, re-solved, re-calibrated, checked
/// against the old model, written (docs/cli.md, docs/retraining.md).
/// </summary>
public static class RetrainCommand
{
    public const double DefaultWeight = 10;
    public const double DefaultMaxDrop = 0.5;

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model folder to retrain (written by 'saffu train' or 'saffu retrain').", HelpName = "MODEL_DIR", Required = true };
        var corrections = new Option<string>("--corrections") { Description = "The corrections file (docs/corrections.md), e.g. written by 'saffu review'.", HelpName = "FILE", Required = true };
        var output = new Option<string>("--out") { Description = "The new model folder (created; must not be --model).", HelpName = "MODEL_DIR", Required = true };
        var weight = new Option<double>("--weight")
        {
            Description = $"Weight of every correction's examples (a training sentence weighs 1), > 0. Default: {DefaultWeight.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => DefaultWeight,
            HelpName = "W",
        };
        weight.Validators.Add(r =>
        {
            double w = r.GetValueOrDefault<double>();
            if (!(w > 0) || !double.IsFinite(w)) r.AddError($"The weight {w.ToString(CultureInfo.InvariantCulture)} is invalid; expected a number > 0.");
        });
        var blob = new Option<string?>("--blob") { Description = "Also export the new model's blob here (the default export options but --bits-u; atomically).", HelpName = "FILE.blob" };
        var test = new Option<string[]>("--test")
        {
            Description = "Labelled sets the guard also evaluates (any data format; sentences labelled <none> are near misses). Repeatable.",
            HelpName = "DATA",
            AllowMultipleArgumentsPerToken = true,
        };
        var maxDrop = new Option<double>("--max-drop")
        {
            Description = $"Refuse when a set's accuracy falls by more than this many points, >= 0. Default: {DefaultMaxDrop.ToString(CultureInfo.InvariantCulture)}.",
            DefaultValueFactory = _ => DefaultMaxDrop,
            HelpName = "X",
        };
        maxDrop.Validators.Add(r =>
        {
            double x = r.GetValueOrDefault<double>();
            if (!(x >= 0) || !double.IsFinite(x)) r.AddError($"The --max-drop {x.ToString(CultureInfo.InvariantCulture)} is invalid; expected points >= 0.");
        });
        var update = new Option<string>("--update")
        {
            Description = "How the weights change: resolve (closed-form re-solve from the statistics), replay (fine-tune only the new words' rows on the corrections and a replay labelled by the parent), auto (replay for a fine-tuned model, else resolve). Default: auto.",
            DefaultValueFactory = _ => "auto",
            HelpName = "auto|resolve|replay",
        };
        update.AcceptOnlyFromAmong("auto", "resolve", "replay");
        var force = new Option<bool>("--force") { Description = "Write the new model even when the guard refuses it. Default: false." };
        var port = new Option<string?>("--port") { Description = "Upload the new blob to this device and activate it (a serial port, or sim:DIR for the simulator).", HelpName = "PORT" };
        var bitsU = ExportCommand.BitsOption("--bits-u", "the context matrices U_B, U_R, U_D of both blobs (the parent's, for its content hash and the guard, and the new one); as the parent was exported (tools/main-job: 8)",
            Saffu.Training.Export.ExportOptions.Default.Bits.U);
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary, the refusals and the files written. Default: false." };
        var command = new Command("retrain",
            "Retrain a model from corrections without its corpus: add the corrections to the stored sufficient statistics, grow new "
            + "words, intents and aliases, re-solve U and O, re-calibrate, check old against new on the held-out set and --test sets, "
            + "and write a new model folder (and blob) with its lineage.");
        foreach (Option o in new Option[] { model, corrections, output, weight, update, blob, bitsU, test, maxDrop, force, port, quiet }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var settings = new RetrainSettings(parse.GetValue(model)!, parse.GetValue(corrections)!, parse.GetValue(output)!, parse.GetValue(weight),
                parse.GetValue(blob), parse.GetValue(test) ?? [], parse.GetValue(maxDrop), parse.GetValue(force), parse.GetValue(port), parse.GetValue(quiet),
                Enum.Parse<Saffu.Training.Retraining.RetrainUpdate>(parse.GetValue(update)!, ignoreCase: true), parse.GetValue(bitsU));
            return new RetrainRun(settings, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).Execute();
        });
        return command;
    }
}

internal sealed record RetrainSettings(string Model, string Corrections, string Out, double Weight, string? Blob, string[] Tests, double MaxDrop,
    bool Force, string? Port, bool Quiet, Saffu.Training.Retraining.RetrainUpdate Update = Saffu.Training.Retraining.RetrainUpdate.Auto, int BitsU = 16);
