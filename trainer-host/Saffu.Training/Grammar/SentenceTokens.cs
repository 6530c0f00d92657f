using Saffu.Runtime.Text;

namespace Saffu.Training.Grammar;

/// <summary>One token of a sentence: its word, and its number value (-1 for words).</summary>
public readonly record struct SentenceToken(string Word, int Value)
{
    public override string ToString() => Value >= 0 ? $"{Tokenizer.NumWord}({Value})" : Word;
}

/// <summary>The runtime tokenizer (docs/tokenizer.md) on host strings, with a reused buffer. Not thread-safe.</summary>
public sealed class SentenceTokens
{
    public const int MaxTokens = 256;
    readonly TokenBuffer buffer = new(MaxTokens);

    /// <summary>The tokens of <paramref name="text"/>; null when it has more than <see cref="MaxTokens"/>.</summary>
    public SentenceToken[]? Tokenize(string text)
    {
        Tokenizer.Tokenize(text, buffer);
        if (buffer.Truncated) return null;
        var tokens = new SentenceToken[buffer.Count];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = new SentenceToken(buffer.TokenText(i), buffer.Values[i]);
        return tokens;
    }

    /// <summary>A key equal for texts the model cannot tell apart ("40%" and "40 percent").</summary>
    public static string Key(IEnumerable<SentenceToken> tokens) => string.Join(' ', tokens);
}
