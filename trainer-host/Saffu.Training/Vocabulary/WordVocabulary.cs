using Saffu.Runtime.Text;

namespace Saffu.Training.Vocabulary;

/// <summary>
/// The model's word types; id = rank (docs/saffu-model.md §1). Built from training transcripts by
/// <see cref="VocabularyBuilder"/>; looks words up as the device does (a miss is &lt;oov&gt;).
/// </summary>
public sealed class WordVocabulary : IWordSet
{
    readonly string[] words;
    readonly Dictionary<string, int> ids;

    public WordVocabulary(IReadOnlyList<string> words, int maxWords, bool prependSod)
    {
        this.words = words.ToArray();
        ids = new Dictionary<string, int>(this.words.Length, StringComparer.Ordinal);
        for (int i = 0; i < this.words.Length; i++)
            if (!ids.TryAdd(this.words[i], i)) throw new ArgumentException($"The word \"{this.words[i]}\" appears twice in the vocabulary.");
        OovId = ids.TryGetValue(SpecialWords.Oov, out int oov) ? oov : throw new ArgumentException("The vocabulary has no <oov>.");
        SodId = ids.GetValueOrDefault(SpecialWords.Sod, -1);
        NumId = ids.GetValueOrDefault(SpecialWords.Num, -1);
        if (prependSod && SodId < 0) throw new ArgumentException("prependSod needs <sod> in the vocabulary.");
        if (maxWords < 1) throw new ArgumentOutOfRangeException(nameof(maxWords), maxWords, "maxWords must be at least 1.");
        MaxWords = maxWords;
        PrependSod = prependSod;
    }

    /// <summary>Words by id (= rank).</summary>
    public IReadOnlyList<string> Words => words;
    public int Count => words.Length;
    public int OovId { get; }
    /// <summary>Id of &lt;sod&gt;, or −1.</summary>
    public int SodId { get; }
    /// <summary>Id of &lt;num&gt;, or −1 when the training data had no numbers.</summary>
    public int NumId { get; }
    /// <summary>Positions per utterance including &lt;sod&gt; (the blob's maxWords).</summary>
    public int MaxWords { get; }
    public bool PrependSod { get; }

    public int IdOf(string token) => ids.TryGetValue(token, out int id) ? id : OovId;

    /// <summary>The runtime's <see cref="IWordSet"/> question, so the trainer reads unknown words ending in 's as the device does.</summary>
    public bool Contains(byte[] bytes, int offset, int length) => ids.ContainsKey(Utf8.Decode(bytes, offset, length));

    /// <summary>Tokenizes with the runtime tokenizer (capacity maxWords, less one for &lt;sod&gt;) , reads unknown words ending in 's as the runtime does (<see cref="ApostropheS"/>) and looks every token up.</summary>
    public EncodedText Encode(string text)
    {
        int first = PrependSod ? 1 : 0;
        var buffer = new TokenBuffer(MaxWords - first);
        Tokenizer.Tokenize(text, buffer);
        ApostropheS.Apply(buffer, this);
        int n = buffer.Count + first;
        var result = new EncodedText(new int[n], new int[n], new string[n], first, buffer.Truncated);
        if (PrependSod)
        {
            result.Ids[0] = SodId;
            result.Values[0] = -1;
            result.Tokens[0] = SpecialWords.Sod;
        }
        for (int i = 0; i < buffer.Count; i++)
        {
            string token = buffer.TokenText(i);
            result.Ids[first + i] = IdOf(token);
            result.Values[first + i] = buffer.Values[i];
            result.Tokens[first + i] = token;
        }
        return result;
    }
}
