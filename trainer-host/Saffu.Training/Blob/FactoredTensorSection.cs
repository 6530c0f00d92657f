using Saffu.Training.Quantization;

namespace Saffu.Training.Blob;

/// <summary>Every context U as A (b × R) · B (R × b′), in the order block, radial, document (docs/model-blob.md §14).</summary>
public sealed record FactoredContents(int Rank, IReadOnlyList<(QuantizedTensor A, QuantizedTensor B)> Factors);

/// <summary>
/// Writes the blob's FactoredTensors section (kind 14, docs/model-blob.md §14) and quantizes the factors: B with one scale,
/// then A (per column or per tensor) with the smallest exponent that keeps the runtime's step-1 shift e_A + e_B − 16 − F ≥ 0.
/// </summary>
public static class FactoredTensorSection
{
    public const ushort Kind = 14;
    public const int HeaderBytes = 4;

    public static byte[] Write(FactoredContents factored)
    {
        var w = new SectionWriter();
        w.U8(factored.Rank);
        w.U8(factored.Factors.Count);
        w.U16(0);
        foreach (var (a, b) in factored.Factors)
        {
            if (a.Cols != factored.Rank || b.Rows != factored.Rank || b.PerColumn)
                throw new ArgumentException($"A factor pair is {a.Rows}×{a.Cols} · {b.Rows}×{b.Cols} (B per column: {b.PerColumn}); expected rank {factored.Rank} and one scale for B.");
            w.Tensor(a);
            w.Tensor(b);
        }
        return w.ToArray();
    }

    /// <summary>The quantized factors of A (rows × rank) and B (rank × cols); clipped counts values set to ±qmax.</summary>
    public static (QuantizedTensor A, QuantizedTensor B) Quantize(float[] a, float[] b, int rows, int cols, int rank, QuantizationOptions options,
        out int clipped)
    {
        QuantizedTensor qb = TensorQuantizer.Quantize(b, rank, cols, options with { PerColumn = false }, 1, out int clippedB);
        int minExponent = Math.Max(0, 16 + (qb.Bits - 1) - qb.E[0]);
        QuantizedTensor qa = TensorQuantizer.Quantize(a, rows, rank, options, minExponent, out int clippedA);
        clipped = clippedA + clippedB;
        return (qa, qb);
    }
}
