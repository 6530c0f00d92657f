namespace Saffu.Compare;

/// <summary>
/// When backprop only first reaches the explicit model's validation accuracy, on the same clock
/// as the explicit solve (training work only: the explicit solve's seconds against the Adam steps'
/// seconds; vocabulary, encoding and validation checks are outside both).
/// </summary>
internal sealed record TimeToAccuracy(double Target, double ExplicitSeconds, CurvePoint? Reached, CurvePoint Last, double BestAccuracy)
{
    public static TimeToAccuracy Measure(SystemResult explicitOnly, SystemResult backpropOnly)
    {
        double target = explicitOnly.ExplicitValidAccuracy ?? throw new ArgumentException("The explicit system has no validation accuracy.");
        double seconds = explicitOnly.ExplicitSeconds ?? throw new ArgumentException("The explicit system has no solve time.");
        var curve = backpropOnly.Curve;
        if (curve.Count == 0) throw new ArgumentException("Backprop only recorded no validation accuracy.");
        CurvePoint? reached = curve.Where(p => p.ValidAccuracy >= target).Select(p => (CurvePoint?)p).FirstOrDefault();
        return new TimeToAccuracy(target, seconds, reached, curve[^1], curve.Max(p => p.ValidAccuracy));
    }

    /// <summary>Explicit seconds over backprop's seconds to the same accuracy; when it never got there, over its whole run (an upper bound).</summary>
    public double Ratio => ExplicitSeconds / Math.Max(1e-9, (Reached ?? Last).Seconds);

    /// <summary>Bar: the explicit solve takes at most a tenth of backprop's time to the same accuracy (never reaching it counts as longer than its run).</summary>
    public bool Holds => Ratio <= 0.1;
}
