namespace Saffu.Training.Solver;

/// <summary>
/// Structured U (seed 004, SAFFU.md §9): a rank-r factorisation U ≈ A·B (A: b × r, B: r × b′) by truncated SVD of the
/// explicit solution. Every row of U is first centred (its mean removed): U feeds a softmax over its columns, and a
/// constant added to one row shifts every column of x·U alike, so centring changes no output and leaves the SVD the
/// part that matters. The SVD comes from the eigenvectors of the b′ × b′ Gram matrix (cyclic Jacobi; b′ ≤ 256).
/// </summary>
public static class LowRank
{
    const int MaxSweeps = 30;

    /// <summary>The factors of the centred rows × cols matrix at the given rank (1 ≤ rank &lt; cols).</summary>
    public static (float[] A, float[] B) Factor(float[] m, int rows, int cols, int rank)
    {
        if (m.Length != rows * cols) throw new ArgumentException($"The matrix has {m.Length} entries; expected {rows} × {cols}.");
        if (rank < 1 || rank >= cols) throw new ArgumentOutOfRangeException(nameof(rank), rank, $"The rank must be 1..{cols - 1}.");
        double[] centred = Centred(m, rows, cols);
        double[,] vectors = TopEigenvectors(Gram(centred, rows, cols), cols, rank);
        var a = new float[rows * rank];
        var b = new float[rank * cols];
        for (int r = 0; r < rank; r++)
            for (int j = 0; j < cols; j++) b[r * cols + j] = (float)vectors[j, r];
        for (int i = 0; i < rows; i++)
            for (int r = 0; r < rank; r++)
            {
                double sum = 0;
                for (int j = 0; j < cols; j++) sum += centred[i * cols + j] * vectors[j, r];
                a[i * rank + r] = (float)sum;
            }
        return (a, b);
    }

    /// <summary>A·B as a dense rows × cols matrix (what the float model runs).</summary>
    public static float[] Product(float[] a, float[] b, int rows, int cols, int rank)
    {
        var m = new float[rows * cols];
        for (int i = 0; i < rows; i++)
            for (int r = 0; r < rank; r++)
            {
                float x = a[i * rank + r];
                if (x != 0) System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(b.AsSpan(r * cols, cols), x, m.AsSpan(i * cols, cols), m.AsSpan(i * cols, cols));
            }
        return m;
    }

    /// <summary>The rank-r matrix nearest the centred one (Eckart–Young), dense.</summary>
    public static float[] Truncate(float[] m, int rows, int cols, int rank)
    {
        var (a, b) = Factor(m, rows, cols, rank);
        return Product(a, b, rows, cols, rank);
    }

    static double[] Centred(float[] m, int rows, int cols)
    {
        var c = new double[m.Length];
        for (int i = 0; i < rows; i++)
        {
            double mean = 0;
            for (int j = 0; j < cols; j++) mean += m[i * cols + j];
            mean /= cols;
            for (int j = 0; j < cols; j++) c[i * cols + j] = m[i * cols + j] - mean;
        }
        return c;
    }

    static double[,] Gram(double[] c, int rows, int cols)
    {
        var g = new double[cols, cols];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < cols; j++)
            {
                double x = c[i * cols + j];
                if (x == 0) continue;
                for (int k = j; k < cols; k++) g[j, k] += x * c[i * cols + k];
            }
        for (int j = 0; j < cols; j++)
            for (int k = 0; k < j; k++) g[j, k] = g[k, j];
        return g;
    }

    /// <summary>Cyclic Jacobi on the symmetric n × n matrix; returns the eigenvectors of the <paramref name="rank"/> largest eigenvalues as columns.</summary>
    static double[,] TopEigenvectors(double[,] a, int n, int rank)
    {
        var v = new double[n, n];
        for (int i = 0; i < n; i++) v[i, i] = 1;
        for (int sweep = 0; sweep < MaxSweeps; sweep++)
        {
            double off = 0;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++) off += a[p, q] * a[p, q];
            if (off < 1e-18) break;
            for (int p = 0; p < n; p++)
                for (int q = p + 1; q < n; q++)
                    if (Math.Abs(a[p, q]) > 1e-300) Rotate(a, v, n, p, q);
        }
        int[] order = Enumerable.Range(0, n).OrderByDescending(i => a[i, i]).ThenBy(i => i).ToArray();
        var top = new double[n, rank];
        for (int r = 0; r < rank; r++)
            for (int j = 0; j < n; j++) top[j, r] = v[j, order[r]];
        return top;
    }

    static void Rotate(double[,] a, double[,] v, int n, int p, int q)
    {
        double theta = (a[q, q] - a[p, p]) / (2 * a[p, q]);
        double t = Math.Sign(theta == 0 ? 1 : theta) / (Math.Abs(theta) + Math.Sqrt(theta * theta + 1));
        double c = 1 / Math.Sqrt(t * t + 1), s = t * c;
        for (int k = 0; k < n; k++)
        {
            double akp = a[k, p], akq = a[k, q];
            a[k, p] = c * akp - s * akq;
            a[k, q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++)
        {
            double apk = a[p, k], aqk = a[q, k];
            a[p, k] = c * apk - s * aqk;
            a[q, k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++)
        {
            double vkp = v[k, p], vkq = v[k, q];
            v[k, p] = c * vkp - s * vkq;
            v[k, q] = s * vkp + c * vkq;
        }
    }
}
