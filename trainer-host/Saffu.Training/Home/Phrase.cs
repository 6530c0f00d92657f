using Saffu.Runtime.Text;

namespace Saffu.Training.Home;

/// <summary>
/// Names as the device hears them: the runtime tokenizer's words joined by one space
/// (docs/home.md §Keys). Home names, aliases and grammar list entries all go through here.
/// </summary>
public static class Phrase
{
    public const int MaxWords = 8;

    /// <summary>The phrase for <paramref name="text"/>, or null with <paramref name="problem"/> saying why it is not one.</summary>
    public static string? Normalize(string text, out string? problem)
    {
        var tokens = new TokenBuffer(MaxWords + 1);
        Tokenizer.Tokenize(text, tokens);
        problem = tokens.Count == 0 ? "no words"
            : tokens.Count > MaxWords ? $"more than {MaxWords} words"
            : null;
        var words = new string[Math.Min(tokens.Count, MaxWords)];
        for (int i = 0; problem is null && i < words.Length; i++)
        {
            words[i] = tokens.TokenText(i);
            if (tokens.Values[i] >= 0) problem = "a number (numbers are read as brightness)";
            else if (words[i] == Tokenizer.OovWord) problem = $"a word longer than {TokenBuffer.MaxTokenBytes} bytes";
        }
        return problem is null ? string.Join(' ', words) : null;
    }
}
