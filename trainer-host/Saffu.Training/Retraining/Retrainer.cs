using System.Diagnostics;
using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Model;
using Saffu.Training.Slots;
using Saffu.Training.Solver;
using Saffu.Training.Training;

namespace Saffu.Training.Retraining;

/// <summary>A model folder as retraining reads it: the model, its sufficient statistics and its stored none offset.</summary>
public sealed record RetrainInput(ModelFolderContents Folder, TrainingStatistics Statistics, long[] WordCounts, double NoneOffset);

/// <summary>What <see cref="Retrainer.Retrain"/> made.</summary>
public sealed record RetrainResult(FloatModel Model, TrainingStatistics Statistics, long[] WordCounts, Growth Growth, HomeDescription? Home,
    NoneRejectionChoice? Rejection, int Examples, int UnmatchedSlots, IReadOnlyList<LayerReport> Layers, double Seconds);

/// <summary>
/// `saffu retrain` as a library call (docs/retraining.md): the corrections' examples are added, weighted, to the stored
/// sufficient statistics (SAFFU.md §2) and every U and O is re-solved in closed form; W stays. The model's fine-tuning is
/// kept as an offset: new weights = fine-tuned weights + (explicit solution with the corrections − explicit solution
/// without them), which is exactly the re-solve for a model that was not fine-tuned. Words and intents the model lacks
/// are grown first (<see cref="ModelGrowth"/>), a home's new aliases added, then the temperature and rejection rule are
/// chosen again on the stored held-out set. Neither the original corpus nor the grammar's sentences are read.
/// </summary>
public static class Retrainer
{
    /// <summary>Evaluations per replay epoch (the replay set is small; finer early stopping).</summary>
    public const int ReplayEvaluationsPerEpoch = 4;

    /// <summary>Replay epochs at most (early stopping usually ends it sooner).</summary>
    public const int ReplayEpochs = 20;

    /// <summary>Adam's learning rate in replay (only the masked rows move; the trainer's 0.003 stopped before most corrections were learned).</summary>
    public const double ReplayLearningRate = 0.01;

    public static RetrainInput Load(string folder)
    {
        var contents = ModelFolder.Load(folder);
        var (statistics, counts) = ModelFolder.LoadState(folder);
        return new RetrainInput(contents, statistics, counts, TrainingLogFile.NoneOffset(folder));
    }

