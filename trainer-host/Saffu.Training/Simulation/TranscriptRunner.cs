using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Training.Simulation;

/// <summary>
/// The host simulator (`saffu run`): typed transcripts through the device runtime — session, decision, action
/// planner — exactly as the device runs them. The lights' state persists from one transcript to the next.
/// </summary>
public sealed class TranscriptRunner
{
    private readonly SaffuModel _model;
    private readonly Session _session;
    private readonly string[] _intents;

    public TranscriptRunner(SaffuModel model)
    {
        _model = model;
        _session = model.Session;
        _intents = Enumerable.Range(0, model.Intents.Count).Select(model.Intents.Name).ToArray();
        model.Actions.Reset();
    }

    /// <summary>The answer of an understood decision whose blob has no action map (as the device says it).</summary>
    public const string NoActionMapAnswer = "understood, but this model drives no lights";

    public SaffuModel Model => _model;
    public IReadOnlyList<string> Intents => _intents;

    /// <summary>Runs one transcript; with <paramref name="trace"/>, the scores after every word.</summary>
    public TranscriptResult Run(string text, bool trace = false)
    {
        var steps = trace ? new List<TraceStep>() : null;
        bool truncated = Push(text, steps);
        Decision d = _session.Decision;
        if (_session.Words == 0)
            return new TranscriptResult(text, _intents[d.TopIntent], null, false, d.Confidence / 32768.0, CanonicalSlots.Read(_session, _model.Actions, planned: false),
                null, ReasonCodes.Code(DecisionReason.NoWords), Early(d), truncated, steps)
            {
                Answer = ReasonCodes.Message(DecisionReason.NoWords),
            };
        // Planned first: a correction (docs/action-map.md step 0) runs the session again over the corrected command, and
        // the top intent, confidence, slots and early decision reported are those of the words decided on.
        ActionOutcome outcome = _model.Actions.Plan(d);
        string top = _intents[d.TopIntent];
        double confidence = d.Confidence / 32768.0;
        EarlyDecision? early = Early(d);
        var slots = CanonicalSlots.Read(_session, _model.Actions, planned: true);
        // The one reason table the device's answers and log use too (Saffu.Runtime.Actions.ReasonCodes).
        DecisionReason why = ReasonCodes.NotUnderstood(_session, outcome, _model.Actions.Reason);
        string? reason = ReasonCodes.Code(why);
        ActionResult? action = reason is null ? Action(outcome) : null;
        // A question's lead word turns a light intent into a question (docs/action-map.md step 0): the planner reports HassGetState.
        string? intent = action is null ? null : _intents[_model.Actions.ReportedIntent];
        return new TranscriptResult(text, top, intent, action is not null, confidence, slots, action, reason, early, truncated, steps)
        {
            Domain = _model.Actions.DomainName(),
            Correction = _model.Actions.CorrectionText(_session.State.Tokens),
            Answer = action is null ? ReasonCodes.NotUnderstoodMessage(why, _model.Actions)
                : action.Kind == ActionResult.KindNoActionMap ? NoActionMapAnswer : action.Message,
        };
    }

    /// <summary>Reset, then push every token (as <see cref="Session.PushLine"/>), recording a trace step after each; true when words were dropped.</summary>
    private bool Push(string text, List<TraceStep>? steps)
    {
        _session.Reset();
        TokenBuffer tokens = _session.State.Tokens;
        _model.Vocabulary.Tokenize(text, tokens);
        for (int i = 0; i < tokens.Count; i++)
        {
            int early = _session.Decision.EarlyPosition;
            if (_session.Push(_model.Vocabulary.Find(tokens, i, _model.Config.OovId), tokens.Values[i]) != PushResult.Ok) return true;
            steps?.Add(Step(tokens.SaidText(i),
                early < 0 && _session.Decision.EarlyPosition >= 0));
        }
        return tokens.Truncated;
    }

