namespace Saffu.Training.Grammar;

/// <summary>
/// The lights model's labels (docs/grammar.md §1): the four light intents (Home Assistant names), the non-acting
/// intents — a question about the lights (`HassGetState`), a negation or cancellation (`HassNevermind`), a command
/// for another device of the home (`other:DOMAIN`, Home Assistant's domain names) — and the not-understood class.
/// </summary>
public static class LightIntents
{
    public const string TurnOn = "HassTurnOn";
    public const string TurnOff = "HassTurnOff";
    public const string Toggle = "HassToggle";
    public const string LightSet = "HassLightSet";
    public const string GetState = "HassGetState";
    public const string Nevermind = "HassNevermind";
    public const string None = "<none>";
    /// <summary>An intent named `other:DOMAIN` is a command for another device: the device answers "not a light" and the domain.</summary>
    public const string OtherPrefix = "other:";

    /// <summary>The other devices a home has (Home Assistant's domain list), in label order.</summary>
    public static readonly IReadOnlyList<string> Domains =
        ["media_player", "timer", "climate", "cover", "fan", "lock", "vacuum", "switch", "scene", "weather"];

    /// <summary>The four intents that switch lights.</summary>
    public static readonly IReadOnlyList<string> Lights = [TurnOn, TurnOff, Toggle, LightSet];

    /// <summary>The light intents, the state question, the cancellation, the other domains, then <see cref="None"/>.</summary>
    public static readonly IReadOnlyList<string> All =
        [.. Lights, GetState, Nevermind, .. Domains.Select(d => OtherPrefix + d), None];

    public static bool IsKnown(string intent) => All.Contains(intent);

    /// <summary>True for the intents that never switch a light but are understood: state question, cancellation, other domain.</summary>
    public static bool IsNonActing(string intent) => intent is GetState or Nevermind || intent.StartsWith(OtherPrefix, StringComparison.Ordinal);
}
