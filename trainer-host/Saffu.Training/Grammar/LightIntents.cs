namespace Saffu.Training.Grammar;

/// <summary>The lights model's labels (docs/grammar.md §1): Home Assistant intent names and the not-understood class.</summary>
public static class LightIntents
{
    public const string TurnOn = "HassTurnOn";
    public const string TurnOff = "HassTurnOff";
    public const string Toggle = "HassToggle";
    public const string LightSet = "HassLightSet";
    public const string None = "<none>";

    /// <summary>The four light intents, then <see cref="None"/>.</summary>
    public static readonly IReadOnlyList<string> All = [TurnOn, TurnOff, Toggle, LightSet, None];

    public static bool IsKnown(string intent) => All.Contains(intent);
}
