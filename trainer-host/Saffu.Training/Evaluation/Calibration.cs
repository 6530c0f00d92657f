namespace Saffu.Training.Evaluation;

/// <summary>
/// Temperature scaling: calibrated probabilities are softmax(logits / T) with one T &gt; 0 for the
/// whole model (Guo et al. 2017). T is fitted on held-out data by minimising the mean negative
/// log-likelihood of the true labels.
/// </summary>
public static class Calibration
{
    /// <summary>Search range of T: [MinTemperature, MaxTemperature]; the result is clamped to it.</summary>
    public const double MinTemperature = 1e-3;
    public const double MaxTemperature = 1e3;

    // Grid over u = ln T: GridSteps + 1 points from ln Min to ln Max (step ln(10^6)/96 ≈ 0.144),
    // then a golden-section search inside the bracket around the best grid point.
    private const int GridSteps = 96;
    private const int GoldenIterations = 80;

    // exp(−750) ≈ 2e−326 is under half the smallest double (4.9e−324): it rounds to exactly 0.
    private const double ExpUnderflow = -750;

    /// <summary>
    /// The temperature T that minimises mean over m of −log softmax(logits[m] / T)[labels[m]].
    /// </summary>
    /// <remarks>
    /// NLL is convex in 1/T, hence unimodal in u = ln T, but it can be flat (uniform rows, or a
    /// single class) or keep falling towards a bound (every example correct and separable: the best
    /// T is 0). So the search is a coarse grid on u followed by golden-section refinement, with the
    /// result clamped to [MinTemperature, MaxTemperature]. Equal losses (within 1e-15 relative: a few ulps)
    /// prefer the temperature nearest 1. Empty input gives 1 (no evidence, no change). Deterministic:
    /// a fixed sequence of evaluations summed in input order.
    /// </remarks>
    /// <exception cref="ArgumentException">Counts differ, a row is empty, rows differ in length,
    /// a label is out of range, or a logit is not finite.</exception>
    public static double FitTemperature(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels)
    {
        Validate(logits, labels);
        if (logits.Count == 0) return 1.0;

        double lo = Math.Log(MinTemperature), hi = Math.Log(MaxTemperature);
        double step = (hi - lo) / GridSteps;
        int best = 0;
        double bestLoss = double.PositiveInfinity;
        // The grid points are independent: their losses in parallel (each summed in input order), chosen in order below.
        var losses = new double[GridSteps + 1];
        var rows = Prepared.Of(logits, labels);
        Parallel.For(0, GridSteps + 1, i => losses[i] = rows.Loss(Math.Exp(lo + i * step), parallel: false));
        for (int i = 0; i <= GridSteps; i++)
        {
            double u = lo + i * step;
            if (IsBetter(losses[i], u, bestLoss, lo + best * step)) { best = i; bestLoss = losses[i]; }
        }
        double uBest = Refine(rows, lo + Math.Max(0, best - 1) * step, lo + Math.Min(GridSteps, best + 1) * step,
            lo + best * step, bestLoss);
        // The bounds are returned exactly (exp(ln x) need not round-trip).
        if (uBest <= lo + 1e-9) return MinTemperature;
        if (uBest >= hi - 1e-9) return MaxTemperature;
        return Math.Clamp(Math.Exp(uBest), MinTemperature, MaxTemperature);
    }

