using System.Numerics.Tensors;

namespace Saffu.Training.Model;

/// <summary>Numerically stable softmax and argmax (ties: lowest index), as the device decides.</summary>
public static class Softmax
{
    /// <summary>x ← softmax(x); the maximum is subtracted first.</summary>
    public static void InPlace(Span<float> x)
    {
        if (x.Length == 0) return;
        float max = TensorPrimitives.Max(x);
        TensorPrimitives.Subtract(x, max, x);
        TensorPrimitives.Exp(x, x);
        float sum = TensorPrimitives.Sum(x);
        TensorPrimitives.Divide(x, sum, x);
    }

    /// <summary>output ← softmax(input).</summary>
    public static void Into(ReadOnlySpan<float> input, Span<float> output)
    {
        input.CopyTo(output);
        InPlace(output[..input.Length]);
    }

    /// <summary>Index of the largest entry; the lowest index on ties.</summary>
    public static int ArgMax(ReadOnlySpan<float> x)
    {
        int best = 0;
        for (int i = 1; i < x.Length; i++) if (x[i] > x[best]) best = i;
        return best;
    }
}
