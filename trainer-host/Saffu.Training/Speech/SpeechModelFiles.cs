namespace Saffu.Training.Speech;

/// <summary>The language model and dictionary written beside a blob (`FILE.arpa`, `FILE.dict`), with what went into them.</summary>
/// <param name="Sentences">Corpus sentences counted (0 for the blob-only fallback).</param>
/// <param name="Fallbacks">Words whose pronunciation is not the stock dictionary's (possessive, compound, spelt).</param>
/// <param name="Missing">Model words left out (no letter to spell).</param>
public sealed record SpeechModelFiles(string Arpa, string? Dict, int Words, int Sentences, IReadOnlyList<Pronunciation> Fallbacks,
    IReadOnlyList<string> Missing)
{
    /// <summary>The rival classes of the language model (members in its vocabulary; none for the blob-only fallback).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Classes { get; init; } = [];

    public const string ArpaExtension = ".arpa", DictExtension = ".dict";

    /// <summary>`FILE.arpa` / `FILE.dict` beside `FILE.blob` (the blob's extension replaced).</summary>
    public static (string Arpa, string Dict) PathsBeside(string blobPath) =>
        (Path.ChangeExtension(blobPath, ArpaExtension), Path.ChangeExtension(blobPath, DictExtension));

    /// <summary>
    /// The words a recogniser may say for a model: its vocabulary without &lt;oov&gt;, &lt;sod&gt;, &lt;num&gt; and, when the
    /// model has &lt;num&gt;, the number words the tokenizer reads as numbers (docs/tokenizer.md rule 5).
    /// </summary>
    public static IEnumerable<string> SpokenVocabulary(IReadOnlyList<string> modelWords)
    {
        foreach (string w in modelWords)
            if (!w.StartsWith('<')) yield return w;
        if (modelWords.Contains("<num>"))
            foreach (string n in SpokenWords.NumberWords) yield return n;
    }

    /// <summary>The fitted trigram (Witten-Bell) over the corpus's sentences, as spoken, and the vocabulary's dictionary.</summary>
    /// <param name="stock">The stock dictionary; null when it is not installed: the language model then covers every
    /// spoken vocabulary word and <see cref="Dict"/> is null (not written).</param>
    /// <param name="classes">Rival classes (<see cref="RivalWordClasses"/>): words that share one probability in every context.</param>
    public static SpeechModelFiles FromCorpus(IEnumerable<string> corpus, IReadOnlyList<string> modelWords, PronunciationDictionary? stock,
        IReadOnlyList<(string Word, double P)>? background = null, double backgroundShare = 0, IEnumerable<IReadOnlyList<string>>? classes = null,
        RivalBalance balance = RivalBalance.Shared)
    {
        var sentences = corpus.Select(text => (IReadOnlyList<string>)SpokenWords.Of(text)).Where(s => s.Count > 0).ToList();
        var words = SpokenVocabulary(modelWords).ToList();
        if (background is not null)
        {
            // The recogniser may also say the corpus's rarer words and the general words: the model hears them as <oov>.
            var known = words.ToHashSet(StringComparer.Ordinal);
            words.AddRange(sentences.SelectMany(s => s).Concat(background.Select(b => b.Word)).Where(known.Add));
        }
        string? dict = null;
        IReadOnlyList<Pronunciation> entries = [];
        IReadOnlyList<string> missing = [];
        if (stock is not null)
        {
            (dict, entries, missing) = stock.Restrict(words);
            words = entries.Select(e => e.Word).ToList();
        }
        var lm = new ArpaLanguageModel(words, sentences, background, backgroundShare, classes, balance);
        return new SpeechModelFiles(lm.Write(), dict, lm.VocabularySize, sentences.Count, NotStock(entries), missing) { Classes = lm.Classes };
    }

    /// <summary>Only a blob at hand: a Zipf unigram over its vocabulary by rank (number words at the rank of &lt;num&gt;).</summary>
    public static SpeechModelFiles FromBlobVocabulary(IReadOnlyList<string> wordsByRank, PronunciationDictionary stock)
    {
        var spoken = new List<string>();
        foreach (string w in wordsByRank)
        {
            if (w == "<num>") spoken.AddRange(SpokenWords.NumberWords);
            else if (!w.StartsWith('<')) spoken.Add(w);
        }
        var (dict, entries, missing) = stock.Restrict(spoken);
        var said = entries.Select(e => e.Word).ToHashSet(StringComparer.Ordinal);
        string arpa = ArpaLanguageModel.WriteRankUnigrams(spoken.Where(said.Contains).ToList());
        return new SpeechModelFiles(arpa, dict, entries.Count, 0, NotStock(entries), missing);
    }

    /// <summary>`FILE.arpa` and `FILE.dict` for a model folder's corpus (docs/voice.md), with the stock dictionary when installed.
    /// No rival classes: measured on the dev benchmark, they added confident wrong actions (docs/voice.md §11).</summary>
    public static SpeechModelFiles ForModelFolder(string folder, Training.ModelFolderContents contents, StockSpeechModel stock)
    {
        var (texts, _) = Training.ModelFolder.CorpusTexts(folder, contents);
        PronunciationDictionary? dictionary = File.Exists(stock.Dictionary) ? PronunciationDictionary.Load(stock.Dictionary) : null;
        return FromCorpus(texts, contents.Model.Vocabulary.Words, dictionary, GeneralWords.Shipped, GeneralWords.Share);
    }

    static List<Pronunciation> NotStock(IReadOnlyList<Pronunciation> entries) =>
        entries.Where(e => e.Source != PronunciationSource.Stock).ToList();

    /// <summary>Writes both files atomically beside the blob path.</summary>
    public void WriteBeside(string blobPath)
    {
        var (arpa, dict) = PathsBeside(blobPath);
        var utf8 = new System.Text.UTF8Encoding(false);
        Evaluation.AtomicFile.Write(arpa, utf8.GetBytes(Arpa));
        if (Dict is not null) Evaluation.AtomicFile.Write(dict, utf8.GetBytes(Dict));
    }
}
