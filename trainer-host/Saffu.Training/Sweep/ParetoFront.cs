namespace Saffu.Training.Sweep;

/// <summary>The Pareto front of valid accuracy against blob bytes, the rows near it, and the best row within a budget.</summary>
public static class ParetoFront
{
    /// <summary>Rows no other row beats on both (more accurate and no larger, or as accurate and smaller), smallest first.</summary>
    public static IReadOnlyList<SweepRow> Of(IEnumerable<SweepRow> rows)
    {
        var front = new List<SweepRow>();
        double best = double.NegativeInfinity;
        foreach (var r in rows.OrderBy(r => r.BlobBytes).ThenByDescending(r => r.ValidAccuracy).ThenBy(r => r.Key, StringComparer.Ordinal))
            if (r.ValidAccuracy > best) { front.Add(r); best = r.ValidAccuracy; }
        return front;
    }

    /// <summary>Rows within <paramref name="near"/> of the best accuracy of any row of their size or smaller (the front itself included).</summary>
    public static IReadOnlyList<SweepRow> NearFront(IReadOnlyList<SweepRow> rows, double near) =>
        rows.Where(r => r.ValidAccuracy >= rows.Where(o => o.BlobBytes <= r.BlobBytes).Max(o => o.ValidAccuracy) - near).ToList();

    /// <summary>The most accurate row (valid; ties: fewer bytes, then key) within the budgets; null when none fits.</summary>
    public static SweepRow? BestWithin(IEnumerable<SweepRow> rows, long? maxBytes, long? maxMacs, long? maxRam = null) =>
        rows.Where(r => (maxBytes is null || r.BlobBytes <= maxBytes) && (maxMacs is null || r.MacsPerWord <= maxMacs)
                && (maxRam is null || r.RamBytes <= maxRam))
            .OrderByDescending(r => r.ValidAccuracy).ThenBy(r => r.BlobBytes).ThenBy(r => r.Key, StringComparer.Ordinal).FirstOrDefault();
}
