using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.Model;
using Saffu.Training.Simulation;

namespace Saffu.Training.Retraining;

/// <summary>A labelled set the guard evaluates: the model folder's held-out set or a `--test` set.</summary>
public sealed record GuardSet(string Name, IReadOnlyList<Utterance> Utterances);

/// <summary>What a blob decided for one transcript, as the device acts on it: understood, intent, canonical slots.</summary>
public sealed record DeviceDecision(bool Understood, string? Intent, IReadOnlyDictionary<string, string> Slots)
{
    public override string ToString() => !Understood ? "not understood"
        : Intent + (Slots.Count == 0 ? "" : " " + string.Join(" ", Slots.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")));
}

/// <summary>One set before and after: decisions right (intent, rejection and — when the set labels slots — slots), and the near misses acted on.</summary>
public sealed record SetComparison(string Name, int N, int RightBefore, int RightAfter, int NearMisses, int ActedOnBefore, int ActedOnAfter)
{
    public double Before => N == 0 ? double.NaN : RightBefore / (double)N;
    public double After => N == 0 ? double.NaN : RightAfter / (double)N;
    /// <summary>Accuracy change in percentage points.</summary>
    public double ChangePoints => (After - Before) * 100;
}

/// <summary>An utterance whose decision changed.</summary>
/// <param name="NewlyActedOn">A near miss (labelled none) the old model refused and the new one acts on.</param>
public sealed record ChangedDecision(string Set, Utterance Utterance, DeviceDecision Before, DeviceDecision After, bool RightBefore, bool RightAfter,
    bool NewlyActedOn);

/// <summary>The guard's verdict: the table, the changed decisions, and why it refuses (empty: it lets the new model through).</summary>
public sealed record GuardReport(IReadOnlyList<SetComparison> Sets, IReadOnlyList<ChangedDecision> Changed, IReadOnlyList<string> Refusals)
{
    public bool Passes => Refusals.Count == 0;
}

/// <summary>
/// The regression guard of `saffu retrain` (docs/retraining.md): runs the old and the new blob through the device runtime
/// on the host (the decisions the device would take) over every set, and refuses when a set's accuracy falls by more than
/// the allowed points or a near miss (an utterance labelled `&lt;none&gt;`) that the old model refused is now acted on.
/// </summary>
public static class RegressionGuard
{
    public static GuardReport Compare(byte[] oldBlob, byte[] newBlob, IReadOnlyList<GuardSet> sets, double maxDropPoints)
    {
        var oldRunner = new TranscriptRunner(SimulatedModel.Load(oldBlob, "parent model"));
        var newRunner = new TranscriptRunner(SimulatedModel.Load(newBlob, "retrained model"));
        var table = new List<SetComparison>();
        var changed = new List<ChangedDecision>();
        var refusals = new List<string>();
        foreach (GuardSet set in sets)
        {
            bool slots = set.Utterances.Any(u => u.Slots.Count > 0);
            int rightBefore = 0, rightAfter = 0, nearMisses = 0, actedBefore = 0, actedAfter = 0;
            foreach (Utterance u in set.Utterances)
            {
                DeviceDecision before = Decide(oldRunner, u.Text), after = Decide(newRunner, u.Text);
                bool okBefore = IsRight(u, before, slots), okAfter = IsRight(u, after, slots);
                rightBefore += okBefore ? 1 : 0;
                rightAfter += okAfter ? 1 : 0;
                bool nearMiss = u.Intent == FloatModel.NoneIntentName;
                nearMisses += nearMiss ? 1 : 0;
                actedBefore += nearMiss && before.Understood ? 1 : 0;
                actedAfter += nearMiss && after.Understood ? 1 : 0;
                bool newlyActedOn = nearMiss && !before.Understood && after.Understood;
                if (before != after && !Same(before, after)) changed.Add(new ChangedDecision(set.Name, u, before, after, okBefore, okAfter, newlyActedOn));
                if (newlyActedOn) refusals.Add($"{set.Name}: the near miss \"{u.Text}\" was refused and is now acted on ({after})");
            }
            var row = new SetComparison(set.Name, set.Utterances.Count, rightBefore, rightAfter, nearMisses, actedBefore, actedAfter);
            table.Add(row);
            if (row.N > 0 && -row.ChangePoints > maxDropPoints + 1e-9)
                refusals.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{set.Name}: accuracy fell {-row.ChangePoints:F2} points ({row.Before:P2} → {row.After:P2}); at most {maxDropPoints:0.##} allowed (--max-drop)"));
        }
        return new GuardReport(table, changed, refusals);
    }

    /// <summary>The device's decision for one transcript.</summary>
    public static DeviceDecision Decide(TranscriptRunner runner, string text)
    {
        TranscriptResult r = runner.Run(text);
        var slots = r.Slots.ToDictionary(s => s.Name, s => s.Number is int n ? n.ToString(CultureInfo.InvariantCulture) : s.Text, StringComparer.Ordinal);
        return new DeviceDecision(r.Understood, r.Intent, slots);
    }

    /// <summary>Right: a none-labelled utterance is refused; a command is understood with its intent (and its slots when the set labels slots).</summary>
    public static bool IsRight(Utterance u, DeviceDecision d, bool withSlots)
    {
        if (u.Intent == FloatModel.NoneIntentName) return !d.Understood;
        if (!d.Understood || d.Intent != u.Intent) return false;
        return !withSlots || SameSlots(u.Slots, d.Slots);
    }

    static bool Same(DeviceDecision a, DeviceDecision b) => a.Understood == b.Understood && a.Intent == b.Intent && SameSlots(a.Slots, b.Slots);

    static bool SameSlots(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out string? v) && v == p.Value);
}
