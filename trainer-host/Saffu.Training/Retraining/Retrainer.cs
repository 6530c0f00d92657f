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
    public static RetrainInput Load(string folder)
    {
        var contents = ModelFolder.Load(folder);
        var (statistics, counts) = ModelFolder.LoadState(folder);
        return new RetrainInput(contents, statistics, counts, TrainingLogFile.NoneOffset(folder));
    }

    /// <param name="weight">Weight of every correction's examples (a training sentence has 1).</param>
    public static RetrainResult Retrain(RetrainInput input, IReadOnlyList<Correction> corrections, double weight)
    {
        if (!(weight > 0) || !double.IsFinite(weight)) throw new ArgumentException($"The weight {weight} is invalid; expected a number > 0.");
        var clock = Stopwatch.StartNew();
        FloatModel parent = input.Folder.Model;
        TrainOptions options = input.Folder.Options;
        if (options.Start != StartingPoint.Explicit || input.Statistics.Layers.All(l => l.Name != StatisticsCounter.IntentO))
            throw new RetrainException("the model folder has no layer statistics (trained with --start random)", "a model trained with the explicit start");
        var teaching = corrections.Where(c => c.Teaches).ToList();
        var (home, aliases) = GrowHome(input.Folder.Home, teaching);
        var examples = Label(teaching, home);
        var growth = new Growth(NewWords(parent, examples), examples.Select(u => u.Intent!).Where(i => !parent.Intents.Contains(i)).Distinct().ToList(), aliases);
        var anchors = home is null || parent.AnchorIds is null ? null : AnchorWords.For(home, CommandGrammar.Shipped);
        FloatModel model = ModelGrowth.Grow(parent, growth.NewWords, growth.NewIntents, anchors);
        if (home is not null) model.SlotValueNames = SlotPhrases.For(home, CommandGrammar.Shipped).ValueNames();
        int k = growth.NewIntents.Count;

        // The explicit solutions before and after, and what fine-tuning (and the none offset) added to the old one.
        var before = Grow(input.Statistics, parent.Config, k);
        SaffuWeights explicitOld = Explicit(input.Statistics, parent.Config, options.Solver, null);
        SaffuWeights tuning = ModelGrowth.Offsets(Subtract(parent.Weights, explicitOld, parent.Config), parent.Config, k);
        var explicitModel = Shaped(model, Explicit(before, model.Config, options.Solver, null));

        var tagger = model.Config.TagHead ? new SlotTagger(model.TagLabels) : null;
        var corpus = EncodedCorpus.Encode(examples, model.Vocabulary, model.Intents, tagger, out _, FloatModel.NoneIntentName);
        var counter = new StatisticsCounter(explicitModel, options.Solver);
        var after = new TrainingStatistics();
        after.Set(before.Layers);
        var layers = new List<LayerReport>();
        var counts = input.WordCounts.Concat(new long[growth.NewWords.Count]).ToArray();
        AddCounted(after, CountU(explicitModel, counter, corpus, options.Solver, counts, weight), 1, layers);
        explicitModel.Weights = Explicit(after, model.Config, options.Solver, explicitModel.Weights, heads: false);
        AddCounted(after, Count(counter, corpus, counter.HeadShapes(), counter.CountHeads), weight, layers);
        explicitModel.Weights = Explicit(after, model.Config, options.Solver, explicitModel.Weights);

        model.Weights = Add(explicitModel.Weights, tuning, model.Config);
        if (model.NoneIntent >= 0 && input.NoneOffset != 0) NoneRejection.Apply(model, -input.NoneOffset);
        var valid = EncodedCorpus.Encode(input.Folder.HeldOut, model.Vocabulary, model.Intents, null, out _);
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
    /// The corrections' U statistics, already weighted: the document part and tag units per token (<see cref="CorrectionCounter"/>),
    /// attention U (counted under the stored W) with the whole weight.
    /// </summary>
    static LayerStatistics[] CountU(FloatModel model, StatisticsCounter counter, EncodedCorpus corpus, SolverOptions options, long[] counts, double weight)
    {
        var shapes = counter.UShapes(first: true);
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

    static void Scale(LayerStatistics s, double weight)
    {
        System.Numerics.Tensors.TensorPrimitives.Multiply(s.F, weight, s.F);
        s.NormSum *= weight;
        s.WeightSum *= weight;
    }

    static TrainingStatistics Grow(TrainingStatistics s, SaffuConfig old, int k)
    {
        var grown = new TrainingStatistics();
        grown.Set(s.Layers.Select(l => ModelGrowth.Statistics(l, old, k)));
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
public sealed class RetrainException(string found, string expected) : Exception($"found {found}; expected {expected}.")
{
    public string Found { get; } = found;
    public string Expected { get; } = expected;
}
