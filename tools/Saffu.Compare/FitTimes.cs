namespace Saffu.Compare;

/// <summary>
/// The wall clock of repeated warm fits of one system in one run. One timing on a shared machine swings by tens of
/// percent, so the speed bar compares medians; min and max show the spread.
/// </summary>
internal sealed record FitTimes(IReadOnlyList<double> Seconds)
{
    /// <summary>Warm fits timed per system whose time a bar compares (explicit, document only, ML.NET).</summary>
    public const int Repetitions = 3;

    /// <summary>
    /// Untimed full-size fits of those systems before their timed ones. With .NET's tiered compilation a method runs
    /// unoptimized tier-0 code until it has been called 30 times and the runtime has had 100 ms without new JIT work, so
    /// the first full-size fits after the slice warm-up still run partly unoptimized code (at 901b7e1 the explicit call took
    /// 0.79, 0.55, 0.49 and 0.46 s in its first four warm calls and 0.24–0.32 s from the fifth on:
    /// tools/hwu64-study/explicit-phases.cs; 0.69, 0.52, 0.43, 0.24 s, then 0.20–0.24 s, with this branch's faster phases).
    /// Both systems get the same untimed fits, so the timed ones measure each one's steady state.
    /// </summary>
    public const int UntimedFits = 2;

    public double Min => Seconds.Min();
    public double Max => Seconds.Max();
    /// <summary>The middle value (the upper middle for an even count).</summary>
    public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);

    /// <summary>The first fit's seconds, then <paramref name="more"/> further fits timed by <paramref name="fit"/>.</summary>
    public static FitTimes Of(double first, int more, Func<double> fit) =>
        new([first, .. Enumerable.Range(0, more).Select(_ => fit())]);

    /// <summary>Runs <paramref name="fit"/> <paramref name="count"/> times, untimed (<see cref="UntimedFits"/>).</summary>
    public static void Untimed(int count, Action fit)
    {
        for (int i = 0; i < count; i++) fit();
    }

    public override string ToString() => Seconds.Count == 1
        ? $"{Seconds[0]:F2} s (one fit)"
        : $"median {Median:F2} s (min {Min:F2}, max {Max:F2}; {Seconds.Count} fits: {string.Join(", ", Seconds.Select(s => s.ToString("F2")))})";
}
