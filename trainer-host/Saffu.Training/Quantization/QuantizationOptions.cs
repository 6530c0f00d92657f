namespace Saffu.Training.Quantization;

/// <summary>How a float tensor becomes integers: element bits (8 or 16) and the scale granularity.</summary>
public sealed record QuantizationOptions(int Bits = 16, bool PerColumn = true)
{
    public static readonly QuantizationOptions Default = new();

    public void Validate()
    {
        if (Bits is not (8 or 16))
            throw new ArgumentException($"Quantization bits {Bits} is invalid. Available options are: 8, 16.");
    }
}
