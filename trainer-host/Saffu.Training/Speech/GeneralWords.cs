namespace Saffu.Training.Speech;

/// <summary>
/// The background of the fitted language model (docs/voice.md §2): the 3,000 most probable words of pocketsphinx-en-us's
/// general English model with their unigram probabilities (`general-words.tsv`, built into the library), mixed into
/// the unigram level with weight <see cref="Share"/>, so speech that is no command is heard as the general words it
/// is (the model reads them as &lt;oov&gt;) instead of being forced into the model's own words.
/// </summary>
public static class GeneralWords
{
    public const string Resource = "Saffu.Training.Speech.general-words.tsv";
    /// <summary>Weight of the general words at the unigram level (docs/voice.md §5 measures it).</summary>
    public const double Share = 0.5;

    public static IReadOnlyList<(string Word, double P)> Shipped { get; } = Parse(Read());

    /// <summary>`word TAB log10 p` lines, `#` comments.</summary>
    public static IReadOnlyList<(string Word, double P)> Parse(string text) => text.Split('\n')
        .Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'))
        .Where(f => f.Length == 2 && double.TryParse(f[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        .Select(f => (f[0], Math.Pow(10, double.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)))).ToList();

    static string Read()
    {
        using Stream? stream = typeof(GeneralWords).Assembly.GetManifestResourceStream(Resource);
        if (stream is null) return "";
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
