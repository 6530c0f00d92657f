using Saffu.Runtime.Actions;

namespace Saffu.Training.Simulation;

/// <summary>One pin command: a GPIO, how it is driven (`digital` 0/1 or `pwm` permille 0..1000) and the level.</summary>
public sealed record PinCommand(int Pin, string Mode, int Level);

/// <summary>
/// What the device does for an understood transcript (docs/cli.md, saffu run): `pins` (pin commands), `unsupported`
/// (a reply such as "not supported by this light", no pin changes) or `no_action_map` (a blob without an action map:
/// the decision is reported, nothing is driven).
/// </summary>
/// <param name="Action">The intent's action (`on`, `off`, `toggle`, `set`), null when the intent has none.</param>
/// <param name="Reason">Why it is unsupported (`colour_unsupported`, `unknown_colour`, `unknown_step`, `nothing_to_set`, `no_action_for_intent`); null otherwise.</param>
/// <param name="Lights">The lights the pin commands drive, with their new state (empty unless `pins`).</param>
public sealed record ActionResult(string Kind, string? Action, string? Reason, string Message, IReadOnlyList<PinCommand> Pins,
    IReadOnlyList<LightState> Lights)
{
    public const string KindPins = ReasonCodes.KindPins, KindUnsupported = ReasonCodes.KindUnsupported, KindNoActionMap = ReasonCodes.KindNoActionMap,
        KindAnswer = ReasonCodes.KindAnswer;
}

/// <summary>A light's state after an action: level in percent (a plain light: 0 or 100), whether it dims, and its colour
/// (red, green, blue 0..255) when it has colour pins.</summary>
public sealed record LightState(string Name, int Level, bool Dimmable, IReadOnlyList<int>? Color);

/// <summary>The first position where the early rule held (docs/saffu-model.md §3): words heard, the word, the intent.</summary>
public sealed record EarlyDecision(int Words, string Word, string Intent);

/// <summary>The scores after one word (`--trace`).</summary>
/// <param name="Words">Words heard so far (&lt;sod&gt; not counted).</param>
/// <param name="Scores">Probability of every intent (Q15 / 32768), intent order.</param>
/// <param name="Tag">The word's tag label, null without a tag head.</param>
/// <param name="Early">True at the word where the early decision fired.</param>
public sealed record TraceStep(int Words, string Word, string Top, double Confidence, IReadOnlyList<double> Scores, string? Tag, bool Early);

/// <summary>
/// One transcript through the simulator. <see cref="Understood"/> is false exactly when <see cref="Action"/> is null:
/// not understood by the model (none class, confidence below the threshold, no words) or naming a light or area
/// this home does not have.
/// </summary>
/// <param name="Top">The decision's top intent (also when not understood).</param>
/// <param name="Intent">The understood intent; null when not understood.</param>
/// <param name="Reason">Why not understood: `none_intent`, `low_confidence`, `no_anchor`, `no_words`, `unknown_name`, `unknown_area`,
/// `not_a_light` (another device's command: <see cref="Domain"/>), `cancelled` (a negation or cancellation), `statement` (a remark: a statement lead); null when understood.</param>
/// <param name="Truncated">The tokenizer dropped words past the model's maxWords.</param>
public sealed record TranscriptResult(string Text, string Top, string? Intent, bool Understood, double Confidence,
    IReadOnlyList<SlotValue> Slots, ActionResult? Action, string? Reason, EarlyDecision? Early, bool Truncated,
    IReadOnlyList<TraceStep>? Trace)
{
    /// <summary>The domain heard (`climate`, `media_player`, …) when <see cref="Reason"/> is `not_a_light`; else null.</summary>
    public string? Domain { get; init; }

    /// <summary>
    /// The words a correction decided on ("turn on the hall light" of "no wait, turn on the hall light": docs/action-map.md
    /// step 0); the decision, slots and action are theirs. Null when the transcript was decided whole.
    /// </summary>
    public string? Correction { get; init; }

    /// <summary>
    /// One sentence for a person, as the device's `say` answers (docs/serial-protocol.md): the reply to a question ("the
    /// kitchen light is on at 60 %"), the action's message, or why nothing was done ("not a light: that is for the climate").
    /// </summary>
    public string? Answer { get; init; }
}
