using Saffu.Training.Corpus;

namespace Saffu.Training.Grammar;

/// <summary>The lights model's slots (docs/grammar.md §1): the trainer's five (<see cref="SlotNames"/>).</summary>
public static class LightSlots
{
    public const string Name = SlotNames.Name;
    public const string Area = SlotNames.Area;
    public const string Color = SlotNames.Color;
    public const string Brightness = SlotNames.Brightness;
    /// <summary>A relative brightness change: <see cref="Up"/> or <see cref="Down"/>.</summary>
    public const string Step = SlotNames.Step;
    public const string Up = "up";
    public const string Down = "down";

    /// <summary>In tag-label order.</summary>
    public static readonly IReadOnlyList<string> All = [Name, Area, Color, Brightness, Step];

    /// <summary>Slots a sentence of <paramref name="intent"/> may carry.</summary>
    public static IReadOnlyList<string> AllowedFor(string intent) => intent switch
    {
        LightIntents.LightSet or LightIntents.None or LightIntents.Nevermind => All,
        _ => [Name, Area],
    };
}
