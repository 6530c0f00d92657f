namespace Saffu.Training.Sweep;

/// <summary>
/// The configurations a sweep trains: a seeded sample without repeats from the grid of SAFFU.md's knobs (below), the
/// trainer's defaults always first. The same count and seed give the same list in the same order.
/// </summary>
public static class SweepGrid
{
    static readonly int[] BitChoices = [128, 256, 512, 1024, 2048, 0];
    static readonly (bool Document, int Block, int Radial)[] Contexts =
        [(true, 0, 0), (true, 8, 0), (true, 16, 0), (true, 32, 0), (true, 0, 2), (true, 0, 3), (true, 16, 2), (true, 16, 3), (false, 16, 0)];
    static readonly int[] PassChoices = [0, 1, 2];
    static readonly double[] EpsilonChoices = [0.03, 0.1, 0.3];
    static readonly double[] TauUChoices = [1, 2, 5];
    static readonly double[] LightsTauUChoices = [2, 5];
    // τ_D: softened (`saffu train`'s 0.3) or as solved.
    static readonly double?[] TauDChoices = [0.3, 1];
    static readonly double?[] LightsTauDChoices = [null];
    static readonly double[] PrefixWeightChoices = [0, 0.03, 0.3];
    static readonly int[] CooccurrenceChoices = [0, 0, 1, 2];
    static readonly int[] UBitChoices = [8, 16];
    static readonly int[] RankChoices = [0, 0, 0, 16, 32, 48];

    // The lights grid (`saffu sweep --home`): a vocabulary of about a thousand words, a 40 KB blob, 17 intents.
    static readonly int[] LightsBitChoices = [128, 256, 384, 512, 0];
    static readonly (bool Document, int Block, int Radial)[] LightsContexts =
        [(true, 0, 0), (true, 8, 0), (true, 16, 0), (true, 0, 2), (true, 0, 3), (false, 16, 0)];
    static readonly double[] LightsEpsilonChoices = [0.1, 0.3, 1];
    static readonly int[] LightsRankChoices = [0, 0, 0, 8];

    /// <summary>Every distinct point of the grid (attention-only knobs fixed when there is no attention).</summary>
    public static IReadOnlyList<SweepConfig> All() =>
        Points(BitChoices, Contexts, EpsilonChoices, TauUChoices, TauDChoices, RankChoices);

    /// <summary>Every distinct point of the lights grid (`--home`): b up to V ≈ 1,000, the contexts a 40 KB blob can hold.</summary>
    public static IReadOnlyList<SweepConfig> AllLights() =>
        Points(LightsBitChoices, LightsContexts, LightsEpsilonChoices, LightsTauUChoices, LightsTauDChoices, LightsRankChoices);

    static IReadOnlyList<SweepConfig> Points(int[] bitChoices, (bool Document, int Block, int Radial)[] contexts, double[] epsilonChoices,
        double[] tauUChoices, double?[] tauDChoices, int[] rankChoices)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var all = new List<SweepConfig>();
        foreach (int bits in bitChoices)
        foreach (var (document, block, radial) in contexts)
        foreach (int passes in PassChoices)
        foreach (double epsilon in epsilonChoices)
        foreach (double tauU in tauUChoices)
        foreach (double? tauD in tauDChoices)
        foreach (double prefix in PrefixWeightChoices)
        foreach (int cooc in CooccurrenceChoices)
        foreach (int uBits in UBitChoices)
        foreach (int rank in rankChoices)
        {
            bool attention = block > 0 || radial > 0;
            var config = new SweepConfig
            {
                Bits = bits, Document = document, Block = block, Radial = radial, Passes = attention ? passes : 0, Epsilon = epsilon,
                TauU = attention ? tauU : 5, TauD = document ? tauD : null, PrefixWeight = prefix, Cooccurrence = cooc, UBits = uBits, URank = rank,
            };
            if (seen.Add(config.Key)) all.Add(config);
        }
        return all;
    }

    /// <summary>The trainer's defaults (as a sweep point), then <paramref name="count"/> − 1 others drawn with the seed.</summary>
    /// <param name="lights">Draw from the lights grid (<see cref="AllLights"/>).</param>
    public static IReadOnlyList<SweepConfig> Sample(int count, int seed, SweepConfig defaults, bool lights = false)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "A sweep needs at least one configuration.");
        var pool = (lights ? AllLights() : All()).Where(c => c.Key != defaults.Key).ToArray();
        new Random(seed).Shuffle(pool);
        return new[] { defaults }.Concat(pool.Take(count - 1)).ToList();
    }
}
