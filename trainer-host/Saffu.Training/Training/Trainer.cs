using System.Diagnostics;
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Slots;
using Saffu.Training.Solver;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>
/// `saffu train` as a library call: vocabulary and codes, the explicit solution, optional
/// fine-tuning with early stopping, then calibration on the validation split (temperature and the
/// reject threshold for at most <see cref="TrainOptions.MaxFalseRejection"/> false rejection).
/// </summary>
public static class Trainer
{
    /// <param name="keepWords">Words kept in the vocabulary whatever <see cref="TrainOptions.MinCount"/> says: a home's names,
    /// areas, colours and step words, which the action map looks up (<see cref="Grammar.SlotPhrases.Words"/>).</param>
    /// <param name="alwaysWords">Words the vocabulary has even when no transcript says them (count 0, like unsaid anchor
    /// words): a home's place and lead phrases (docs/action-map.md), which the action map can only store as vocabulary ids.</param>
    /// <param name="anchorWords">The anchor words (docs/saffu-model.md §3; a home's <see cref="Grammar.AnchorWords"/>), all in the
    /// vocabulary (count 0 when the training data never says one) and stored as <see cref="FloatModel.AnchorIds"/>. Null: no
    /// anchor rule.</param>
    /// <param name="phrasings">Intent-only training sentences (`saffu train --phrasings`): encoded with the vocabulary of
    /// <paramref name="train"/> (their own words add none: one the vocabulary lacks reads as &lt;oov&gt;) and without tag
    /// targets (the tag head does not learn from them); their intents must be among those of <paramref name="train"/>.</param>
    public static TrainingResult Train(IReadOnlyList<Utterance> train, IReadOnlyList<Utterance>? valid, TrainOptions options,
        ITrainingObserver? observer = null, IReadOnlySet<string>? keepWords = null, IReadOnlyList<string>? anchorWords = null,
        IReadOnlyList<string>? alwaysWords = null, IReadOnlyList<Utterance>? phrasings = null)
    {
        options.Validate();
        observer ??= ITrainingObserver.None;
        valid ??= [];
        var intents = IntentSet(train);
        var keep = new HashSet<string>(keepWords ?? new HashSet<string>(), StringComparer.Ordinal);
        keep.UnionWith(anchorWords ?? []);
        var vocabulary = VocabularyBuilder.Build(train.Select(u => u.Text), options.MaxWords, options.PrependSod, options.MinCount,
            keep, (anchorWords ?? []).Concat(alwaysWords ?? []).Distinct(StringComparer.Ordinal).ToList());
        var tagLabels = UsesTagHead(train, options) ? TagSet.For(train) : [];
        if (options.PairedCodes && options.Bits > 0 && options.Bits < vocabulary.Count)
            vocabulary = new WordVocabulary(CodePairing.Order(vocabulary, IntentProfiles(train, vocabulary, intents), options.Bits),
                options.MaxWords, options.PrependSod);
        var config = Configure(options, vocabulary.Count, intents.Count, tagLabels.Count);
        var model = new FloatModel(config, vocabulary, intents, tagLabels, SaffuWeights.Zero(config))
        {
            AnchorIds = anchorWords is null ? null : AnchorIdsOf(vocabulary, anchorWords),
        };
        observer.Message($"{train.Count} utterances, {vocabulary.Count} word types, {intents.Count} intents, b = {config.Bits}" +
            (config.TagHead ? $", {config.TagCount} tags" : ""));

        var tagger = config.TagHead ? new SlotTagger(tagLabels) : null;
        var trainSet = EncodedCorpus.Encode(train, vocabulary, intents, tagger, out int dropped, FloatModel.IsUntagged);
        if (phrasings is { Count: > 0 })
        {
            var more = EncodedCorpus.Encode(phrasings, vocabulary, intents, tagger, out int droppedPhrasings, _ => true);
            trainSet = trainSet.Concat(more);
            dropped += droppedPhrasings;
        }
        int noneId = intents.ToList().IndexOf(FloatModel.NoneIntentName);
        int leftOut = 0;
        if (model.AnchorIds is not null && options.NoneNeedsAnchor) (trainSet, leftOut) = WithoutUnanchoredNone(trainSet, model, noneId);
        int encoded = trainSet.Count;
        trainSet = UnknownWordCopies.Add(trainSet, vocabulary.OovId, options.UnknownWordShare, options.FineTuning.Seed,
            noneId, options.MaxWords,
            tagLabels.Select((l, i) => (l, i)).Where(p => p.l.StartsWith("I-", StringComparison.Ordinal)).Select(p => p.i).ToHashSet(),
            tagLabels.ToList().IndexOf(TagSet.Outside));
        int beforeSpeechErrors = trainSet.Count;
        trainSet = SpeechErrorCopies.Add(trainSet, vocabulary, SpeechErrorTable.Shipped, options.SpeechErrorShare, options.FineTuning.Seed,
            noneId, options.MaxWords,
            tagLabels.Select((l, i) => (l, i)).Where(p => p.l.StartsWith("I-", StringComparison.Ordinal)).Select(p => p.i).ToHashSet(),
            tagLabels.ToList().IndexOf(TagSet.Outside), model.AnchorIds);
        int speechErrorCopies = trainSet.Count - beforeSpeechErrors;
        var dropoutCopies = WordDropoutCopies.Make(trainSet.First(encoded), vocabulary.OovId, options.DropoutCopies, options.DropoutCopyRate,
            options.FineTuning.Seed, id => WordDropoutCopies.InScope(intents[id], options.DropoutCopyScope),
            (anchorWords ?? []).Concat(SpeechErrorCopies.Protected).Select(vocabulary.IdOf).Where(id => id != vocabulary.OovId).ToHashSet(),
            tagLabels.ToList().IndexOf(TagSet.Outside), options.DropoutCopyMode);
        trainSet = trainSet.Concat(dropoutCopies);
        var validSet = EncodedCorpus.Encode(valid, vocabulary, intents, null, out _);
        if (trainSet.Count == 0) throw new ArgumentException("No training utterance has a word the tokenizer keeps.");
        if (options.Cooccurrence is { Enabled: true, Source: CooccurrenceSource.Counts })
            model.Codes.UseCooccurrence(trainSet.Texts.Select(t => t.Ids), options.Cooccurrence);

        var timer = Stopwatch.StartNew();
        var layers = new List<LayerReport>();
        var solver = new ExplicitSolver(model, options.Solver, new LayerCollector(observer, layers));
        if (options.Cooccurrence is { Enabled: true, Source: CooccurrenceSource.LanguageModel })
        {
            solver.Solve(trainSet);
            LanguageModelVectors.Use(model, trainSet, options.Cooccurrence, options.Solver.Epsilon);
            observer.Message($"language-model word vectors: {timer.Elapsed.TotalSeconds:F2} s");
        }
        TrainingStatistics statistics = new();
        double explicitSeconds = 0, explicitAccuracy = double.NaN;
        if (options.Start == StartingPoint.Explicit)
        {
            statistics = solver.Solve(trainSet);
            explicitSeconds = timer.Elapsed.TotalSeconds;
            explicitAccuracy = validSet.Count > 0 ? HeldOutAccuracy.Of(model, validSet) : double.NaN;
            observer.Message($"explicit: {explicitSeconds:F2} s, {solver.ExamplesPerSecond:N0} prefix examples/s" +
                (validSet.Count > 0 ? $", valid accuracy {explicitAccuracy:P2}" : ""));
        }
        else FineTuner.RandomStart(model, options.FineTuning.Seed, options.FineTuning.InitScale);

        var history = new List<EpochReport>();
        double finalAccuracy = explicitAccuracy, fineSeconds = 0;
        if (options.FineTune && validSet.Count > 0 && options.FineTuning.Epochs > 0)
        {
            timer.Restart();
            // The folded temperature corrects the explicit solution's over-confidence; a random start has none to correct.
            var tuning = options.FineTuning with
            {
                PrefixWeight = options.Solver.PrefixWeight,
                FoldTemperature = options.FineTuning.FoldTemperature && options.Start == StartingPoint.Explicit,
            };
            // A rank-r U is truncated back to rank r before every validation check: training resumes from, and early
            // stopping keeps, rank-r weights (projected gradient descent, one projection per check).
            int rank = options.Solver.URank;
            finalAccuracy = AveragedFineTune.Run(model, tuning, trainSet, validSet, observer, history,
                rank > 0 ? m => Structure(m, rank) : null);
            fineSeconds = timer.Elapsed.TotalSeconds;
        }
        if (options.NonActingOffset != 0)
            for (int i = 0; i < intents.Count; i++)
                if (Grammar.LightIntents.IsNonActing(intents[i])) NoneRejection.Apply(model, options.NonActingOffset, i);
        var rejection = Calibrate(model, validSet, options);
        return new TrainingResult
        {
            Model = model,
            Statistics = statistics,
            WordCounts = VocabularyBuilder.Counts(vocabulary, train.Select(u => u.Text)),
            HeldOut = valid,
            Layers = layers,
            FineTuneHistory = history,
            Measurements = new TrainingMeasurements
            {
                TrainUtterances = encoded,
                UnknownWordCopies = beforeSpeechErrors - encoded,
                SpeechErrorCopies = speechErrorCopies,
                DropoutCopies = dropoutCopies.Count,
                DroppedUtterances = dropped,
                UnanchoredNoneLeftOut = leftOut,
                PrefixExamples = trainSet.PrefixCount,
                UnmatchedSlots = tagger?.Unmatched ?? 0,
                ExplicitValidAccuracy = explicitAccuracy,
                FinalValidAccuracy = finalAccuracy,
                ExplicitSeconds = explicitSeconds,
                FineTuneSeconds = fineSeconds,
                ExamplesPerSecond = solver.ExamplesPerSecond,
            },
            Rejection = rejection,
        };
    }