    /// <param name="weight">Weight of every correction's examples (a training sentence has 1).</param>
    /// <param name="update">How the weights change (docs/retraining.md): <see cref="RetrainUpdate.Resolve"/> the closed-form
    /// re-solve (plus what fine-tuning had added), <see cref="RetrainUpdate.Replay"/> masked fine-tuning on the corrections and a
    /// replay labelled by the parent; <see cref="RetrainUpdate.Auto"/> replay for a fine-tuned model, re-solve otherwise. The
    /// statistics are updated either way.</param>
    public static RetrainResult Retrain(RetrainInput input, IReadOnlyList<Correction> corrections, double weight, RetrainUpdate update = RetrainUpdate.Auto)
    {
        if (!(weight > 0) || !double.IsFinite(weight)) throw new ArgumentException($"The weight {weight} is invalid; expected a number > 0.");
        var clock = Stopwatch.StartNew();
        FloatModel parent = input.Folder.Model;
        TrainOptions options = input.Folder.Options;
        if (options.Start != StartingPoint.Explicit || input.Statistics.Layers.All(l => l.Name != StatisticsCounter.IntentO))
            throw new RetrainException("the model folder has no layer statistics (trained with --start random)", "a model trained with the explicit start");
        if (parent.Codes.Cooccurrence is not null)
            throw new RetrainException("a model with co-occurrence word vectors (a new word would need a vector of its neighbours in the old data)",
                "a model with bit-cipher codes (the lights model's default), or a full 'saffu train'");
        var teaching = corrections.Where(c => c.Teaches).ToList();
        var (home, aliases) = GrowHome(input.Folder.Home, teaching);
        var examples = Label(teaching, home);
        var regrown = Regrown(parent, aliases);
        var growth = new Growth(NewWords(parent, examples).Concat(regrown).ToList(),
            examples.Select(u => u.Intent!).Where(i => !parent.Intents.Contains(i)).Distinct().ToList(), aliases, regrown);
        var anchors = home is null || parent.AnchorIds is null ? null : AnchorWords.For(home, CommandGrammar.Shipped);
        FloatModel model = ModelGrowth.Grow(parent, growth.NewWords, growth.NewIntents, anchors);
        if (home is not null) model.SlotValueNames = SlotPhrases.For(home, CommandGrammar.Shipped).ValueNames();
        int k = growth.NewIntents.Count;

        // The explicit solutions before and after, and what fine-tuning (and the none offset) added to the old one.
        int n = growth.NewWords.Count;
        var before = Grow(input.Statistics, parent.Config, k, n);
        SaffuWeights explicitOld = Explicit(input.Statistics, parent.Config, options.Solver, null);
        SaffuWeights tuning = ModelGrowth.Offsets(Subtract(parent.Weights, explicitOld, parent.Config), parent.Config, k, n);
        var explicitModel = Shaped(model, Explicit(before, model.Config, options.Solver, null));

        var tagger = model.Config.TagHead ? new SlotTagger(model.TagLabels) : null;
        var corpus = EncodedCorpus.Encode(examples, model.Vocabulary, model.Intents, tagger, out _, FloatModel.IsUntagged);
        var counter = new StatisticsCounter(explicitModel, options.Solver);
        var after = new TrainingStatistics();
        after.Set(before.Layers);
        var layers = new List<LayerReport>();
        var counts = input.WordCounts.Concat(new long[growth.NewWords.Count]).ToArray();
        AddCounted(after, CountU(explicitModel, counter, corpus, options.Solver, counts, weight), 1, layers);
        explicitModel.Weights = Explicit(after, model.Config, options.Solver, explicitModel.Weights, heads: false);
        AddCounted(after, Count(counter, corpus, counter.HeadShapes(), counter.CountHeads), weight, layers);
        explicitModel.Weights = Explicit(after, model.Config, options.Solver, explicitModel.Weights);

        bool replay = update == RetrainUpdate.Replay || (update == RetrainUpdate.Auto && options.FineTune && options.FineTuning.Epochs > 0);
        // A fine-tuned parent keeps its (grown) weights and learns by replay; otherwise the re-solve plus what fine-tuning added.
        model.Weights = replay ? model.Weights : Add(explicitModel.Weights, tuning, model.Config);
        // Replay starts a new intent's O column from its explicit solution: the growth floor (200 below) is out of Adam's reach.
        if (replay) CopyColumns(explicitModel.Weights.O, model.Weights.O, model.Config.Parts * model.Config.LabelDim, model.Config.IntentCount, parent.Config.IntentCount);
        if (replay) StartAliasWords(model, parent, growth.NewAliases);
        if (model.NoneIntent >= 0 && input.NoneOffset != 0) NoneRejection.Apply(model, -input.NoneOffset);
        var valid = EncodedCorpus.Encode(input.Folder.HeldOut, model.Vocabulary, model.Intents, null, out _);
        if (replay && valid.Count == 0) throw new RetrainException("replay without a held-out set in the model folder", "a model folder with heldout.jsonl, or --update resolve");
        if (replay) Replay(model, parent, input.NoneOffset, input.Folder.HeldOut, corpus, options, weight);
        var rejection = Trainer.Calibrate(model, valid, options);
        foreach (var text in corpus.Texts)
            for (int p = text.FirstWord; p < text.Length; p++) counts[text.Ids[p]]++;
        return new RetrainResult(model, after, counts, growth, home, rejection, corpus.Count, tagger?.Unmatched ?? 0, layers, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The home with the aliases the corrections' slot_words teach (light and room names only).</summary>
    static (HomeDescription? Home, IReadOnlyList<NewAlias> Aliases) GrowHome(HomeDescription? home, IReadOnlyList<Correction> corrections)
    {
        var aliases = new List<NewAlias>();
        foreach (Correction c in corrections.Where(c => c.SlotWords.Count > 0))
        {
            if (home is null) throw Bad(c, "slot_words in a correction for a model without a home", "slot_words only for a lights model (saffu train --home)");
            var phrases = SlotPhrases.For(home, CommandGrammar.Shipped);
            foreach (var (slot, said) in c.SlotWords)
            {
                if (slot is not (SlotNames.Name or SlotNames.Area)) throw Bad(c, $"slot_words for \"{slot}\"", "slot_words for name or area (new names for a light or a room)");
                if (!c.Slots.TryGetValue(slot, out string? value)) throw Bad(c, $"slot_words \"{slot}\" without that slot in the corrected slots", $"corrected_slots with \"{slot}\"");
                string phrase = Phrase.Normalize(said, out string? problem) ?? throw Bad(c, $"slot_words \"{said}\" ({problem})", "words the tokenizer reads as a phrase");
                string? known = phrases.Canonical(slot, phrase);
                if (known == value || aliases.Any(a => a.Slot == slot && a.Phrase == phrase && a.Value == value)) continue;
                if (known is not null || aliases.Any(a => a.Phrase == phrase))
                    throw Bad(c, $"\"{phrase}\" already naming {slot} \"{known ?? aliases.First(a => a.Phrase == phrase).Value}\"", $"a phrase that names nothing else in the home");
                aliases.Add(new NewAlias(slot, phrase, value));
            }
        }
        if (home is null || aliases.Count == 0) return (home, aliases);
        try
        {
            return (HomeAliases.Add(home, aliases), aliases);
        }
        catch (Exception e) when (e is HomeDescriptionException or ArgumentException)
        {
            throw new RetrainException($"new aliases the home cannot take ({e.Message})", "aliases of lights and areas the home has, at most 7 each, each used once");
        }
    }

    /// <summary>The corrections as training sentences: for a lights model with the tags of each slot's words (aliases included).</summary>
    static List<Utterance> Label(IReadOnlyList<Correction> corrections, HomeDescription? home)
    {
        if (home is null) return corrections.Select(c => c.Example).ToList();
        var finder = new SlotSpanFinder(SlotPhrases.For(home, CommandGrammar.Shipped));
        var result = new List<Utterance>();
        foreach (Correction c in corrections)
        {
            if (!LightIntents.IsKnown(c.Intent)) { result.Add(c.Example); continue; }
            try
            {
                result.Add(finder.Label(c.Example).ToUtterance());
            }
            catch (SentenceLabelException e)
            {
                throw Bad(c, e.Found, e.Expected);
            }
        }
        return result;
    }

    /// <summary>
    /// Fine-tunes on the corrections (each repeated ⌈weight⌉ times) plus the held-out texts labelled by the parent's own
    /// decisions (its intent top without the none offset, its tags): the parent teaches the new model what it already did,
    /// so the corrections move only what they must. Early stopping picks the epoch that gets most corrections right.
    /// </summary>
    static void Replay(FloatModel model, FloatModel parent, double noneOffset, IReadOnlyList<Utterance> heldOut, EncodedCorpus corrections,
        TrainOptions options, double weight)
    {
        var texts = new List<Vocabulary.EncodedText>();
        var intents = new List<int>();
        var tags = model.Config.TagHead ? new List<int[]>() : null;
        int copies = Math.Max(1, (int)Math.Ceiling(weight));
        var contrasts = Contrasts(corrections, model, parent).ToList();
        var replayTexts = heldOut.Select(u => u.Text).Concat(Enumerable.Range(0, copies).SelectMany(_ => contrasts));
        foreach (string replayText in replayTexts)
        {
            var u = new Utterance(replayText, null, Utterance.NoSlots, default);
            var old = parent.Vocabulary.Encode(u.Text);
            if (old.WordCount == 0) continue;
            float[] logits = parent.Logits(old);
            if (parent.NoneIntent >= 0) logits[parent.NoneIntent] -= (float)noneOffset;
            int y = Softmax.ArgMax(logits);
            var text = model.Vocabulary.Encode(u.Text);
            if (y == model.NoneIntent && options.NoneNeedsAnchor && !model.IsAnchored(text)) continue;
            texts.Add(text);
            intents.Add(y);
            tags?.Add(y == model.NoneIntent ? Enumerable.Repeat(-1, text.Length).ToArray() : parent.PredictTags(old));
        }
        for (int k = 0; k < copies; k++)
            for (int u = 0; u < corrections.Count; u++)
            {
                texts.Add(corrections.Texts[u]);
                intents.Add(corrections.Intents[u]);
                tags?.Add(corrections.Tags![u]);
            }
        var train = new EncodedCorpus(texts, intents, tags);
        // Early stopping on the corrections (intent and tags): the mask and the replay keep the rest.
        var valid = corrections;
        new FineTuning.FineTuner(model, options.FineTuning with
        {
            PrefixWeight = options.Solver.PrefixWeight,
            EvaluationsPerEpoch = ReplayEvaluationsPerEpoch,
            Patience = options.FineTuning.Patience * ReplayEvaluationsPerEpoch,
            Epochs = ReplayEpochs,
            LearningRate = ReplayLearningRate,
        })
        {
            GradientMask = Mask(model, parent),
            Selection = m => CorrectionsRight(m, corrections),
        }.Run(train, valid);
    }

    /// <summary>
    /// What replay may move: the U rows of the bits of the new words' codes (their only parameters; shared with the words
    /// that own those bits) and every new intent's column of O. Everything else stays as the parent had it, so sentences that
    /// say none of the new words keep their decisions unless they say a word that owns one of those bits.
    /// </summary>
    static SaffuWeights Mask(FloatModel model, FloatModel parent)
    {
        SaffuConfig c = model.Config;
        var mask = SaffuWeights.Zero(c);
        var bits = Enumerable.Range(parent.Vocabulary.Count, model.Vocabulary.Count - parent.Vocabulary.Count)
            .SelectMany(id => model.Codes.Of(id).ToArray()).Distinct().ToList();
        void Rows(float[]? u, int cols)
        {
            if (u is null) return;
            foreach (short bit in bits) Array.Fill(u, 1f, bit * cols, cols);
        }
        Rows(mask.BlockU, c.LabelDim);
        Rows(mask.RadialU, c.LabelDim);
        Rows(mask.DocumentU, c.LabelDim);
        foreach (float[] t in mask.TagU) Rows(t, c.TagCount);
        for (int r = 0; r < c.Parts * c.LabelDim; r++)
            for (int i = parent.Config.IntentCount; i < c.IntentCount; i++) mask.O[r * c.IntentCount + i] = 1;
        return mask;
    }

    /// <summary>The share of the corrections whose intent (argmax) and every tag the model gets right.</summary>
    static double CorrectionsRight(FloatModel m, EncodedCorpus corrections)
    {
        int right = 0;
        for (int u = 0; u < corrections.Count; u++)
        {
            var text = corrections.Texts[u];
            if (Softmax.ArgMax(m.Logits(text)) != corrections.Intents[u]) continue;
            if (corrections.Tags is { } tags)
            {
                int[] predicted = m.PredictTags(text);
                if (Enumerable.Range(0, text.Length).Any(p => tags[u][p] >= 0 && predicted[p] != tags[u][p])) continue;
            }
            right++;
        }
        return right / (double)Math.Max(1, corrections.Count);
    }

    /// <summary>
    /// Each correction without the words the parent did not know (growth's new words): "put the lights aff in the kitchen"
    /// → "put the lights in the kitchen". Labelled by the parent, these tell the new model that the correction's label comes
    /// from the new words, not from the rest of the sentence.
    /// </summary>
    static IEnumerable<string> Contrasts(EncodedCorpus corrections, FloatModel model, FloatModel parent)
    {
        foreach (var text in corrections.Texts)
        {
            var kept = new List<string>();
            bool dropped = false;
            for (int p = text.FirstWord; p < text.Length; p++)
            {
                bool isNew = text.Ids[p] >= parent.Vocabulary.Count;
                dropped |= isNew;
                if (!isNew) kept.Add(text.Values[p] >= 0 ? text.Values[p].ToString(System.Globalization.CultureInfo.InvariantCulture) : text.Tokens[p]);
            }
            if (dropped && kept.Count > 0) yield return string.Join(' ', kept);
        }
    }

    static CorrectionsException Bad(Correction c, string found, string expected) => new(c.Source.Path, c.Source.Line, found, expected);

    /// <summary>Words of the examples the vocabulary lacks, in order of first appearance (numbers are &lt;num&gt;).</summary>
    static List<string> NewWords(FloatModel model, IEnumerable<Utterance> examples)
    {
        var words = new List<string>();
        foreach (Utterance u in examples)
        {
            var text = model.Vocabulary.Encode(u.Text);
            for (int p = text.FirstWord; p < text.Length; p++)
                if (text.Ids[p] == model.Vocabulary.OovId && text.Values[p] < 0 && !text.Tokens[p].StartsWith('<') && !words.Contains(text.Tokens[p]))
                    words.Add(text.Tokens[p]);
        }
        return words;
    }

    /// <summary>
    /// The words of new aliases that the parent knows but never read as part of the home (no anchor word: "landing" said of
    /// no light or room of the parent's home) and share their code bits with other words, in order of first appearance. They are grown again (<see cref="ModelGrowth"/>):
    /// a known word's rows are shared with the words that own its code bits and replay does not move them, so without a bit of
    /// its own the tag head cannot learn that the word now names a room.
    /// </summary>
    static List<string> Regrown(FloatModel parent, IReadOnlyList<NewAlias> aliases)
    {
        var words = new List<string>();
        if (parent.AnchorIds is not { } anchors) return words;
        foreach (string word in aliases.SelectMany(a => a.Phrase.Split(' ')))
        {
            int id = parent.Vocabulary.IdOf(word);
            // Only words that share their code bits (two-hot and wider): a word with a bit of its own (the b most frequent, "the")
            // is never grown again, so an alias cannot change it everywhere.
            if (id != parent.Vocabulary.OovId && !anchors.Contains(id) && parent.Codes.Of(id).Length > 1 && !words.Contains(word)) words.Add(word);
        }
        return words;
    }

    /// <summary>
    /// Replay starts each new word of a new alias (new or re-grown) from the word its light's or room's own name has at that place
    /// ("fairy lights" → mood light: "fairy" from "mood"; "landing" → hallway: from "hallway"): the new bit's row of every U is
    /// the old word's projection, so the new name is read at once as the name it stands for and replay only has to refine it.
    /// Sentences without the new words are untouched (only new rows are set).
    /// </summary>
    static void StartAliasWords(FloatModel model, FloatModel parent, IReadOnlyList<NewAlias> aliases)
    {
        SaffuWeights w = model.Weights;
        SaffuConfig c = model.Config;
        foreach (NewAlias alias in aliases)
        {
            string[] said = alias.Phrase.Split(' '), canonical = alias.Value.Split(' ');
            for (int i = 0; i < said.Length; i++)
            {
                int id = model.Vocabulary.IdOf(said[i]);
                int source = model.Vocabulary.IdOf(canonical[Math.Min(i, canonical.Length - 1)]);
                if (id < parent.Vocabulary.Count || source == model.Vocabulary.OovId || source >= parent.Vocabulary.Count) continue;
                short bit = model.Codes.Of(id)[0];
                void Start(float[]? u, int cols)
                {
                    if (u is null) return;
                    Span<float> row = u.AsSpan(bit * cols, cols);
                    row.Clear();
                    model.Codes.AddProjection(source, u, cols, row);
                }
                Start(w.BlockU, c.LabelDim);
                Start(w.RadialU, c.LabelDim);
                Start(w.DocumentU, c.LabelDim);
                foreach (float[] t in w.TagU) Start(t, c.TagCount);
            }
        }
    }

    /// <summary>
    /// The corrections' U statistics, already weighted: the document part and tag units per token (<see cref="CorrectionCounter"/>),
    /// attention U (counted under the stored W) with the whole weight.
    /// </summary>
    static LayerStatistics[] CountU(FloatModel model, StatisticsCounter counter, EncodedCorpus corpus, SolverOptions options, long[] counts, double weight)
    {
        var shapes = counter.UShapes(first: true);
        // U's columns are the parent's intents (label dimension b′): a new intent's examples teach O and the tags only.
        corpus = Only(corpus, u => corpus.Intents[u] < model.Config.LabelDim);
        var perToken = new CorrectionCounter(model, options, counts, weight);
        var attention = shapes.Where(s => s.Name is StatisticsCounter.BlockU or StatisticsCounter.RadialU).ToArray();
        var counted = attention.Length == 0 ? [] : Count(counter, corpus, attention, counter.CountU);
        foreach (LayerStatistics s in counted) Scale(s, weight);
        var result = new List<LayerStatistics>(counted);
        foreach (LayerStatistics s in shapes.Except(attention))
        {
            if (s.Name == StatisticsCounter.DocumentU) perToken.CountDocument(s, corpus);
            else perToken.CountTag(s, corpus, StatisticsCounter.TagIndex(s.Name));
            result.Add(s);
        }
        return result.ToArray();
    }

    /// <summary>to[:, from..] = source[:, from..] for a rows × cols matrix.</summary>
    static void CopyColumns(float[] source, float[] to, int rows, int cols, int from)
    {
        for (int r = 0; r < rows; r++) Array.Copy(source, r * cols + from, to, r * cols + from, cols - from);
    }

    static EncodedCorpus Only(EncodedCorpus corpus, Func<int, bool> keep)
    {
        var kept = Enumerable.Range(0, corpus.Count).Where(keep).ToList();
        return new EncodedCorpus(kept.Select(i => corpus.Texts[i]).ToList(), kept.Select(i => corpus.Intents[i]).ToList(),
            corpus.Tags is null ? null : kept.Select(i => corpus.Tags[i]).ToList());
    }

    static void Scale(LayerStatistics s, double weight)
    {
        System.Numerics.Tensors.TensorPrimitives.Multiply(s.F, weight, s.F);
        s.NormSum *= weight;
        s.WeightSum *= weight;
    }

    static TrainingStatistics Grow(TrainingStatistics s, SaffuConfig old, int k, int n)
    {
        var grown = new TrainingStatistics();
        grown.Set(s.Layers.Select(l => ModelGrowth.Statistics(l, old, k, n)));
        return grown;
    }

    static LayerStatistics[] Count(StatisticsCounter counter, EncodedCorpus corpus, LayerStatistics[] shapes,
        Action<LayerStatistics[], CountScratch, EncodedCorpus, int> count) =>
        ChunkedPass.Run(corpus.Count, shapes, counter.NewScratch, (partial, scratch, u) => count(partial, scratch, corpus, u));

    /// <summary>stored += weight · counted, layer by layer.</summary>
    static void AddCounted(TrainingStatistics stored, LayerStatistics[] counted, double weight, List<LayerReport> layers)
    {
        foreach (LayerStatistics c in counted)
        {
            LayerStatistics s = stored[c.Name] ?? throw new RetrainException($"no stored statistics for {c.Name}", "the training state of every explicitly solved layer");
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(c.F, weight, s.F, s.F);
            s.NormSum += weight * c.NormSum;
            s.WeightSum += weight * c.WeightSum;
            s.Examples += c.Examples;
            layers.Add(new LayerReport(s.Name, 1, s.K, s.Examples, s.WeightSum));
        }
    }

    /// <summary>
    /// The explicit solution of every layer with statistics (SAFFU.md §2 with the model's ε and τ), as ExplicitSolver
    /// solves them; W (and, with <paramref name="heads"/> false, O and O_tag) taken from <paramref name="fallback"/>.
    /// </summary>
    static SaffuWeights Explicit(TrainingStatistics s, SaffuConfig c, SolverOptions o, SaffuWeights? fallback, bool heads = true)
    {
        SaffuWeights w = fallback?.Clone() ?? SaffuWeights.Zero(c);
        foreach (LayerStatistics l in s.Layers)
        {
            float[] Solve(double epsilon, double scale) => ExplicitLayer.Solve(l.F, l.Rows, l.Cols, l.K, epsilon, scale);
            switch (l.Name)
            {
                case StatisticsCounter.DocumentU: w.DocumentU = Solve(o.Epsilon, o.TauD); break;
                case StatisticsCounter.BlockU: w.BlockU = Solve(o.Epsilon, o.TauU); break;
                case StatisticsCounter.RadialU: w.RadialU = Solve(o.Epsilon, o.TauU); break;
                case StatisticsCounter.BlockW: if (fallback is null) w.BlockW = Solve(o.EpsilonW, 1); break;
                case StatisticsCounter.RadialW: if (fallback is null) w.RadialW = Solve(o.EpsilonW, 1); break;
                case StatisticsCounter.IntentO: if (heads) w.O = Solve(o.EpsilonO, o.TauO); break;
                case StatisticsCounter.TagO: if (heads) w.TagO = Solve(o.EpsilonO, o.TauO); break;
                default:
                    if (l.Name.StartsWith(StatisticsCounter.TagUPrefix, StringComparison.Ordinal) && StatisticsCounter.TagIndex(l.Name) < w.TagU.Length)
                        w.TagU[StatisticsCounter.TagIndex(l.Name)] = Solve(o.Epsilon, o.TauU);
                    break;
            }
        }
        return w;
    }

    static FloatModel Shaped(FloatModel like, SaffuWeights weights) =>
        new(like.Config, like.Vocabulary, like.Intents, like.TagLabels, weights) { AnchorIds = like.AnchorIds };

    static SaffuWeights Subtract(SaffuWeights a, SaffuWeights b, SaffuConfig c) => Combine(a, b, c, -1);

    static SaffuWeights Add(SaffuWeights a, SaffuWeights b, SaffuConfig c) => Combine(a, b, c, +1);

    static SaffuWeights Combine(SaffuWeights a, SaffuWeights b, SaffuConfig c, float sign)
    {
        var result = a.Clone();
        var right = b.Tensors(c).ToDictionary(t => t.Name, t => t.Data);
        foreach (var (name, _, _, data) in result.Tensors(c))
            System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(right[name], sign, data, data);
        return result;
    }
}

/// <summary>A model folder or corrections retraining cannot use: what was found and what was expected.</summary>
/// <summary>How retraining changes the weights (docs/retraining.md §Update).</summary>
public enum RetrainUpdate { Auto, Resolve, Replay }

public sealed class RetrainException(string found, string expected) : Exception($"found {found}; expected {expected}.")
{
    public string Found { get; } = found;
    public string Expected { get; } = expected;
}
