namespace Saffu.Compare;

/// <summary>
/// The wall clock of repeated warm fits of one system in one run. One timing on a shared machine swings by tens of
/// percent, so the speed bar compares medians; min and max show the spread.
/// </summary>
internal sealed record FitTimes(IReadOnlyList<double> Seconds)
{
    /// <summary>Warm fits timed per system whose time a bar compares (explicit, document only, ML.NET).</summary>
    public const int Repetitions = 3;

    public double Min => Seconds.Min();
    public double Max => Seconds.Max();
    /// <summary>The middle value (the upper middle for an even count).</summary>
    public double Median => Seconds.Order().ElementAt(Seconds.Count / 2);

    /// <summary>The first fit's seconds, then <paramref name="more"/> further fits timed by <paramref name="fit"/>.</summary>
    public static FitTimes Of(double first, int more, Func<double> fit) =>
        new([first, .. Enumerable.Range(0, more).Select(_ => fit())]);

    public override string ToString() => Seconds.Count == 1
        ? $"{Seconds[0]:F2} s (one fit)"
        : $"median {Median:F2} s (min {Min:F2}, max {Max:F2}; {Seconds.Count} fits: {string.Join(", ", Seconds.Select(s => s.ToString("F2")))})";
}
