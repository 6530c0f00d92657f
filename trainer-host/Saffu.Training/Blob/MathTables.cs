namespace Saffu.Training.Blob;

/// <summary>The fixed-point tables of the MathTables section, computed on the host (docs/model-blob.md §4).</summary>
public static class MathTables
{
    public const int Entries = 257;

    /// <summary>E[k] = round(2^30 · 2^(−k/256)), Q30.</summary>
    public static int[] Exp2() => Enumerable.Range(0, Entries).Select(k => (int)Math.Round((1 << 30) * Math.Pow(2, -k / 256.0))).ToArray();

    /// <summary>L[k] = round(2^16 · log2(1 + k/256)), Q16.</summary>
    public static int[] Log2() => Enumerable.Range(0, Entries).Select(k => (int)Math.Round(65536 * Math.Log2(1 + k / 256.0))).ToArray();

    public static int Log2E => (int)Math.Round(65536 / Math.Log(2));

    public static int Ln2 => (int)Math.Round(65536 * Math.Log(2));
}
