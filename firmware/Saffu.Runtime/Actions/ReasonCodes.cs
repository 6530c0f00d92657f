using Saffu.Runtime.Model;

namespace Saffu.Runtime.Actions
{
    /// <summary>
    /// Why a decision did nothing, as one value for every reporter (saffu run, the device's answers
    /// and decision log). Add a reason here, with its code and message, and it reaches them all.
    /// </summary>
    public enum DecisionReason
    {
        None = 0,
        // Not understood: no action at all.
        NoWords,
        NoneIntent,
        LowConfidence,
        NoAnchor,
        UnknownName,
        UnknownArea,
        OtherModel,
        /// <summary>Another device's command (other:DOMAIN): "not a light"; the domain is ActionPlanner.DomainName().</summary>
        NotALight,
        /// <summary>A negation or cancellation: nothing done.</summary>
        Cancelled,
        // Understood, but the action is "unsupported": a reply, no pin change.
        NoActionForIntent,
        NothingToSet,
        UnknownStep,
        UnknownColour,
        ColourUnsupported,
        /// <summary>More name and area spans than ActionPlanner.MaxTargets.</summary>
        TooManyTargets,
        /// <summary>Not understood: a switching command that names no light, room or "all" and says no light word.</summary>
        NoTarget,
        /// <summary>Not understood: a remark about the lights ("i bought a new floor lamp"), not a request (a statement lead).</summary>
        Statement,
        /// <summary>Unsupported: a colour after a step span that is no step phrase ("too red"): a complaint, not a colour to set.</summary>
        ColourStep,
    }

    /// <summary>
    /// The one mapping from decisions to the snake_case reason codes and messages of docs/cli.md
    /// (saffu run) and docs/serial-protocol.md (the device's `say`): both call it, so they agree.
    /// </summary>
    public static class ReasonCodes
    {
        public const string KindPins = "pins", KindUnsupported = "unsupported", KindNoActionMap = "no_action_map", KindAnswer = "answer";

        /// <summary>
        /// Why the decision was not understood (planner outcome NotUnderstood or UnknownTarget, or no
        /// words pushed), None when it was.
        /// </summary>
        public static DecisionReason NotUnderstood(Session session, ActionOutcome outcome, ActionReason reason)
        {
            if (session.Words == 0) return DecisionReason.NoWords;
            if (outcome == ActionOutcome.UnknownTarget)
                return reason == ActionReason.UnknownName ? DecisionReason.UnknownName : reason == ActionReason.NoTarget ? DecisionReason.NoTarget : DecisionReason.UnknownArea;
            if (outcome == ActionOutcome.NotALight) return DecisionReason.NotALight;
            if (outcome == ActionOutcome.Cancelled) return DecisionReason.Cancelled;
            if (outcome != ActionOutcome.NotUnderstood) return DecisionReason.None;
            if (reason == ActionReason.OtherModel) return DecisionReason.OtherModel;
            if (reason == ActionReason.Statement) return DecisionReason.Statement;
            Decision d = session.Decision;
            ModelConfig c = session.Model.Config;
            if (d.TopIntent == c.NoneIntent) return DecisionReason.NoneIntent;
            if (d.Confidence < c.RejectThreshold) return DecisionReason.LowConfidence;
            return DecisionReason.NoAnchor;
        }

        /// <summary>The reason of a NotSupported plan.</summary>
        public static DecisionReason Unsupported(ActionReason reason)
        {
            switch (reason)
            {
                case ActionReason.ColourUnsupported: return DecisionReason.ColourUnsupported;
                case ActionReason.UnknownColour: return DecisionReason.UnknownColour;
                case ActionReason.UnknownStep: return DecisionReason.UnknownStep;
                case ActionReason.NothingToSet: return DecisionReason.NothingToSet;
                case ActionReason.TooManyTargets: return DecisionReason.TooManyTargets;
                case ActionReason.ColourStep: return DecisionReason.ColourStep;
                default: return DecisionReason.NoActionForIntent;
            }
        }

