namespace Saffu.Training.Solver;

/// <summary>
/// The sufficient statistics of one explicitly solved layer: F = Σ_m w_m · x_mᵀ y_m (double,
/// rows × cols, row-major) and the sums behind K = Σ w_m‖x_m‖₁ / Σ w_m. Partial statistics add up.
/// </summary>
public sealed class LayerStatistics
{
    public LayerStatistics(string name, int rows, int cols)
    {
        Name = name;
        Rows = rows;
        Cols = cols;
        F = new double[rows * cols];
    }

    public string Name { get; }
    public int Rows { get; }
    public int Cols { get; }
    public double[] F { get; }
    /// <summary>Σ w_m · ‖x_m‖₁.</summary>
    public double NormSum { get; set; }
    /// <summary>Σ w_m.</summary>
    public double WeightSum { get; set; }
    /// <summary>Examples counted (unweighted).</summary>
    public long Examples { get; set; }

    /// <summary>The priming number K (SAFFU.md §2): the weighted mean input norm.</summary>
    public double K => WeightSum > 0 ? NormSum / WeightSum : 0;

    public void Count(double weight, double norm)
    {
        NormSum += weight * norm;
        WeightSum += weight;
        Examples++;
    }

    /// <summary>this += other (same shape).</summary>
    public void Add(LayerStatistics other)
    {
        if (other.Rows != Rows || other.Cols != Cols) throw new ArgumentException($"Statistics {other.Name} ({other.Rows}×{other.Cols}) do not match {Name} ({Rows}×{Cols}).");
        System.Numerics.Tensors.TensorPrimitives.Add(F, other.F, F);
        NormSum += other.NormSum;
        WeightSum += other.WeightSum;
        Examples += other.Examples;
    }

    public LayerStatistics EmptyLike() => new(Name, Rows, Cols);

    /// <summary>Back to empty (every F entry +0, no examples), for reuse as a fresh partial.</summary>
    public void Clear()
    {
        Array.Clear(F);
        NormSum = 0;
        WeightSum = 0;
        Examples = 0;
    }
}
