namespace Saffu.Training.Quantization;

/// <summary>
/// Turns float tensors into the blob's integer form. Per scale group (a column or the whole
/// tensor) it picks the smallest scale m·2^−e ≥ maxabs / qmax with a 16-bit mantissa
/// m ∈ [2^15, 2^16), so |q| ≤ qmax and the scale keeps 15–16 significant bits.
/// </summary>
public static class TensorQuantizer
{
    public const int MaxExponent = 62;

    /// <param name="values">Row-major rows × cols.</param>
    /// <param name="minExponent">The smallest e the runtime accepts for this tensor's use
    /// (docs/saffu-model.md §4: e + Qin − 16 ≥ 0). Groups whose values are too large for it are
    /// clipped to ±qmax at that exponent; the count of clipped values is returned.</param>
    public static QuantizedTensor Quantize(ReadOnlySpan<float> values, int rows, int cols, QuantizationOptions options, int minExponent, out int clipped)
    {
        options.Validate();
        if (values.Length != rows * cols)
            throw new ArgumentException($"Tensor has {values.Length} values but its shape {rows}×{cols} needs {rows * cols}.");
        int qmax = (1 << (options.Bits - 1)) - 1;
        int groups = options.PerColumn ? cols : 1;
        var m = new ushort[groups];
        var e = new byte[groups];
        var data = new short[rows * cols];
        clipped = 0;
        for (int g = 0; g < groups; g++)
        {
            (m[g], e[g]) = ChooseScale(MaxAbs(values, rows, cols, options.PerColumn ? g : -1), qmax, minExponent);
            double scale = m[g] * Math.Pow(2, -e[g]);
            for (int i = 0; i < rows; i++)
                for (int j = options.PerColumn ? g : 0; j < (options.PerColumn ? g + 1 : cols); j++)
                    data[i * cols + j] = Round(values[i * cols + j] / scale, qmax, ref clipped);
        }
        return new QuantizedTensor(rows, cols, options.Bits, options.PerColumn, m, e, data);
    }

    /// <summary>The smallest m·2^−e ≥ maxAbs/qmax with m ∈ [2^15, 2^16) and e in [minExponent, 62].</summary>
    public static (ushort M, byte E) ChooseScale(double maxAbs, int qmax, int minExponent)
    {
        if (!double.IsFinite(maxAbs)) throw new ArgumentException($"Tensor holds a non-finite value ({maxAbs}); expected finite weights.");
        if (maxAbs == 0) return (32768, (byte)Math.Max(minExponent, 30));
        double target = maxAbs / qmax;
        int exp = 15 - (int)Math.Floor(Math.Log2(target));
        long mant = (long)Math.Ceiling(target * Math.Pow(2, exp));
        while (mant >= 65536) { exp--; mant = (long)Math.Ceiling(target * Math.Pow(2, exp)); }
        while (mant < 32768 && exp < MaxExponent) { exp++; mant = (long)Math.Ceiling(target * Math.Pow(2, exp)); }
        if (exp > MaxExponent) { exp = MaxExponent; mant = Math.Max(1, (long)Math.Ceiling(target * Math.Pow(2, exp))); }
        if (exp < minExponent) { exp = minExponent; mant = 65535; }
        return ((ushort)Math.Clamp(mant, 1, 65535), (byte)exp);
    }

    private static double MaxAbs(ReadOnlySpan<float> values, int rows, int cols, int col)
    {
        double max = 0;
        for (int i = 0; i < rows; i++)
            for (int j = col < 0 ? 0 : col; j < (col < 0 ? cols : col + 1); j++)
                max = Math.Max(max, Math.Abs((double)values[i * cols + j]));
        return max;
    }

    private static short Round(double x, int qmax, ref int clipped)
    {
        double r = Math.Round(x, MidpointRounding.AwayFromZero);
        if (Math.Abs(r) > qmax) { clipped++; r = Math.Sign(r) * qmax; }
        return (short)r;
    }
}
