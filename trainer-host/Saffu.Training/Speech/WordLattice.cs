using System.Globalization;

namespace Saffu.Training.Speech;

/// <summary>
/// A word lattice as pocketsphinx_batch writes it with `-outlatfmt htk` (HTK Standard Lattice Format): nodes
/// `I=n t=SECONDS W=WORD v=VARIANT` — pocketsphinx puts on each node the word that *starts* there at time t — and links
/// `J=n S=FROM E=TO a=ACOUSTIC p=POSTERIOR`, the link S→E carrying W(S) from t(S) to t(E) with its forward-backward
/// posterior. Lines it does not know are ignored.
/// </summary>
public sealed class WordLattice
{
    readonly Dictionary<int, (double Time, string Word)> _nodes = [];
    readonly List<(int From, int To, double Posterior)> _links = [];

    public static WordLattice Parse(IEnumerable<string> lines)
    {
        var lattice = new WordLattice();
        foreach (string line in lines)
        {
            var fields = line.Split((char[])[' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2)
                .GroupBy(kv => kv[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
            if (fields.TryGetValue("I", out string? id) && int.TryParse(id, CultureInfo.InvariantCulture, out int node)
                && fields.TryGetValue("t", out string? t) && double.TryParse(t, CultureInfo.InvariantCulture, out double time))
                lattice._nodes[node] = (time, fields.GetValueOrDefault("W") ?? "");
            else if (fields.TryGetValue("J", out _) && fields.TryGetValue("S", out string? s) && fields.TryGetValue("E", out string? e)
                && fields.TryGetValue("p", out string? p) && int.TryParse(s, CultureInfo.InvariantCulture, out int from)
                && int.TryParse(e, CultureInfo.InvariantCulture, out int to) && double.TryParse(p, CultureInfo.InvariantCulture, out double posterior))
                lattice._links.Add((from, to, posterior));
        }
        return lattice;
    }

    /// <summary>The summed posterior of the links that carry <paramref name="word"/> across the time <paramref name="at"/> (seconds).</summary>
    public double Posterior(string word, double at)
    {
        double sum = 0;
        foreach (var (from, to, posterior) in _links)
        {
            if (!_nodes.TryGetValue(from, out var start) || !_nodes.TryGetValue(to, out var end)) continue;
            if (start.Word == word && start.Time <= at && at < end.Time) sum += posterior;
        }
        return sum;
    }
}
