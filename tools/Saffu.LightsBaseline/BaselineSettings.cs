using System.Globalization;

namespace Saffu.LightsBaseline;

/// <summary>The command line (README.md): the shipped model's sources (tools/lights-sources), the SAFFU model and blob to
/// compare with, the shared data folder and ML.NET's seed.</summary>
internal sealed record BaselineSettings
{
    public string Home { get; init; } = "models/lights/home.yaml";
    public string Extra { get; init; } = "models/lights/written-commands.jsonl";
    public string Phrasings { get; init; } = "models/lights/written-non-acting.jsonl";
    public int PhrasingsRepeat { get; init; } = 3;
    /// <summary>`saffu train --seed`: seeds the lights corpus's sampling.</summary>
    public int CorpusSeed { get; init; } = 1;
    /// <summary>The model folder `saffu train` wrote from the same sources: its data hash is checked.</summary>
    public string Model { get; init; } = "build/lights/model";
    /// <summary>The shipped blob: SAFFU's top intent is read through the device runtime.</summary>
    public string Blob { get; init; } = "models/lights/lights.blob";
    public string Data { get; init; } = "../shared/data";
    public int Seed { get; init; } = 1;
    /// <summary>The multiclass trainer: `sdca` (SdcaMaximumEntropy, as tools/Saffu.Compare) or `lbfgs` (LbfgsMaximumEntropy), defaults.</summary>
    public string Trainer { get; init; } = "sdca";
    /// <summary>How many bigram features the attribution lists.</summary>
    public int Top { get; init; } = 20;

    public const string Usage = "usage: dotnet run -c Release --project tools/Saffu.LightsBaseline -- [--home FILE] [--extra FILE] "
        + "[--phrasings FILE] [--phrasings-repeat N] [--corpus-seed N] [--model DIR] [--blob FILE] [--data DIR] [--seed N] [--trainer sdca|lbfgs] [--top N]";

    public static BaselineSettings Parse(string[] args)
    {
        var s = new BaselineSettings();
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => ++i < args.Length ? args[i] : throw new ArgumentException($"{args[i - 1]} needs a value");
            int Int() => int.TryParse(Next(), NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v >= 1
                ? v : throw new ArgumentException($"{args[i - 1]} {args[i]}; expected a whole number ≥ 1");
            s = args[i] switch
            {
                "--home" => s with { Home = Next() },
                "--extra" => s with { Extra = Next() },
                "--phrasings" => s with { Phrasings = Next() },
                "--phrasings-repeat" => s with { PhrasingsRepeat = Int() },
                "--corpus-seed" => s with { CorpusSeed = Int() },
                "--model" => s with { Model = Next() },
                "--blob" => s with { Blob = Next() },
                "--data" => s with { Data = Next() },
                "--seed" => s with { Seed = Int() },
                "--top" => s with { Top = Int() },
                "--trainer" => s with { Trainer = Next() is "sdca" or "lbfgs" ? args[i] : throw new ArgumentException($"--trainer {args[i]}; expected sdca or lbfgs") },
                _ => throw new ArgumentException($"unknown option {args[i]}"),
            };
        }
        return s;
    }
}