    private TraceStep Step(string word, bool early)
    {
        Decision d = _session.Decision;
        var scores = new double[_intents.Length];
        for (int i = 0; i < scores.Length; i++) scores[i] = d.Score(i) / 32768.0;
        int tag = d.Tag(_session.Position);
        return new TraceStep(_session.Words, word, _intents[d.TopIntent], d.Confidence / 32768.0, scores,
            tag < 0 ? null : _model.TagLabels.Name(tag), early);
    }

    private EarlyDecision? Early(Decision d)
    {
        if (d.EarlyPosition < 0) return null;
        int t = d.EarlyPosition;
        int words = _model.Config.PrependSod ? t - 1 : t;
        int number = _session.State.Numbers[t - 1];
        string word = number >= 0 ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) : _model.Vocabulary.Word(_session.State.WordIds[t - 1]);
        return new EarlyDecision(words, word, _intents[d.EarlyIntent]);
    }

    private ActionResult Action(ActionOutcome outcome)
    {
        ActionPlanner planner = _model.Actions;
        string? kind = ReasonCodes.ActionCode(planner.Action);
        if (outcome == ActionOutcome.NoActionMap)
            return new ActionResult(ActionResult.KindNoActionMap, null, null, "the blob has no action map: nothing is driven", [], []);
        if (outcome == ActionOutcome.NotSupported)
        {
            var (reason, message) = Unsupported(planner.Reason);
            return new ActionResult(ActionResult.KindUnsupported, kind, reason, message, [], []);
        }
        if (outcome == ActionOutcome.Answered)
            return new ActionResult(ActionResult.KindAnswer, kind, null, planner.Answer()!, [], Targets());
        PinCommands commands = planner.Commands;
        var pins = Enumerable.Range(0, commands.Count)
            .Select(i => new PinCommand(commands.Pin(i), commands.Kind(i) == PinKind.Pwm ? "pwm" : "digital", commands.Level(i))).ToArray();
        LightState[] lights = Driven(pins);
        return new ActionResult(ActionResult.KindPins, kind, null, Describe(lights), pins, lights);
    }

    /// <summary>The lights whose pins the commands name, in light order, with their state after the plan.</summary>
    private LightState[] Driven(IReadOnlyList<PinCommand> pins)
    {
        ActionMap map = _model.Actions.Map!;
        LightStates states = _model.Actions.States;
        var driven = new List<LightState>();
        for (int light = 0; light < map.LightCount; light++)
        {
            int pin = map.HasColor(light) ? map.ColorPin(light, 0) : map.Pin(light);
            if (!pins.Any(p => p.Pin == pin)) continue;
            int[]? color = map.HasColor(light) ? [states.Color(light, 0), states.Color(light, 1), states.Color(light, 2)] : null;
            driven.Add(new LightState(map.LightName(light), states.Level(light), map.IsDimmable(light), color));
        }
        return driven.ToArray();
    }

    /// <summary>The plan's target lights with their current state (a question's answer).</summary>
    private LightState[] Targets()
    {
        ActionMap map = _model.Actions.Map!;
        LightStates states = _model.Actions.States;
        return Enumerable.Range(0, map.LightCount).Where(_model.Actions.IsTargetOf).Select(light => new LightState(map.LightName(light),
            states.Level(light), map.IsDimmable(light),
            map.HasColor(light) ? [states.Color(light, 0), states.Color(light, 1), states.Color(light, 2)] : null)).ToArray();
    }

    private static (string Reason, string Message) Unsupported(ActionReason reason)
    {
        DecisionReason why = ReasonCodes.Unsupported(reason);
        return (ReasonCodes.Code(why)!, ReasonCodes.Message(why));
    }

    private static string Describe(IReadOnlyList<LightState> lights) => string.Join(", ", lights.Select(l =>
        $"{l.Name} {(l.Level == 0 ? "off" : l.Dimmable ? $"{l.Level}%" : "on")}{(l.Color is { } c && l.Level > 0 ? $" colour {c[0]},{c[1]},{c[2]}" : "")}"));
}
