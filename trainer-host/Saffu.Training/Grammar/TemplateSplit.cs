namespace Saffu.Training.Grammar;

/// <summary>Which templates and lines go to validation, and each template's share of an intent's sentences (docs/grammar.md §3, §5).</summary>
public static class TemplateSplit
{
    /// <summary>
    /// Indices of held-out templates: in each group (intent and slot signature) of at least 3, the
    /// round(share × size) templates with the smallest FNV-1a hash of their text, leaving at least 2.
    /// </summary>
    public static IReadOnlySet<int> HeldOut(IReadOnlyList<Template> templates, double share)
    {
        var result = new HashSet<int>();
        foreach (var group in templates.GroupBy(t => t.Group))
        {
            var members = group.ToList();
            if (members.Count < 3) continue;
            int count = Math.Min(members.Count - 2, (int)Math.Round(share * members.Count, MidpointRounding.AwayFromZero));
            foreach (Template t in members.OrderBy(t => StableHash.Fnv1a(t.Text)).ThenBy(t => t.Index).Take(count)) result.Add(t.Index);
        }
        return result;
    }

    /// <summary>A not-lights line is held out when the FNV-1a hash of its text mod 1000 is below share × 1000.</summary>
    public static bool HoldsOutLine(string text, double share) => StableHash.Fnv1a(text) % 1000 < share * 1000;

    /// <summary>
    /// Water-filling: <paramref name="wanted"/> split evenly over templates, each capped at what it can say,
    /// the rest passed to the others. Earlier templates get the remainder's extra sentence.
    /// </summary>
    public static int[] Quotas(IReadOnlyList<long> possible, int wanted)
    {
        var quotas = new int[possible.Count];
        long remaining = wanted;
        var order = Enumerable.Range(0, possible.Count).OrderBy(i => possible[i]).ThenBy(i => i).ToList();
        for (int k = 0; k < order.Count; k++)
        {
            int left = order.Count - k;
            long fair = remaining / left + (remaining % left > 0 ? 1 : 0);
            int i = order[k];
            quotas[i] = (int)Math.Min(possible[i], fair);
            remaining -= quotas[i];
        }
        return quotas;
    }
}
