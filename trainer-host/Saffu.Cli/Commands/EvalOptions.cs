using System.CommandLine;

namespace Saffu.Cli.Commands;

/// <summary>The options of `saffu eval`, with the help text docs/cli.md repeats.</summary>
internal sealed class EvalOptions
{
    public readonly Option<string?> Model = new("--model")
    {
        Description = "The model folder written by 'saffu train'. Its stored temperature and rejection threshold are used. "
            + "With --blob: the float reference the blob is compared with (agreement, max_probability_error). "
            + "Required unless --blob is given.",
        HelpName = "MODEL_DIR",
    };

    public readonly Option<string?> Blob = new("--blob")
    {
        Description = "A model blob written by 'saffu export': evaluated through the device runtime on this machine, with the blob's "
            + "stored threshold and none class. Default: none (the --model folder is evaluated).",
        HelpName = "FILE",
    };

    public readonly Option<string> Test = new("--test")
    {
        Description = "Labelled in-domain transcripts: a folder with seq.in and label, a .jsonl or a .csv file. "
            + "Every label must be one of the model's intents.",
        HelpName = "DATA",
        Required = true,
    };

    public readonly Option<string?> Ood = new("--ood")
    {
        Description = "Out-of-domain transcripts (any of the three formats; labels ignored) for ood_rejection. Default: none (ood_rejection is null).",
        HelpName = "DATA",
    };

    public readonly Option<string?> NearMiss = new("--near-miss")
    {
        Description = "With --blob: sentences that must not switch a light (JSONL with optional \"category\"; state questions labelled "
            + "HassGetState with their name or area), run through the device's planner: not_acted overall and per category, "
            + "state questions answered with the right target. Default: none.",
        HelpName = "DATA",
    };

    public readonly Option<string?> Json = new("--json")
    {
        Description = "Write the report as JSON to this file (written atomically). Default: no JSON.",
        HelpName = "FILE",
    };

    public readonly Option<string?> Plots = new("--plots")
    {
        Description = "Write confusion.png, reliability.png and anticipation.png into this folder (created if missing). "
            + "Default: next to --json FILE as FILE-stem.confusion.png etc.; no PNGs without --json or --plots.",
        HelpName = "DIR",
    };

    public readonly Option<bool> Quiet = new("--quiet")
    {
        Description = "Hide progress bars (the report is still printed). Default: false.",
    };

    public IEnumerable<Option> All => [Model, Blob, Test, Ood, NearMiss, Json, Plots, Quiet];

    public EvalSettings Read(ParseResult parse) => new(
        parse.GetValue(Test)!, parse.GetValue(Ood), parse.GetValue(Json), parse.GetValue(Plots), parse.GetValue(Quiet))
    {
        NearMiss = parse.GetValue(NearMiss),
    };
}

/// <summary>The parsed options besides the model source.</summary>
internal sealed record EvalSettings(string Test, string? Ood, string? Json, string? Plots, bool Quiet)
{
    /// <summary>`--near-miss DATA` (with `--blob` only).</summary>
    public string? NearMiss { get; init; }

    /// <summary>
    /// Where the PNGs go: (folder, file-name prefix), or null for none. `--plots DIR` → (DIR, "");
    /// otherwise `--json path/report.json` → (path, "report.").
    /// </summary>
    public (string Folder, string Prefix)? PlotTarget()
    {
        if (Plots is not null) return (Plots, "");
        if (Json is null) return null;
        string folder = Path.GetDirectoryName(Path.GetFullPath(Json)) ?? ".";
        return (folder, Path.GetFileNameWithoutExtension(Json) + ".");
    }
}
