using System.Text.Json.Nodes;
using Saffu.Training.Corpus;
using Saffu.Training.Model;

namespace Saffu.Training.Retraining;

/// <summary>The person's verdict on one logged decision (docs/corrections.md).</summary>
public enum Verdict { Ok, Corrected, Ignore, New }

/// <summary>
/// One validated correction: the verdict, the pulled log record it judges (null for a new sentence), and the labelled
/// sentence it teaches — the logged decision where the person said `ok`, their correction otherwise.
/// </summary>
/// <param name="Text">The transcript to train on: the corrected one, else the logged one.</param>
/// <param name="Intent">The intent to train on; <see cref="FloatModel.NoneIntentName"/> for "should not be understood".</param>
/// <param name="Slots">The slots to train on (canonical values).</param>
/// <param name="SlotWords">Per text slot, the transcript's words that said it when they are no known phrase for the value.</param>
public sealed record Correction(Verdict Verdict, JsonObject? Log, string Text, string Intent, IReadOnlyDictionary<string, string> Slots,
    IReadOnlyDictionary<string, string> SlotWords, SourceLine Source)
{
    public static readonly IReadOnlyDictionary<string, string> None = new Dictionary<string, string>();

    /// <summary>Whether it teaches anything (every verdict but `ignore`).</summary>
    public bool Teaches => Verdict != Verdict.Ignore;

    /// <summary>The labelled sentence it teaches.</summary>
    public Utterance Example => new(Text, Intent, Slots, Source);

    /// <summary>Whether the person changed the logged decision (`corrected` or `new`), rather than confirming or skipping it.</summary>
    public bool Changes => Verdict is Verdict.Corrected or Verdict.New;
}
