namespace Saffu.Compare;

/// <summary>What one comparison run reads, writes and varies (the command's options).</summary>
/// <param name="Data">The shared data folder holding `hwu64/` and `clinc150-oos/`.</param>
/// <param name="Out">Where comparison.md and the PNG are written.</param>
/// <param name="Seed">Minibatch order and random start of the SAFFU runs; ML.NET's MLContext seed.</param>
/// <param name="BackpropEpochs">Epoch budget of backprop only (explicit + fine-tune keeps `saffu train`'s default).</param>
/// <param name="Block">Block size B of the SAFFU model; null keeps the trainer's default.</param>
/// <param name="Radial">Radial size r of the SAFFU model; null keeps the trainer's default.</param>
internal sealed record CompareSettings(string Data, string Out, int Seed, int BackpropEpochs, int? Block, int? Radial)
{
    /// <summary>The command line that reproduces this run.</summary>
    public string CommandLine()
    {
        var line = $"dotnet run -c Release --project tools/Saffu.Compare -- --data {Data} --out {Out} --seed {Seed} --epochs {BackpropEpochs}";
        if (Block is int b) line += $" --block {b}";
        if (Radial is int r) line += $" --radial {r}";
        return line;
    }
}
