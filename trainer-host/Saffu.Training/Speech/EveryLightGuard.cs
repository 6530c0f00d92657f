using Saffu.Runtime.Actions;
using Saffu.Training.Simulation;

namespace Saffu.Training.Speech;

/// <summary>
/// Every light only when heard surely (docs/voice.md §14). A spoken command that names no light and no area drives every
/// light (docs/action-map.md step 2), and that is also what is left when the recogniser turns the light's or room's name
/// into other words: "hallway light on" heard as "hello way light on" switches on all nine lights, "turn off the counter
/// lights" heard as "turn off the kind to lights" switches off all of them. The words that replaced the name change
/// nothing in the decision, so §8's check (which guards only the words a decision depends on) never looks at them. This
/// guard does: a driving decision with no `name` or `area` slot, whose words say no every-light word of the action map
/// (kind 5: "all", "every", "everything", "whole house", "brighter", "dim", …; only a light noun such as "light" or
/// "lights" makes it every light), is refused when <em>any</em> of its words was heard with a posterior below the
/// threshold. "turn off all the lights" with "all" unsure is let through (the speaker said every light: the check of §8
/// still guards the words it depends on). Pure logic over a given decision and recognition; <see cref="HearingCheck"/>
/// supplies them from the model.
/// </summary>
public static class EveryLightGuard
{
    /// <summary>Whether the guard applies: the decision drives lights, names no light and no area, and the words said no every-light word.</summary>
    public static bool Guards(TranscriptResult decided, bool saysEveryLight) =>
        DecisionJudge.Acts(decided) && !saysEveryLight
        && !decided.Slots.Any(s => s.Name is ActionPlanner.NameSlot or ActionPlanner.AreaSlot);

    /// <summary>
    /// The least sure word of <paramref name="heard"/> below <paramref name="below"/>, or null when every word is at least
    /// that sure; a word of posterior 0 and no text when the recognition has no posteriors (nothing in it is known to be sure).
    /// </summary>
    public static HeardWord? Weakest(Recognition heard, double below = double.PositiveInfinity)
    {
        if (heard.Text.Length == 0) return null;
        if (!heard.HasPosteriors) return new HeardWord("", 0);
        HeardWord? weakest = null;
        foreach (HeardWord w in heard.Words)
        {
            if (w.Posterior < below && (weakest is null || w.Posterior < weakest.Posterior)) weakest = w;
        }
        return weakest;
    }
}
