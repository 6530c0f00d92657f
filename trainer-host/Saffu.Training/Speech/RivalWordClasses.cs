namespace Saffu.Training.Speech;

/// <summary>
/// The decisive words that compete on equal terms in the fitted language model (docs/voice.md §2, "Rival classes"):
/// words that alone choose between actions and that a corpus says with very different frequencies ("turn on" far
/// more often than "turn down"), so that a frequency-fitted model pushes the frequent one onto speech that said the
/// other. Each class shares one probability in every context (<see cref="ArpaLanguageModel"/>).
/// </summary>
public static class RivalWordClasses
{
    /// <summary>The particles of switching and stepping: "turn on / off / up / down the …", "lights out".</summary>
    public static IReadOnlyList<string> Particles { get; } = ["on", "off", "up", "down", "out"];

    /// <summary>One-word step comparatives of the command grammar (docs/grammar.md `brighter`, `dimmer`).</summary>
    public static IReadOnlyList<string> Comparatives { get; } = ["brighter", "dimmer", "darker", "lighter"];

    /// <summary>The number words that name a value (units, teens, tens); "hundred" builds numbers and is left out.</summary>
    public static IReadOnlyList<string> Numbers { get; } = SpokenWords.NumberWords.Where(w => w != "hundred").ToList();

    /// <summary>The classes of a loaded model (its vocabulary; the colours of its action map).</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Of(Saffu.Runtime.Model.SaffuModel model)
    {
        var words = Enumerable.Range(0, model.Vocabulary.Count).Select(model.Vocabulary.Word).ToList();
        var map = model.Actions.Map;
        return For(words, map is null ? [] : Enumerable.Range(0, map.ColorCount).Select(map.ColorName));
    }

    /// <summary>The classes for a model: particles, comparatives, the one-word colour names of its action map (none
    /// without one) and, when it reads numbers (&lt;num&gt;), the number words.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> For(IReadOnlyList<string> modelWords, IEnumerable<string> colourNames)
    {
        var classes = new List<IReadOnlyList<string>> { Particles, Comparatives };
        var colours = colourNames.Where(c => !c.Contains(' ')).Except([.. Particles, .. Comparatives]).ToList();
        if (colours.Count > 1) classes.Add(colours);
        if (modelWords.Contains("<num>")) classes.Add(Numbers);
        return classes;
    }
}
