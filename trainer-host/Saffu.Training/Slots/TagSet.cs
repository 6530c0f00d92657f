using Saffu.Training.Corpus;

namespace Saffu.Training.Slots;

/// <summary>
/// The BIO tag labels of a tag head (docs/saffu-model.md §2–§3): `O` first, then `B-slot` and
/// `I-slot` for each slot seen in training, slots in the order of <see cref="SlotNames.All"/>.
/// </summary>
public static class TagSet
{
    public const string Outside = "O";

    public static IReadOnlyList<string> For(IEnumerable<Utterance> utterances)
    {
        var seen = utterances.SelectMany(u => u.Slots.Keys.Concat(TaggedSlots(u))).ToHashSet(StringComparer.Ordinal);
        var labels = new List<string> { Outside };
        foreach (string slot in SlotNames.All.Where(seen.Contains))
        {
            labels.Add("B-" + slot);
            labels.Add("I-" + slot);
        }
        return labels;
    }

    static IEnumerable<string> TaggedSlots(Utterance u) =>
        u.Tags?.Where(t => t.Length > 2 && t[1] == '-').Select(t => t[2..]) ?? [];
}
