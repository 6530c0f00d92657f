using Saffu.Training.Simulation;

namespace Saffu.Training.Speech;

/// <summary>
/// The model as the voice-path rules consult it (docs/voice.md §8–§10): a transcript's decision, every time from the
/// lights' load states (all off, last level 100, white) and leaving them so. The rules run the model on the same
/// transcript, on it without a word and on its rivals several times per utterance; through a plain
/// <see cref="TranscriptRunner"/> (whose lights keep what the last transcript did to them) each run would start from
/// what the previous one switched, and a decision could depend on an earlier check. Pass a model loaded for the judge
/// alone: its lights are reset around every run.
/// </summary>
public sealed class DecisionJudge(Saffu.Runtime.Model.SaffuModel ownCopy)
{
    readonly TranscriptRunner _runner = new(ownCopy);

    /// <summary>The decision on <paramref name="text"/> from the load states; the model's lights are at their load states again afterwards.</summary>
    public TranscriptResult Decide(string text)
    {
        ownCopy.Actions.Reset();
        try
        {
            return _runner.Run(text);
        }
        finally
        {
            ownCopy.Actions.Reset();
        }
    }

    /// <summary>A decision that drives pins: the only kind that can switch a light nobody asked for.</summary>
    public static bool Acts(TranscriptResult r) => r.Understood && r.Action?.Kind == ActionResult.KindPins;

    /// <summary>The same decision: both understood or not, the same intent, the same canonical slots (the same lights set the same way).</summary>
    public static bool Same(TranscriptResult a, TranscriptResult b) =>
        a.Understood == b.Understood && a.Intent == b.Intent
        && a.Slots.OrderBy(s => s.Name, StringComparer.Ordinal).SequenceEqual(b.Slots.OrderBy(s => s.Name, StringComparer.Ordinal));
}
