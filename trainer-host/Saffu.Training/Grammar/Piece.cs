namespace Saffu.Training.Grammar;

/// <summary>Words of a sentence being built; a slot piece carries the slot and its canonical value.</summary>
readonly record struct Piece(string Text, string? Slot = null, string? Value = null);

/// <summary>What a template's built-in lists say in one expansion (docs/grammar.md §3).</summary>
sealed record Binding(Home.Light? Light, Home.Area? Area, NamedColor? Color, int Brightness, bool BrightnessInWords)
{
    public string BrightnessText => BrightnessInWords ? NumberWords.Say(Brightness) : Brightness.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