        /// <summary>The snake_case code; null for None.</summary>
        public static string? Code(DecisionReason reason)
        {
            switch (reason)
            {
                case DecisionReason.NoWords: return "no_words";
                case DecisionReason.NoneIntent: return "none_intent";
                case DecisionReason.LowConfidence: return "low_confidence";
                case DecisionReason.NoAnchor: return "no_anchor";
                case DecisionReason.UnknownName: return "unknown_name";
                case DecisionReason.UnknownArea: return "unknown_area";
                case DecisionReason.OtherModel: return "other_model";
                case DecisionReason.NoActionForIntent: return "no_action_for_intent";
                case DecisionReason.NothingToSet: return "nothing_to_set";
                case DecisionReason.UnknownStep: return "unknown_step";
                case DecisionReason.UnknownColour: return "unknown_colour";
                case DecisionReason.ColourUnsupported: return "colour_unsupported";
                case DecisionReason.NotALight: return "not_a_light";
                case DecisionReason.Cancelled: return "cancelled";
                case DecisionReason.TooManyTargets: return "too_many_targets";
                case DecisionReason.NoTarget: return "no_target";
                case DecisionReason.Statement: return "statement";
                case DecisionReason.ColourStep: return "colour_step";
                default: return null;
            }
        }

        /// <summary>What to tell a person; "" for None.</summary>
        public static string Message(DecisionReason reason)
        {
            switch (reason)
            {
                case DecisionReason.NoWords: return "no words";
                case DecisionReason.NoneIntent: return "not a command this model knows";
                case DecisionReason.LowConfidence: return "confidence below the threshold";
                case DecisionReason.NoAnchor: return "no light word in it (none of the model's anchor words)";
                case DecisionReason.UnknownName: return "no light of that name in this home";
                case DecisionReason.UnknownArea: return "no area of that name in this home";
                case DecisionReason.OtherModel: return "decided by another model";
                case DecisionReason.NoActionForIntent: return "this intent has no action";
                case DecisionReason.NothingToSet: return "set what? no brightness, step or colour heard";
                case DecisionReason.UnknownStep: return "unknown brighter/dimmer phrase";
                case DecisionReason.UnknownColour: return "unknown colour";
                case DecisionReason.ColourUnsupported: return "not supported by this light";
                case DecisionReason.NotALight: return "not a light";
                case DecisionReason.Cancelled: return "cancelled: nothing done";
                case DecisionReason.TooManyTargets: return "more than " + ActionPlanner.MaxTargets + " lights or rooms in one command";
                case DecisionReason.NoTarget: return "which light? no light, room or \"all\" heard";
                case DecisionReason.Statement: return "a remark, not a request: nothing done";
                case DecisionReason.ColourStep: return "a complaint about a colour (\"too red\"), not a colour to set";
                default: return "";
            }
        }

        /// <summary>
        /// The sentence for a person when not understood (allocates): the reason's message, and for
        /// NotALight the domain heard ("not a light: that is for the climate").
        /// </summary>
        public static string NotUnderstoodMessage(DecisionReason reason, ActionPlanner planner)
        {
            string? domain = reason == DecisionReason.NotALight ? planner.DomainName() : null;
            return domain == null ? Message(reason) : Message(reason) + ": that is for the " + domain;
        }

        /// <summary>The message of a code (for reporters that kept only the code); the code itself when unknown.</summary>
        public static string MessageOf(string code)
        {
            for (int i = 1; i < MaxReasons; i++)
            {
                string? c = Code((DecisionReason)i);
                if (c == code) return Message((DecisionReason)i);
            }
            return code;
        }

        /// <summary>Bound on DecisionReason values MessageOf looks at (room for reasons added later).</summary>
        const int MaxReasons = 64;

        /// <summary>The action kind of an understood decision: pins, unsupported or no_action_map; null otherwise.</summary>
        public static string? ActionKindCode(ActionOutcome outcome)
        {
            switch (outcome)
            {
                case ActionOutcome.Acted: return KindPins;
                case ActionOutcome.NotSupported: return KindUnsupported;
                case ActionOutcome.NoActionMap: return KindNoActionMap;
                case ActionOutcome.Answered: return KindAnswer;
                default: return null;
            }
        }

        /// <summary>on, off, toggle, set; null for None.</summary>
        public static string? ActionCode(ActionKind kind)
        {
            switch (kind)
            {
                case ActionKind.On: return "on";
                case ActionKind.Off: return "off";
                case ActionKind.Toggle: return "toggle";
                case ActionKind.Set: return "set";
                case ActionKind.Query: return "query";
                default: return null;
            }
        }
    }
}
