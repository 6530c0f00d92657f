namespace Saffu.Training.Solver;

/// <summary>The explicit solution of one softmax layer (SAFFU.md §2).</summary>
public static class ExplicitLayer
{
    /// <summary>
    /// W[j,i] = log(F[j,i] + ε) − ((K − 1)/K) · log(Σ_j' F[j',i] + ε), for F (rows × cols,
    /// row-major: j = input feature, i = target) and the priming number K = mean ‖x‖₁. Optionally
    /// scaled by <paramref name="scale"/> (the evidence strength τ, giving the effective matrix).
    /// A target never seen (its column of F is all zero) would get log(ε)/K per unit of input and
    /// outscore every seen target; its column is set to the smallest weight of the seen columns
    /// instead, so it never wins for an input of norm K.
    /// </summary>
    public static float[] Solve(double[] f, int rows, int cols, double k, double epsilon, double scale = 1)
    {
        if (f.Length != rows * cols) throw new ArgumentException($"F has {f.Length} entries; expected {rows} × {cols}.");
        if (!(k > 0)) throw new ArgumentOutOfRangeException(nameof(k), k, "K must be > 0 (no examples were counted).");
        var columnSum = new double[cols];
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < cols; i++) columnSum[i] += f[j * cols + i];
        double share = (k - 1) / k;
        var correction = new double[cols];
        for (int i = 0; i < cols; i++) correction[i] = share * Math.Log(columnSum[i] + epsilon);
        var w = new float[rows * cols];
        double smallest = double.PositiveInfinity;
        for (int j = 0; j < rows; j++)
            for (int i = 0; i < cols; i++)
            {
                double value = scale * (Math.Log(f[j * cols + i] + epsilon) - correction[i]);
                w[j * cols + i] = (float)value;
                if (columnSum[i] > 0) smallest = Math.Min(smallest, value);
            }
        for (int i = 0; i < cols; i++)
            if (columnSum[i] == 0 && double.IsFinite(smallest))
                for (int j = 0; j < rows; j++) w[j * cols + i] = (float)smallest;
        return w;
    }
}
