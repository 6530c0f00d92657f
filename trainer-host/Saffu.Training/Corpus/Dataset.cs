namespace Saffu.Training.Corpus;

/// <summary>The utterances read from one data path, and the lines skipped on the way.</summary>
/// <param name="Path">The path as given.</param>
/// <param name="Format">Which reader read it.</param>
/// <param name="Utterances">In file order.</param>
/// <param name="Skipped">The problems of the lines skipped under <see cref="ReadOptions.SkipBadLines"/>, in file order.</param>
public sealed record Dataset(string Path, DatasetFormat Format, IReadOnlyList<Utterance> Utterances, IReadOnlyList<DatasetException> Skipped)
{
    public int SkippedLines => Skipped.Count;

    /// <summary>Distinct intents in order of first appearance.</summary>
    public IReadOnlyList<string> Intents() =>
        Utterances.Where(u => u.Intent is not null).Select(u => u.Intent!).Distinct(StringComparer.Ordinal).ToList();
}

/// <summary>The three data formats of docs/cli.md, detected from the path.</summary>
public enum DatasetFormat
{
    /// <summary>A folder holding line-aligned `seq.in` (texts) and `label` (intents).</summary>
    Folder,
    /// <summary>One JSON object a line: `text`, `intent`, optional `slots`.</summary>
    Jsonl,
    /// <summary>RFC 4180 CSV: `text,intent`, optional header row.</summary>
    Csv,
}
