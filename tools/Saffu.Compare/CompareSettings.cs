namespace Saffu.Compare;

/// <summary>What one comparison run reads, writes and varies (the command's options).</summary>
/// <param name="Data">The shared data folder holding `hwu64/` and `clinc150-oos/`.</param>
/// <param name="Out">Where comparison.md and the PNG are written.</param>
/// <param name="Seed">Minibatch order and random start of the SAFFU runs; ML.NET's MLContext seed.</param>
/// <param name="BackpropEpochs">Epoch budget of backprop only (explicit + fine-tune keeps `saffu train`'s default).</param>
/// <param name="Block">Block size B of the SAFFU model; null keeps the trainer's default.</param>
/// <param name="Radial">Radial size r of the SAFFU model; null keeps the trainer's default.</param>
/// <param name="Dev">Extra dev set every system is also scored on (closed-set accuracy); null = `DATA/slurp-dev` when it exists.</param>
internal sealed record CompareSettings(string Data, string Out, int Seed, int BackpropEpochs, int? Block, int? Radial, string? Dev = null)
{
    /// <summary>The default extra dev set, under the data folder: phrasings from another collection, same 64 intents.</summary>
    public const string DefaultDev = "slurp-dev";

    /// <summary>The dev set's folder: --dev, or DATA/slurp-dev when that exists; null = none.</summary>
    public string? DevPath()
    {
        if (Dev is not null) return Dev;
        string candidate = Path.Combine(Data, DefaultDev);
        return Directory.Exists(candidate) ? candidate : null;
    }

    /// <summary>The command line that reproduces this run.</summary>
    public string CommandLine()
    {
        var line = $"dotnet run -c Release --project tools/Saffu.Compare -- --data {Data} --out {Out} --seed {Seed} --epochs {BackpropEpochs}";
        if (Block is int b) line += $" --block {b}";
        if (Radial is int r) line += $" --radial {r}";
        if (Dev is not null) line += $" --dev {Dev}";
        return line;
    }
}
