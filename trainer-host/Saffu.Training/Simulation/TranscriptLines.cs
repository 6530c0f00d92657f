namespace Saffu.Training.Simulation;

/// <summary>
/// Lines of typed transcripts from a reader, each at most <see cref="MaxLineChars"/> characters: the rest of a longer
/// line is read and dropped (the tokenizer would drop its words anyway), so a line without end cannot exhaust memory.
/// </summary>
public static class TranscriptLines
{
    /// <summary>1 Mi characters, the longest line kept.</summary>
    public const int MaxLineChars = 1 << 20;

    /// <summary>Each line without its end (`\n`, `\r\n`), and whether it was cut to <paramref name="maxChars"/>.</summary>
    public static IEnumerable<(string Text, bool Cut)> Read(TextReader reader, int maxChars = MaxLineChars)
    {
        var line = new System.Text.StringBuilder();
        var buffer = new char[8192];
        bool cut = false, any = false;
        int n;
        while ((n = reader.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (int i = 0; i < n; i++)
            {
                char c = buffer[i];
                if (c == '\n')
                {
                    yield return (TrimCr(line), cut);
                    line.Clear();
                    cut = any = false;
                    continue;
                }
                any = true;
                if (line.Length < maxChars) line.Append(c);
                else cut = true;
            }
        }
        if (any) yield return (TrimCr(line), cut);
    }

    private static string TrimCr(System.Text.StringBuilder line) =>
        line.Length > 0 && line[^1] == '\r' ? line.ToString(0, line.Length - 1) : line.ToString();
}
