namespace Saffu.Training.Corpus;

/// <summary>The checks every format applies to a parsed line, and the skip-or-fail policy.</summary>
internal sealed class UtteranceRules
{
    readonly string path;
    readonly ReadOptions options;
    readonly List<Utterance> utterances = new();
    readonly List<DatasetException> skipped = new();

    public UtteranceRules(string path, ReadOptions options)
    {
        this.path = path;
        this.options = options;
    }

    public ReadOptions Options => options;
    public string Path => path;

    /// <summary>Checks the text and label and keeps the utterance, or reports the problem.</summary>
    public void Add(int line, string text, string? intent, IReadOnlyDictionary<string, string> slots, string? category = null,
        IReadOnlyList<string>? lights = null)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            Problem(Malformed(line, "an empty transcript", "a non-empty transcript"));
            return;
        }
        string? label = intent?.Trim();
        if (label is { Length: 0 }) label = null;
        if (label is null && options.RequireIntent)
        {
            Problem(Malformed(line, "no intent label", "an intent label"));
            return;
        }
        if (label is not null && options.KnownIntents is { } known && !known.Contains(label))
        {
            Problem(new DatasetException(DatasetError.UnknownLabel, path, line, $"the label {DatasetException.Quote(label)}",
                $"one of the model's {known.Count} intents ({Sample(known)})"));
            return;
        }
        utterances.Add(new Utterance(text, label, slots, new SourceLine(path, line)) { Category = category, Lights = lights });
    }

    /// <summary>Skips and counts a line problem when allowed, otherwise throws it.</summary>
    public void Problem(DatasetException problem)
    {
        if (options.SkipBadLines && problem.IsLineProblem) skipped.Add(problem);
        else throw problem;
    }

    public DatasetException Malformed(int line, string found, string expected) =>
        new(DatasetError.Malformed, path, line, found, expected);

    public Dataset Finish(DatasetFormat format)
    {
        if (utterances.Count == 0)
        {
            string found = skipped.Count == 0 ? "no utterances" : $"no usable utterances ({skipped.Count} bad lines skipped; first: {skipped[0].Message})";
            throw new DatasetException(DatasetError.Empty, path, 0, found, "at least one utterance");
        }
        return new Dataset(path, format, utterances, skipped);
    }

    static string Sample(IReadOnlySet<string> known)
    {
        var first = known.Order(StringComparer.Ordinal).Take(8).ToList();
        return string.Join(", ", first) + (known.Count > first.Count ? ", …" : "");
    }
}
