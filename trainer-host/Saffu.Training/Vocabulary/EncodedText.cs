namespace Saffu.Training.Vocabulary;

/// <summary>
/// A transcript as the model sees it: vocabulary ids by position (a prepended &lt;sod&gt; first when
/// the model has one), the number value of each `&lt;num&gt;` (−1 otherwise) and the token text.
/// </summary>
/// <param name="Ids">Position p (0-based) holds the id of word p+1 of docs/saffu-model.md §2.</param>
/// <param name="Values">Number value per position; −1 for words and &lt;sod&gt;.</param>
/// <param name="Tokens">The token text per position (`&lt;num&gt;` for numbers, `&lt;sod&gt;` first when prepended).</param>
/// <param name="FirstWord">Index of the first real word: 1 with a prepended &lt;sod&gt;, else 0.</param>
/// <param name="Truncated">Tokens were dropped past the model's maxWords.</param>
public sealed record EncodedText(int[] Ids, int[] Values, string[] Tokens, int FirstWord, bool Truncated)
{
    public int Length => Ids.Length;
    public int WordCount => Ids.Length - FirstWord;
}
