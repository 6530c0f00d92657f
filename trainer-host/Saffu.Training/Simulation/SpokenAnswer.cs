namespace Saffu.Training.Simulation;

/// <summary>
/// The sentence a voice front end says back for a decision (`saffu listen --say`, docs/cli.md): what the lights do
/// now ("the kitchen light is on", "the desk lamp is at 40 percent"), the device's reply for an unsupported action,
/// or why nothing was done ("that did not sound like a light command; I only control lights", "sorry, I did not get that").
/// </summary>
public static class SpokenAnswer
{
    public static string For(TranscriptResult r)
    {
        if (r.Action is { } a)
        {
            if (a.Kind == ActionResult.KindPins && a.Lights.Count > 0) return string.Join(", and ", a.Lights.Select(Light));
            if (a.Kind == ActionResult.KindPins) return "done";
            if (a.Kind == ActionResult.KindUnsupported) return a.Message.Replace("?", ".", StringComparison.Ordinal);
            return $"understood {r.Intent}, but this model drives no lights";
        }
        return r.Reason switch
        {
            "none_intent" or "no_anchor" => "that did not sound like a light command; I only control lights",
            "unknown_name" => "there is no light of that name here",
            "unknown_area" => "there is no room of that name here",
            "statement" => "okay",
            "no_words" => "sorry, I did not hear anything",
            _ => "sorry, I did not get that",
        };
    }

    static string Light(LightState l) => l.Level == 0 ? $"the {l.Name} is off"
        : l.Dimmable && l.Level < 100 ? $"the {l.Name} is at {l.Level} percent" : $"the {l.Name} is on";
}
