namespace Saffu.Training.Vocabulary;

/// <summary>The spelled special types of the vocabulary (docs/model-blob.md §Vocabulary).</summary>
public static class SpecialWords
{
    public const string Oov = Saffu.Runtime.Text.Tokenizer.OovWord;
    public const string Sod = "<sod>";
    public const string Num = Saffu.Runtime.Text.Tokenizer.NumWord;
}
