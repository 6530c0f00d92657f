namespace Saffu.Training.Export;

/// <summary>
/// The Decision section's real settings in the blob's integer formats (docs/model-blob.md §10).
/// </summary>
public static class FixedPointSettings
{
    public const int OneQ15 = 32768;
    public const int OneQ16 = 65536;
    public const int MaxTemperatureQ16 = 1 << 24;

    /// <summary>
    /// A probability threshold θ in Q15, rounded to nearest. The device's probabilities are
    /// p_q = round(2^15·p) (docs/saffu-model.md §4 softmax), and rounding is monotone, so every
    /// p ≥ θ keeps p_q ≥ round(2^15·θ): no utterance the float model understands is rejected for the
    /// threshold's sake, and only confidences within half a Q15 unit (1.5·10^−5) below θ are let
    /// through. Ceiling would instead reject float-understood utterances at exactly θ, which is
    /// where the trainer puts θ (an observed validation confidence).
    /// </summary>
    public static int ProbabilityQ15(double threshold)
    {
        if (!(threshold is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "A probability threshold must be in 0..1.");
        return (int)Math.Round(threshold * OneQ15, MidpointRounding.AwayFromZero);
    }

    /// <summary>The calibration temperature in Q16, clamped to the blob's 1..2^24 (informational: it is already divided into O).</summary>
    public static int TemperatureQ16(double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be a finite number > 0.");
        return (int)Math.Clamp(Math.Round(temperature * OneQ16), 1, MaxTemperatureQ16);
    }
}
