using System.Text;
using Saffu.Training.Corpus;

namespace Saffu.Training.Grammar;

/// <summary>
/// Hand-written sentences that are not light commands (models/lights/not-lights.txt): one a line,
/// `#` lines are comments, blank lines ignored; every line has words, and no two lines have the same tokens.
/// </summary>
public sealed record NotLightsList(string Path, IReadOnlyList<(string Text, int Line)> Sentences)
{
    public const string ShippedPath = "models/lights/not-lights.txt";

    static readonly Lazy<NotLightsList> shipped = new(() => Parse(ShippedFiles.Read(ShippedFiles.NotLights), ShippedPath));

    public static NotLightsList Shipped => shipped.Value;

    public static NotLightsList Load(string path)
    {
        try
        {
            return Parse(File.ReadAllText(path, new UTF8Encoding(false, throwOnInvalidBytes: true)), path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw new GrammarException(GrammarError.Unreadable, path, 0, 0, $"a file that cannot be read ({e.Message})", "a UTF-8 sentence list", e);
        }
    }

    public static NotLightsList Parse(string text, string path)
    {
        var tokens = new SentenceTokens();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var sentences = new List<(string, int)>();
        string[] lines = text.Split('\n');
        for (int n = 1; n <= lines.Length; n++)
        {
            string line = lines[n - 1].Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            SentenceToken[] words = tokens.Tokenize(line)
                ?? throw new GrammarException(GrammarError.EmptySentence, path, n, 0, $"more than {SentenceTokens.MaxTokens} tokens", "a sentence");
            if (words.Length == 0)
                throw new GrammarException(GrammarError.EmptySentence, path, n, 0, $"\"{line}\" with no words", "a sentence with words");
            string key = SentenceTokens.Key(words);
            if (firstLine.TryGetValue(key, out int first))
                throw new GrammarException(GrammarError.DuplicateSentence, path, n, 0, $"\"{line}\", the same tokens as line {first}", "each sentence once");
            firstLine[key] = n;
            sentences.Add((line, n));
        }
        return new NotLightsList(path, sentences);
    }

    /// <summary>Each sentence labelled `&lt;none&gt;` with no slots.</summary>
    public IEnumerable<Utterance> Utterances() =>
        Sentences.Select(s => new Utterance(s.Text, LightIntents.None, Utterance.NoSlots, new SourceLine(Path, s.Line)));
}
