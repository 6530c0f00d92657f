namespace Saffu.Speech;

/// <summary>Word-level Levenshtein alignment of a reference and a hypothesis: edits and the aligned pairs (null = nothing).</summary>
internal static class Alignment
{
    public static List<(string? Ref, string? Hyp)> Align(IReadOnlyList<string> r, IReadOnlyList<string> h)
    {
        var d = new int[r.Count + 1, h.Count + 1];
        for (int i = 0; i <= r.Count; i++) d[i, 0] = i;
        for (int j = 0; j <= h.Count; j++) d[0, j] = j;
        for (int i = 1; i <= r.Count; i++)
            for (int j = 1; j <= h.Count; j++)
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (r[i - 1] == h[j - 1] ? 0 : 1));
        var pairs = new List<(string?, string?)>();
        int a = r.Count, b = h.Count;
        while (a > 0 || b > 0)
        {
            if (a > 0 && b > 0 && d[a, b] == d[a - 1, b - 1] + (r[a - 1] == h[b - 1] ? 0 : 1)) { pairs.Add((r[a - 1], h[b - 1])); a--; b--; }
            else if (a > 0 && d[a, b] == d[a - 1, b] + 1) { pairs.Add((r[a - 1], null)); a--; }
            else { pairs.Add((null, h[b - 1])); b--; }
        }
        pairs.Reverse();
        return pairs;
    }

    public static int Edits(IReadOnlyList<string> r, IReadOnlyList<string> h) => Align(r, h).Count(p => p.Ref != p.Hyp);
}

/// <summary>
/// The recogniser's word confusions on commands (fitted LM, clean speech): `sub REF HYP COUNT`, `del REF - COUNT`,
/// `ins - HYP COUNT`, tab-separated, most frequent first (docs/voice.md §6; robust training reads it).
/// </summary>
internal static class Confusions
{
    public static string Table(IEnumerable<Recognised> runs)
    {
        var counts = new Dictionary<(string, string, string), int>();
        int words = 0;
        foreach (Recognised r in runs)
        {
            var reference = Saffu.Training.Speech.SpokenWords.Of(r.Utterance.Sentence.Text);
            words += reference.Count;
            foreach (var (a, b) in Alignment.Align(reference, r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                if (a == b) continue;
                var key = a is null ? ("ins", "-", b!) : b is null ? ("del", a, "-") : ("sub", a, b);
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var text = new System.Text.StringBuilder();
        text.Append($"# recogniser confusions on {words} reference words of spoken commands (tools/Saffu.Speech --confusions); kind\tref\thyp\tcount\n");
        foreach (var ((kind, a, b), n) in counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key.Item1, StringComparer.Ordinal)
                     .ThenBy(c => c.Key.Item2, StringComparer.Ordinal).ThenBy(c => c.Key.Item3, StringComparer.Ordinal))
            text.Append($"{kind}\t{a}\t{b}\t{n}\n");
        return text.ToString();
    }
}
