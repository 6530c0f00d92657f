using System.Diagnostics;
using Saffu.Training.Corpus;
using Saffu.Training.Home;

namespace Saffu.Training.Grammar;

/// <summary>
/// The lights model's training and validation sentences for one home (docs/grammar.md §5): the grammar
/// expanded over the home's names, the not-lights list, and the user's extra sentences.
/// </summary>
public sealed record LightsCorpus(IReadOnlyList<LabelledSentence> Train, IReadOnlyList<LabelledSentence> Valid, CorpusReport Report,
    SlotPhrases Phrases)
{
    public void Deconstruct(out IReadOnlyList<LabelledSentence> train, out IReadOnlyList<LabelledSentence> valid)
    {
        train = Train;
        valid = Valid;
    }

    /// <summary>
    /// Words the vocabulary must keep whatever their count (when said at all): every word of the home's slot phrases and of
    /// the planner's lead, statement, cancellation and device phrases (the action map looks them up) and, unless <see cref="LightsCorpusOptions.KeepExtraWords"/> is false, of the user's extra sentences (few, and written on purpose).
    /// </summary>
    public IReadOnlySet<string> KeepWords { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>Words the vocabulary must have even when unsaid: the words of the home's place and lead phrases and of its slot
    /// phrases (docs/action-map.md).</summary>
    public IReadOnlyList<string> VocabularyWords { get; init; } = [];

    /// <summary>The home's anchor words (<see cref="Grammar.AnchorWords"/>): a sentence without one is not understood.</summary>
    public IReadOnlyList<string> AnchorWords { get; init; } = [];

    /// <summary>
    /// A user's extra sentences (`--extra FILE`), read by the trainer's <see cref="DatasetReader"/> (JSONL, CSV or
    /// folder) with the lights model's five intents as the known labels; pass them as <see cref="LightsCorpusOptions.Extra"/>.
    /// </summary>
    public static IReadOnlyList<Utterance> ReadExtra(string path, bool skipBadLines = false) =>
        DatasetReader.Read(path, new ReadOptions { KnownIntents = LightIntents.All.ToHashSet(), SkipBadLines = skipBadLines }).Utterances;

    public static LightsCorpus Build(HomeDescription home, LightsCorpusOptions? options = null)
    {
        options ??= LightsCorpusOptions.Default;
        if (options.ValidShare is < 0 or > 0.5 || double.IsNaN(options.ValidShare))
            throw new ArgumentOutOfRangeException(nameof(options), options.ValidShare, "ValidShare must be in 0..0.5");
        if (options.ExtraRepeat is < 1 or > 100)
            throw new ArgumentOutOfRangeException(nameof(options), options.ExtraRepeat, "ExtraRepeat must be in 1..100");
        var clock = Stopwatch.StartNew();
        CommandGrammar grammar = options.Grammar ?? CommandGrammar.Shipped;
        NotLightsList notLights = options.NotLights ?? NotLightsList.Shipped;
        var phrases = SlotPhrases.For(home, grammar);
        var pool = new SentencePool();

        var finder = new SlotSpanFinder(phrases);
        foreach (Utterance extra in options.Extra)
        {
            LabelledSentence labelled = finder.Label(extra);
            for (int copy = 0; copy < options.ExtraRepeat; copy++) pool.AddExtra(labelled);
        }

        var heldOut = TemplateSplit.HeldOut(grammar.Templates, options.ValidShare);
        var expander = new GrammarExpander(grammar, home);
        var reports = new List<TemplateReport>();
        foreach (string intent in LightIntents.All)
        {
            var templates = grammar.Templates.Where(t => t.Intent == intent).ToList();
            int wanted = intent == LightIntents.None ? options.NoneTemplateSentences
                : LightIntents.IsNonActing(intent) && intent != LightIntents.GetState ? options.NonActingSentencesPerIntent
                : Math.Max(options.SentencesPerIntent, options.MinSentencesPerTemplate * templates.Count);
            if (templates.Count == 0) continue;
            long[] possible = templates.Select(expander.Count).ToArray();
            int[] quotas = TemplateSplit.Quotas(possible, wanted);
            for (int i = 0; i < templates.Count; i++)
            {
                bool valid = heldOut.Contains(templates[i].Index);
                var sentences = expander.Expand(templates[i], quotas[i], options.Seed);
                foreach (var (sentence, key) in sentences) pool.Add(sentence, key, valid);
                reports.Add(new TemplateReport(templates[i], possible[i], quotas[i], sentences.Count, valid));
            }
        }

        var tokens = new SentenceTokens();
        int notLightsValid = 0;
        foreach (Utterance u in notLights.Utterances())
        {
            bool valid = TemplateSplit.HoldsOutLine(u.Text, options.ValidShare);
            notLightsValid += valid ? 1 : 0;
            var sentence = new LabelledSentence(u.Text, LightIntents.None, u.Slots, LabelledSentence.NoSpans, 0, u.Source);
            SentenceToken[] words = tokens.Tokenize(u.Text)!;
            pool.Add(sentence with { TokenCount = words.Length }, SentenceTokens.Key(words), valid);
        }

        var (train, validList) = pool.Finish();
        SeededRandom.For(options.Seed, int.MaxValue).Shuffle(train);
        var report = new CorpusReport(reports, notLights.Sentences.Count - notLightsValid, notLightsValid, options.Extra.Count,
            pool.Conflicts, pool.Overridden, clock.Elapsed);
        var keep = new HashSet<string>(phrases.Words(), StringComparer.Ordinal);
        var vocabularyWords = new SortedSet<string>(StringComparer.Ordinal);
        // the action map looks up every word of every slot phrase (names, aliases, colours, step phrases): a phrase
        // whose templates happen to draw it only into validation (or never) must still be in the vocabulary
        foreach (string phrase in PlaceWords.For(home, grammar).Concat(PlaceWords.Leads(grammar).Select(l => l.Phrase)).Concat(phrases.Words()))
            vocabularyWords.UnionWith(WordsOf(phrase));
        // the planner's lead, statement, cancellation and device phrases are stored only when the vocabulary has all their
        // words (docs/action-map.md): a rare one must not fall to a minimum count, or its sentences lose their rule
        foreach (string phrase in PlaceWords.LeadsAndWords(grammar).Select(l => l.Phrase).Concat(PlaceWords.Devices(home, grammar).Select(d => d.Phrase)))
            keep.UnionWith(WordsOf(phrase));
        if (options.KeepExtraWords)
            foreach (Utterance u in options.Extra) keep.UnionWith(tokens.Tokenize(u.Text)?.Select(t => t.Word) ?? []);
        IEnumerable<string> WordsOf(string phrase) => tokens.Tokenize(phrase)?.Where(t => t.Value < 0).Select(t => t.Word) ?? [];   // its words, no numbers
        return new LightsCorpus(train, validList, report, phrases)
        {
            KeepWords = keep, AnchorWords = Grammar.AnchorWords.For(home, grammar), VocabularyWords = vocabularyWords.ToList(),
        };
    }
}