    /// <summary>
    /// Every context U replaced, in place (the optimizer holds the arrays), by its nearest rank-r matrix (rows centred;
    /// unchanged when r ≥ b′).
    /// </summary>
    static void Structure(FloatModel model, int rank)
    {
        SaffuConfig c = model.Config;
        if (rank >= c.LabelDim) return;
        SaffuWeights w = model.Weights;
        foreach (float[]? u in new[] { w.BlockU, w.RadialU, w.DocumentU })
            if (u is not null) LowRank.Truncate(u, c.Bits, c.LabelDim, rank).CopyTo(u, 0);
    }

    /// <summary>
    /// The training set without the none-class utterances that say no anchor word (<see cref="TrainOptions.NoneNeedsAnchor"/>):
    /// the anchor rule rejects those at run time, and training the none class on them spreads its word evidence over
    /// weather and music instead of the near misses it must tell from commands ("is the desk lamp on").
    /// </summary>
    static (EncodedCorpus Corpus, int LeftOut) WithoutUnanchoredNone(EncodedCorpus corpus, FloatModel model, int noneId)
    {
        var keep = Enumerable.Range(0, corpus.Count).Where(i => corpus.Intents[i] != noneId || model.IsAnchored(corpus.Texts[i])).ToList();
        var kept = new EncodedCorpus(keep.Select(i => corpus.Texts[i]).ToList(), keep.Select(i => corpus.Intents[i]).ToList(),
            corpus.Tags is null ? null : keep.Select(i => corpus.Tags[i]).ToList());
        return (kept, corpus.Count - keep.Count);
    }

