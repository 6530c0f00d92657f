namespace Saffu.Training.Quantization;

/// <summary>
/// A tensor in the blob's fixed-point form (docs/model-blob.md §Tensor record):
/// T[i,j] ≈ Data[i·Cols + j] · M[s] · 2^−E[s], with s = j per column or s = 0 per tensor.
/// </summary>
public sealed record QuantizedTensor(int Rows, int Cols, int Bits, bool PerColumn, ushort[] M, byte[] E, short[] Data)
{
    public int ScaleOf(int col) => PerColumn ? col : 0;

    public double Scale(int col) => M[ScaleOf(col)] * Math.Pow(2, -E[ScaleOf(col)]);

    public double Dequantize(int row, int col) => Data[row * Cols + col] * Scale(col);

    /// <summary>Bytes of the tensor record in a blob: header, scales, data, padding to 4.</summary>
    public int RecordBytes => 8 + 4 * M.Length + Align4(Rows * Cols * (Bits / 8));

    private static int Align4(int n) => (n + 3) & ~3;
}
