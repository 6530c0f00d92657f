using System.Globalization;

namespace Saffu.Training.Corpus;

/// <summary>
/// The slots a transcript may carry (docs/cli.md): four strings (`step` is a relative brightness change,
/// `up` or `down`, docs/grammar.md §1) and an integer percent.
/// </summary>
public static class SlotNames
{
    public const string Name = "name";
    public const string Area = "area";
    public const string Color = "color";
    public const string Brightness = "brightness";
    public const string Step = "step";

    /// <summary>In tag-label order (docs/saffu-model.md §3: slots in order of first appearance in the labels).</summary>
    public static readonly IReadOnlyList<string> All = [Name, Area, Color, Brightness, Step];

    public const int MinBrightness = 0;
    public const int MaxBrightness = 100;

    public static bool IsText(string slot) => slot is Name or Area or Color or Step;

    /// <summary>Brightness as stored in <see cref="Utterance.Slots"/>: invariant digits.</summary>
    public static string FormatBrightness(int percent) => percent.ToString(CultureInfo.InvariantCulture);
}