    /// <summary>The vocabulary ids of the anchor words (a token the tokenizer spells &lt;oov&gt;, a word over 32 bytes, is none).</summary>
    static IReadOnlySet<int> AnchorIdsOf(WordVocabulary vocabulary, IReadOnlyList<string> anchorWords) =>
        anchorWords.Select(vocabulary.IdOf).Where(id => id != vocabulary.OovId && id != vocabulary.SodId).ToHashSet();

    /// <summary>How to read a set scored against a model trained on train: a label outside its intents is an error.</summary>
    public static ReadOptions ReadOptionsFor(IReadOnlyList<Utterance> train) =>
        new() { KnownIntents = IntentSet(train).ToHashSet(StringComparer.Ordinal) };

    /// <summary>Intent names sorted ordinally (the model's intent ids).</summary>
    /// <summary>Per word id, how often the training sentences of each intent say it (what <see cref="CodePairing"/> compares).</summary>
    static double[][] IntentProfiles(IReadOnlyList<Utterance> train, WordVocabulary vocabulary, IReadOnlyList<string> intents)
    {
        var profiles = Enumerable.Range(0, vocabulary.Count).Select(_ => new double[intents.Count]).ToArray();
        var index = intents.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);
        foreach (Utterance u in train)
        {
            if (u.Intent is null || !index.TryGetValue(u.Intent, out int c)) continue;
            EncodedText e = vocabulary.Encode(u.Text);
            for (int p = e.FirstWord; p < e.Length; p++) profiles[e.Ids[p]][c]++;
        }
        return profiles;
    }

    public static IReadOnlyList<string> IntentSet(IReadOnlyList<Utterance> train)
    {
        var intents = train.Select(u => u.Intent).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (intents.Count < 2) throw new ArgumentException($"The training data has {intents.Count} intent(s); a model needs at least 2.");
        if (intents.Count > 255) throw new ArgumentException($"The training data has {intents.Count} intents; a model holds at most 255.");
        return intents;
    }

    static bool UsesTagHead(IReadOnlyList<Utterance> train, TrainOptions options) => options.TagHead switch
    {
        TagHeadMode.On => true,
        TagHeadMode.Off => false,
        _ => train.Any(u => u.Slots.Count > 0),
    };

    /// <summary>The model config; b is raised to ⌊log2 V⌋ + 1 when the requested b cannot hold V codes.</summary>
    public static SaffuConfig Configure(TrainOptions o, int vocabularySize, int intents, int tags)
    {
        int bits = o.Bits > 0 ? o.Bits : Math.Min(vocabularySize, TrainOptions.MaxBits);
        bits = Math.Max(bits, WordCodes.MinimumBits(vocabularySize));
        var config = new SaffuConfig
        {
            Bits = bits,
            LabelDim = intents,
            IntentCount = intents,
            PrependSod = o.PrependSod,
            MaxWords = o.MaxWords,
            BlockSize = o.BlockSize,
            RadialSize = o.RadialSize,
            Document = o.Document,
            TagCount = tags,
            TagOffsets = tags > 0 ? o.TagOffsets : 0,
            TagIncludesIntentParts = tags > 0 && o.TagIncludesIntentParts,
        };
        config.Validate();
        return config;
    }

    /// <summary>
    /// Temperature fitted on the validation split's whole-utterance logits, then the rejection rule: the reject threshold
    /// alone, or, with a none class, the none offset and threshold together (<see cref="NoneRejection"/>).
    /// </summary>
    internal static NoneRejectionChoice? Calibrate(FloatModel model, EncodedCorpus valid, TrainOptions options)
    {
        if (valid.Count == 0) { model.Temperature = 1; model.RejectThreshold = 0; return null; }
        var logits = ValidLogits(model, valid);
        model.Temperature = Calibration.FitTemperature(logits, valid.Intents);
        if (options.TemperatureScale != 1) model.Temperature *= options.TemperatureScale;
        if (model.NoneIntent >= 0 && valid.Intents.Any(y => y != model.NoneIntent))
        {
            // The rule is placed on commands and none sentences; the intents that never act (questions, cancellations,
            // other devices) are neither, so their validation sentences take no part.
            var rows = Enumerable.Range(0, valid.Count).Where(m => !Grammar.LightIntents.IsNonActing(model.Intents[valid.Intents[m]])).ToList();
            var ruleLogits = rows.Select(m => logits[m]).ToList();
            var labels = rows.Select(m => valid.Intents[m]).ToList();
            var anchored = model.AnchorIds is null ? null : rows.Select(m => model.IsAnchored(valid.Texts[m])).ToList();
            var choice = anchored is not null && options.NoneRejectionTarget > 0
                ? NoneRejection.ChooseForNoneShare(ruleLogits, labels, model.NoneIntent, model.Temperature, options.NoneRejectionTarget, anchored)
                : NoneRejection.Choose(ruleLogits, labels, model.NoneIntent, model.Temperature, options.MaxFalseRejection, anchored);
            NoneRejection.Apply(model, choice.Offset);
            model.RejectThreshold = choice.Threshold;
            return choice;
        }
        var confidences = logits.Select(l => Calibration.Softmax(l, model.Temperature).Max()).ToList();
        model.RejectThreshold = RejectionThreshold.Choose(confidences, options.MaxFalseRejection);
        return null;
    }

    /// <summary>
    /// <see cref="FloatModel.Logits(EncodedText)"/> of every validation utterance, on all cores with one run state per
    /// thread (each utterance runs from a reset state, so the logits are the same bits as one at a time).
    /// </summary>
    static List<float[]> ValidLogits(FloatModel model, EncodedCorpus valid)
    {
        var logits = new float[valid.Count][];
        Parallel.For(0, valid.Count, () => model.NewState(), (m, _, state) =>
        {
            logits[m] = model.RunToEnd(state, valid.Texts[m]) ? (float[])state.Logits.Clone() : new float[model.Config.IntentCount];
            return state;
        }, _ => { });
        return [.. logits];
    }

    /// <summary>Keeps every layer report and forwards everything to the caller's observer.</summary>
    sealed class LayerCollector(ITrainingObserver inner, List<LayerReport> layers) : ITrainingObserver
    {
        public IProgress<long>? StepStarted(string step, long total) => inner.StepStarted(step, total);
        public void StepFinished(string step, TimeSpan elapsed) => inner.StepFinished(step, elapsed);
        public void LayerSolved(LayerReport report) { layers.Add(report); inner.LayerSolved(report); }
        public void EpochFinished(EpochReport epoch) => inner.EpochFinished(epoch);
        public void Message(string text) => inner.Message(text);
    }
}