    /// <summary>Mean negative log-likelihood (nats) of the labels under softmax(logits / temperature).</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels, double temperature)
    {
        if (!(temperature > 0) || double.IsInfinity(temperature))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "The temperature must be a finite number > 0.");
        if (logits.Count == 0) return 0;
        double sum = 0;
        for (int m = 0; m < logits.Count; m++)
            sum += Loss(logits[m], labels[m], temperature);
        return sum / logits.Count;
    }

    /// <summary>softmax(logits / temperature) in double precision (the max is subtracted first).</summary>
    public static double[] Softmax(ReadOnlySpan<float> logits, double temperature)
    {
        if (logits.Length == 0) throw new ArgumentException("Softmax of an empty row.", nameof(logits));
        double max = double.NegativeInfinity;
        foreach (float x in logits) max = Math.Max(max, x);
        var p = new double[logits.Length];
        double sum = 0;
        for (int i = 0; i < p.Length; i++) { p[i] = Math.Exp((logits[i] - max) / temperature); sum += p[i]; }
        for (int i = 0; i < p.Length; i++) p[i] /= sum;
        return p;
    }

    // −log softmax(row / T)[label] = log Σ_i exp((row_i − max) / T) + (max − row_label) / T,
    // written so that equal logits give exactly equal losses at every T.
    private static double Loss(float[] row, int label, double temperature)
    {
        double max = double.NegativeInfinity;
        foreach (float x in row) max = Math.Max(max, x);
        double sum = 0;
        foreach (float x in row) sum += Math.Exp((x - max) / temperature);
        return Math.Log(sum) + (max - row[label]) / temperature;
    }

    // Golden-section search for the minimum of NLL(e^u) on [a, b]; keeps the best point seen
    // (starting from the grid's best), so it never returns something worse than the grid.
    private static double Refine(Prepared rows, double a, double b, double uBest, double lossBest)
    {
        double invPhi = (Math.Sqrt(5) - 1) / 2;
        double c = b - invPhi * (b - a), d = a + invPhi * (b - a);
        double fc = rows.Loss(Math.Exp(c), parallel: true);
        double fd = rows.Loss(Math.Exp(d), parallel: true);
        for (int i = 0; i < GoldenIterations && b - a > 1e-9; i++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - invPhi * (b - a); fc = rows.Loss(Math.Exp(c), parallel: true); }
            else { a = c; c = d; fc = fd; d = a + invPhi * (b - a); fd = rows.Loss(Math.Exp(d), parallel: true); }
            if (IsBetter(fc, c, lossBest, uBest)) { uBest = c; lossBest = fc; }
            if (IsBetter(fd, d, lossBest, uBest)) { uBest = d; lossBest = fd; }
        }
        return uBest;
    }

    /// <summary>
    /// The rows with what <see cref="Loss"/> computes before the temperature taken out once: every (double)x − max and
    /// max − row[label]. <see cref="Loss(double, bool)"/> gives <see cref="NegativeLogLikelihood"/>'s bits (the same
    /// operations on the same values; the per-row losses are summed in input order, also when they are computed on all cores).
    /// </summary>
    private sealed class Prepared
    {
        readonly double[][] shifted;
        readonly double[] gap;
        readonly double[] losses;

        Prepared(double[][] shifted, double[] gap) { this.shifted = shifted; this.gap = gap; losses = new double[gap.Length]; }

        public static Prepared Of(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels)
        {
            var shifted = new double[logits.Count][];
            var gap = new double[logits.Count];
            for (int m = 0; m < logits.Count; m++)
            {
                float[] row = logits[m];
                double max = double.NegativeInfinity;
                foreach (float x in row) max = Math.Max(max, x);
                var s = new double[row.Length];
                for (int i = 0; i < row.Length; i++) s[i] = row[i] - max;
                shifted[m] = s;
                gap[m] = max - row[labels[m]];
            }
            return new Prepared(shifted, gap);
        }

        double RowLoss(int m, double temperature)
        {
            double sum = 0;
            // exp of an argument below ExpUnderflow is exactly 0, and adding 0 changes no bit of the sum: skipped (most
            // terms of the grid's small temperatures).
            foreach (double x in shifted[m])
            {
                double a = x / temperature;
                if (a >= ExpUnderflow) sum += Math.Exp(a);
            }
            return Math.Log(sum) + gap[m] / temperature;
        }

        /// <summary>The mean loss at a temperature; parallel: the rows on all cores (not thread-safe: one call at a time).</summary>
        public double Loss(double temperature, bool parallel)
        {
            double sum = 0;
            if (parallel)
            {
                Parallel.For(0, gap.Length, m => losses[m] = RowLoss(m, temperature));
                for (int m = 0; m < gap.Length; m++) sum += losses[m];
            }
            else
                for (int m = 0; m < gap.Length; m++) sum += RowLoss(m, temperature);
            return sum / gap.Length;
        }
    }

    // A strictly lower loss wins; within a relative 1e-15 the u nearer 0 (T nearer 1) wins.
    private static bool IsBetter(double loss, double u, double bestLoss, double bestU)
    {
        if (double.IsPositiveInfinity(bestLoss)) return true;
        double tolerance = 1e-15 * Math.Max(1.0, Math.Abs(bestLoss));
        if (loss < bestLoss - tolerance) return true;
        return loss <= bestLoss + tolerance && Math.Abs(u) < Math.Abs(bestU);
    }

    private static void Validate(IReadOnlyList<float[]> logits, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(logits);
        ArgumentNullException.ThrowIfNull(labels);
        if (logits.Count != labels.Count)
            throw new ArgumentException($"{logits.Count} logit rows but {labels.Count} labels; expected one label per row.", nameof(labels));
        int width = logits.Count > 0 ? logits[0].Length : 0;
        for (int m = 0; m < logits.Count; m++)
        {
            float[] row = logits[m] ?? throw new ArgumentException($"Logit row {m} is null.", nameof(logits));
            if (row.Length == 0 || row.Length != width)
                throw new ArgumentException($"Logit row {m} has {row.Length} entries; expected {width} (> 0) like row 0.", nameof(logits));
            if ((uint)labels[m] >= (uint)width)
                throw new ArgumentException($"Label {labels[m]} of row {m} is outside 0..{width - 1}.", nameof(labels));
            foreach (float x in row)
                if (!float.IsFinite(x)) throw new ArgumentException($"Logit row {m} holds {x}; expected finite numbers.", nameof(logits));
        }
    }
}
