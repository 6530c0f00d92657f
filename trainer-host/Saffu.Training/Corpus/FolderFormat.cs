namespace Saffu.Training.Corpus;

/// <summary>The `../shared/data/` format: `seq.in` (one transcript a line) and `label` (its intent), line-aligned.</summary>
public static class FolderFormat
{
    public const string TextFile = "seq.in";
    public const string LabelFile = "label";

    /// <summary>Reads both streams in step; a different number of lines is always an error.</summary>
    public static Dataset Read(Stream texts, Stream labels, string textPath, string labelPath, ReadOptions options)
    {
        var rules = new UtteranceRules(textPath, options);
        using var textLines = new LineReader(texts, textPath, options.MaxLineBytes).Lines().GetEnumerator();
        using var labelLines = new LineReader(labels, labelPath, options.MaxLineBytes).Lines().GetEnumerator();
        int count = 0;
        while (true)
        {
            bool hasText = textLines.MoveNext(), hasLabel = labelLines.MoveNext();
            if (!hasText && !hasLabel) break;
            if (hasText != hasLabel) throw Mismatch(textLines, labelLines, hasText, count, textPath, labelPath);
            count++;
            RawLine text = textLines.Current, label = labelLines.Current;
            if (text.Problem is not null) rules.Problem(text.Problem);
            else if (label.Problem is not null) rules.Problem(label.Problem);
            else rules.Add(text.Number, text.Text!, label.Text, Utterance.NoSlots);
        }
        return rules.Finish(DatasetFormat.Folder);
    }

    static DatasetException Mismatch(IEnumerator<RawLine> textLines, IEnumerator<RawLine> labelLines, bool textLonger,
        int common, string textPath, string labelPath)
    {
        int longer = common + 1;
        while ((textLonger ? textLines : labelLines).MoveNext()) longer++;
        string found = textLonger
            ? $"{TextFile} has {longer} lines but {LabelFile} has {common}"
            : $"{TextFile} has {common} lines but {LabelFile} has {longer}";
        return new DatasetException(DatasetError.LineCountMismatch, textLonger ? labelPath : textPath, 0, found,
            "one label line for every transcript line");
    }
}
