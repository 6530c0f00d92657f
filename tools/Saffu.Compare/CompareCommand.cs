using System.CommandLine;
using Saffu.Training.Corpus;

namespace Saffu.Compare;

/// <summary>The command line: options, their defaults, and exit codes 0 (ok), 1 (bad data), 2 (usage).</summary>
internal static class CompareCommand
{
    public const int Ok = 0, BadInput = 1, Usage = 2;
    public const int DefaultBackpropEpochs = 40;

    static readonly Option<string> Data = new("--data")
    {
        Description = "The shared data folder holding hwu64/{train,valid,test} and clinc150-oos/test.",
        HelpName = "DIR",
        Required = true,
    };
    static readonly Option<string> Out = new("--out")
    {
        Description = "Folder for comparison.md and valid-accuracy-vs-time.png (created if missing).",
        HelpName = "DIR",
        DefaultValueFactory = _ => Path.Combine("out", "compare"),
    };
    static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the SAFFU minibatch order and random start, and of ML.NET's MLContext.",
        HelpName = "N",
        DefaultValueFactory = _ => 1,
    };
    static readonly Option<int> Epochs = new("--epochs")
    {
        Description = "Epoch budget of backprop only (early stopping still applies).",
        HelpName = "N",
        DefaultValueFactory = _ => DefaultBackpropEpochs,
    };
    static readonly Option<int?> Block = new("--block")
    {
        Description = "Block size B of the SAFFU model (systems 1, 3, 4). Default: the trainer's default.",
        HelpName = "B",
    };
    static readonly Option<int?> Radial = new("--radial")
    {
        Description = "Radial size r of the SAFFU model (systems 1, 3, 4). Default: the trainer's default.",
        HelpName = "R",
    };

    static readonly Option<string?> Dev = new("--dev")
    {
        Description = "An extra dev set (folder seq.in + label, .jsonl or .csv with HWU64's intents) every system is also scored on. "
            + "Default: DATA/slurp-dev when it exists.",
        HelpName = "DIR",
    };

    public static int Run(string[] args)
    {
        var root = new RootCommand("Compare SAFFU (explicit, document only, explicit + fine-tune, backprop only) with ML.NET "
            + "FeaturizeText + SdcaMaximumEntropy on HWU64 in one run: accuracy, macro-F1, out-of-domain rejection, training time, size.");
        foreach (Option option in new Option[] { Data, Out, Seed, Epochs, Block, Radial, Dev }) root.Options.Add(option);
        root.SetAction(parse => Execute(new CompareSettings(parse.GetValue(Data)!, parse.GetValue(Out)!, parse.GetValue(Seed),
            parse.GetValue(Epochs), parse.GetValue(Block), parse.GetValue(Radial), parse.GetValue(Dev))));
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var e in parsed.Errors) Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("Run with --help for usage.");
            return Usage;
        }
        return parsed.Invoke();
    }

    static int Execute(CompareSettings settings)
    {
        if (settings.BackpropEpochs is < 1 or > 10000)
            return Fail(Usage, $"--epochs {settings.BackpropEpochs} is invalid; expected 1..10000.");
        try
        {
            foreach (var system in SaffuSystems.For(settings)) system.Options.Validate();
        }
        catch (ArgumentException e)
        {
            return Fail(Usage, e.Message);
        }
        try
        {
            ComparisonRun.Execute(settings, Console.Out, Console.Error);
            return Ok;
        }
        catch (Exception e) when (e is DatasetException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return Fail(BadInput, e.Message);
        }
    }

    static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"Saffu.Compare: {message}");
        return code;
    }
}
