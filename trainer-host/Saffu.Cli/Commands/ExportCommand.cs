using System.CommandLine;
using System.Globalization;
using Saffu.Training.Export;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu export --model MODEL_DIR --out FILE.blob [--bits-w 8|16 …] [--per-column true|false] [--early-threshold X|off]
/// [--early-min-words N] [--quiet]`: quantizes a model folder to blob v1 (docs/cli.md, docs/quantization.md).
/// </summary>
public static class ExportCommand
{
    static readonly ExportOptions D = ExportOptions.Default;

    internal static Option<int> BitsOption(string name, string what, int value)
    {
        var option = new Option<int>(name)
        {
            Description = $"Element bits of {what}: 8 or 16. Default: {value}.",
            DefaultValueFactory = _ => value,
            HelpName = "8|16",
        };
        option.AcceptOnlyFromAmong("8", "16");
        return option;
    }

    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "The model folder written by 'saffu train' (its home.yaml, when present, becomes the action map).", HelpName = "MODEL_DIR", Required = true };
        var output = new Option<string>("--out") { Description = "The blob file to write (atomically: temporary file + rename; folders created).", HelpName = "FILE.blob", Required = true };
        var bitsW = BitsOption("--bits-w", "the attention matrices W_B, W_R", D.Bits.W);
        var bitsU = BitsOption("--bits-u", "the context matrices U_B, U_R, U_D", D.Bits.U);
        var bitsO = BitsOption("--bits-o", "the intent head O", D.Bits.O);
        var bitsTagU = BitsOption("--bits-tag-u", "the tag head's units U_Tj", D.Bits.TagU);
        var bitsTagO = BitsOption("--bits-tag-o", "the tag head's output O_tag", D.Bits.TagO);
        var bitsVectors = BitsOption("--bits-vectors", "the co-occurrence word vectors' weights (a model trained with --cooccurrence)", D.VectorBits);
        var perColumn = new Option<bool>("--per-column")
        {
            Description = $"One scale per column (true) or one per tensor (false). Default: {(D.PerColumn ? "true" : "false")}.",
            DefaultValueFactory = _ => D.PerColumn,
        };
        var early = new Option<string>("--early-threshold")
        {
            Description = $"Confidence (0..1) at which the device records an early decision, or 'off'. Default: {Show(D.EarlyThreshold!.Value)}.",
            DefaultValueFactory = _ => Show(D.EarlyThreshold!.Value),
            HelpName = "X|off",
        };
        early.Validators.Add(result =>
        {
            string text = result.GetValueOrDefault<string>() ?? "";
            if (ParseEarly(text, out _) is null)
                result.AddError($"The early threshold \"{text}\" is invalid. Available options are: a probability 0..1, or off.");
        });
        var minWords = new Option<int>("--early-min-words")
        {
            Description = $"Words (not counting <sod>) before an early decision may fire, 1..255. Default: {D.EarlyMinWords}.",
            DefaultValueFactory = _ => D.EarlyMinWords,
            HelpName = "N",
        };
        minWords.Validators.Add(result =>
        {
            int n = result.GetValueOrDefault<int>();
            if (n is < 1 or > 255) result.AddError($"--early-min-words {n} is invalid; expected 1..255.");
        });
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing on stderr. Default: false." };

        var command = new Command("export",
            "Quantize a trained model folder to a model blob (docs/model-blob.md) for the device and the simulator, with the "
            + "action map when the folder holds home.yaml; prints the blob's size by section.");
        foreach (Option o in new Option[] { model, output, bitsW, bitsU, bitsO, bitsTagU, bitsTagO, bitsVectors, perColumn, early, minWords, quiet })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            ParseEarly(parse.GetValue(early)!, out double? threshold);
            var options = new ExportOptions
            {
                Bits = new TensorBits(parse.GetValue(bitsW), parse.GetValue(bitsU), parse.GetValue(bitsO), parse.GetValue(bitsTagU), parse.GetValue(bitsTagO)),
                VectorBits = parse.GetValue(bitsVectors),
                PerColumn = parse.GetValue(perColumn),
                EarlyThreshold = threshold,
                EarlyMinWords = parse.GetValue(minWords),
                CreatedUnixSeconds = ModelFolderExport.CreatedUnixSeconds(),
            };
            return new ExportRun(parse.GetValue(model)!, parse.GetValue(output)!, options, parse.GetValue(quiet),
                parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).Execute();
        });
        return command;
    }

    static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>"off" → (ok, null); a number in 0..1 → (ok, value); anything else → null.</summary>
    static bool? ParseEarly(string text, out double? threshold)
    {
        threshold = null;
        if (string.Equals(text, "off", StringComparison.OrdinalIgnoreCase)) return true;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v is >= 0 and <= 1)
        {
            threshold = v;
            return true;
        }
        return null;
    }
}
