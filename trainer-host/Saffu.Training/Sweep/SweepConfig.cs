using System.Globalization;
using Saffu.Training.Export;
using Saffu.Training.Solver;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Sweep;

/// <summary>
/// One point of `saffu sweep`: the knobs of SAFFU.md it varies (docs/cli.md, `## saffu sweep`). Everything else keeps
/// `saffu train`'s defaults. <see cref="Key"/> names the configuration in the results file (resume matches on it).
/// </summary>
public sealed record SweepConfig
{
    /// <summary>b (0 = automatic: V, at most 4096).</summary>
    public int Bits { get; init; }
    public bool Document { get; init; } = true;
    /// <summary>B (0 = no block context).</summary>
    public int Block { get; init; }
    /// <summary>r (0 = no radial context).</summary>
    public int Radial { get; init; }
    public int Passes { get; init; }
    public double Epsilon { get; init; } = 0.1;
    public double TauU { get; init; } = 5;
    /// <summary>τ_D, the document U's scale (null = `saffu train`'s default, not in the key: the lights grid and rows written
    /// before the knob).</summary>
    public double? TauD { get; init; }
    public double PrefixWeight { get; init; } = 0.03;
    /// <summary>Co-occurrence radius R (0 = cipher codes); mix μ = <see cref="CooccurrenceMix"/>.</summary>
    public int Cooccurrence { get; init; }
    public double CooccurrenceMix { get; init; } = 0.8;
    /// <summary>Element bits of U in the blob (8 or 16).</summary>
    public int UBits { get; init; } = 16;
    /// <summary>Structured U: rank (0 = dense).</summary>
    public int URank { get; init; }
    /// <summary>Adam after the explicit solution (the sweep fine-tunes only configurations near the Pareto front).</summary>
    public bool FineTune { get; init; }

    /// <summary>A stable name of every knob, e.g. `b1024-D-B16-R0-p1-e0.1-tu5-td0.3-pw0.03-c0-u16-k0-ft0`.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Key =>
        string.Create(CultureInfo.InvariantCulture,
            $"b{Bits}-{(Document ? "D" : "noD")}-B{Block}-R{Radial}-p{Passes}-e{Epsilon}-tu{TauU}{(TauD is { } tauD ? $"-td{tauD}" : "")}-pw{PrefixWeight}-c{Cooccurrence}" +
            $"{(Cooccurrence > 0 ? $"m{CooccurrenceMix}" : "")}-u{UBits}-k{URank}-ft{(FineTune ? 1 : 0)}");

    [System.Text.Json.Serialization.JsonIgnore]
    public bool HasAttention => Block > 0 || Radial > 0;

    /// <summary>The trainer's options for this point, from <paramref name="defaults"/> (`saffu train`'s).</summary>
    public TrainOptions Options(TrainOptions defaults) => defaults with
    {
        Bits = Bits,
        Document = Document,
        BlockSize = Block,
        RadialSize = Radial,
        Cooccurrence = new CooccurrenceOptions { Radius = Cooccurrence, Mix = CooccurrenceMix },
        Solver = defaults.Solver with { Epsilon = Epsilon, TauU = TauU, TauD = TauD ?? defaults.Solver.TauD, PrefixWeight = PrefixWeight, RefinementPasses = HasAttention ? Passes : 0, URank = URank },
        FineTune = FineTune,
    };

    /// <summary>How the blob is written: U in <see cref="UBits"/>, everything else `saffu export`'s defaults.</summary>
    public ExportOptions Export() => ExportOptions.Default with { Bits = ExportOptions.Default.Bits with { U = UBits } };
}
