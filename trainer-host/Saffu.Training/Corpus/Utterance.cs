namespace Saffu.Training.Corpus;

/// <summary>One labelled (or unlabelled) transcript as a reader found it.</summary>
/// <param name="Text">The transcript, as written in the source.</param>
/// <param name="Intent">The intent label; null when the source has none (out-of-domain sets read without labels).</param>
/// <param name="Slots">Slot values by name (`name`, `area`, `color`, `step`; `brightness` as an integer percent in
/// invariant digits); empty when the source has none.</param>
/// <param name="Source">Where it came from, for messages: file path and 1-based line.</param>
/// <param name="Tags">The BIO tag of every token of <paramref name="Text"/> (runtime tokenizer, `&lt;sod&gt;` not counted):
/// `O`, `B-slot`, `I-slot`. Null when the source has none (files): the trainer then finds the slot values among the
/// tokens (<see cref="Slots.SlotTagger"/>). Generated sentences carry their exact tags, so aliases and step words,
/// whose canonical values are not their words, are tagged too.</param>
public sealed record Utterance(string Text, string? Intent, IReadOnlyDictionary<string, string> Slots, SourceLine Source,
    IReadOnlyList<string>? Tags = null)
{
    public static readonly IReadOnlyDictionary<string, string> NoSlots = new Dictionary<string, string>();

    /// <summary>A test set's category of the sentence (JSONL key `category`, e.g. `climate`, `negation`, `multi`); null when none.</summary>
    public string? Category { get; init; }

    /// <summary>The canonical names of every light the command must act on (JSONL key `lights`); null when not given.</summary>
    public IReadOnlyList<string>? Lights { get; init; }
}

/// <summary>A file and 1-based line number.</summary>
public readonly record struct SourceLine(string Path, int Line)
{
    public override string ToString() => $"{Path}:{Line}";
}
