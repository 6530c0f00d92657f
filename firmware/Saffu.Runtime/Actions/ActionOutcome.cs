namespace Saffu.Runtime.Actions
{
    /// <summary>What the planner did with a decision (docs/action-map.md, What it decides).</summary>
    public enum ActionOutcome
    {
        /// <summary>Pin commands were planned (ActionPlanner.Commands).</summary>
        Acted = 0,
        /// <summary>The decision was not understood: no action.</summary>
        NotUnderstood,
        /// <summary>Understood, but the blob has no ActionMap section.</summary>
        NoActionMap,
        /// <summary>The name or area slot names nothing in this home (reason UnknownName or UnknownArea).</summary>
        UnknownTarget,
        /// <summary>Understood, but the target cannot do it (see the reason).</summary>
        NotSupported,
        /// <summary>A question about the lights (ActionKind.Query): ActionPlanner.Answer() tells the targets' state; no pins.</summary>
        Answered,
        /// <summary>The top intent is another device's (ActionKind.Other): "not a light"; ActionPlanner.DomainName() names it.</summary>
        NotALight,
        /// <summary>The top intent is a negation or cancellation (ActionKind.Cancel): nothing is done.</summary>
        Cancelled,
    }

    /// <summary>Why a plan is UnknownTarget or NotSupported; None otherwise.</summary>
    public enum ActionReason
    {
        None = 0,
        /// <summary>The intent has no action (intentAction 0).</summary>
        NoActionForIntent,
        /// <summary>The name slot's words are no light's name or alias.</summary>
        UnknownName,
        /// <summary>The area slot's words are no area's name or alias.</summary>
        UnknownArea,
        /// <summary>A set command with neither brightness, step nor colour ("set what?").</summary>
        NothingToSet,
        /// <summary>The step slot's words are no step phrase.</summary>
        UnknownStep,
        /// <summary>The color slot's words are no colour of the map.</summary>
        UnknownColour,
        /// <summary>A colour for target lights none of which has colour pins: "not supported by this light".</summary>
        ColourUnsupported,
        /// <summary>The decision belongs to another model's session.</summary>
        OtherModel,
        /// <summary>More target spans than ActionPlanner.MaxTargets: refused rather than half done.</summary>
        TooManyTargets,
        /// <summary>A switching command that names no light, room or "all" and says no light word: not every light.</summary>
        NoTarget,
        /// <summary>Not understood: the sentence starts with a statement lead ("i bought", "my mum"): a remark, not a request.</summary>
        Statement,
        /// <summary>A colour after a step span that is no step phrase ("too red"): a complaint about the colour, not a colour to set.</summary>
        ColourStep,
    }
}
