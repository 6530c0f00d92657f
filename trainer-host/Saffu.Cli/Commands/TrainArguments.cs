using System.CommandLine;
using System.Globalization;
using Saffu.Training.FineTuning;
using Saffu.Training.Solver;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>
/// The options of `saffu train`. Knob defaults come from <see cref="TrainOptions"/> (and, with `--home`, from
/// <see cref="TrainOptions.Lights"/>), so help, docs and library agree; a knob the user gives always wins.
/// </summary>
internal sealed class TrainArguments
{
    static readonly TrainOptions D = new(), L = TrainOptions.Lights;

    static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);
    static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);
    static string Show(bool value) => value ? "true" : "false";

    /// <summary>A knob whose help states its default, and its `--home` default when that differs.</summary>
    static Option<T> Knob<T>(string name, string description, Func<TrainOptions, T> get, Func<T, string> show, string? helpName = null)
    {
        string general = show(get(D)), lights = show(get(L));
        return new(name)
        {
            Description = $"{description} Default: {general}{(lights == general ? "" : $" (with --home: {lights})")}.",
            DefaultValueFactory = _ => get(D),
            HelpName = helpName,
        };
    }

    static Option<bool> Flag(string name, string description) => new(name)
    {
        Description = $"{description} Default: false.",
        DefaultValueFactory = _ => false,
    };

    public readonly Option<string?> Train = new("--train")
    {
        Description = "Labelled training transcripts: a folder with seq.in and label, a .jsonl or a .csv file. "
            + "Required unless --home is given (then they are added to the home's lights corpus).",
        HelpName = "DATA",
    };
    public readonly Option<string?> Home = new("--home")
    {
        Description = "A home description (docs/home.md): train the lights model for this home from the built-in command grammar "
            + "and not-lights sentences, with the lights defaults; its validation split is the grammar's held-out templates "
            + "unless --valid is given. The file is kept in MODEL_DIR as home.yaml.",
        HelpName = "HOME_FILE",
    };
    public readonly Option<string?> Extra = new("--extra")
    {
        Description = "With --home: your own labelled light sentences (.jsonl, .csv or a folder; the five lights intents, slots as "
            + "docs/grammar.md), added to training; each slot's words are found through the home's names.",
        HelpName = "FILE",
    };
    public readonly Option<string?> ExtraWords = new("--extra-words")
    {
        Description = "With --extra: kept (every word of its sentences joins the vocabulary) or counted (an extra word joins it only "
            + "if the whole training corpus says it --min-count times; rarer ones read as <oov>). Default: kept.",
        HelpName = "kept|counted",
    };
    public readonly Option<int> ExtraRepeat = new("--extra-repeat")
    {
        Description = "With --extra: each of its sentences trains this many times (with its slot tags), 1..100. Default: 1.",
        DefaultValueFactory = _ => 1,
        HelpName = "N",
    };
    public readonly Option<string?> Phrasings = new("--phrasings")
    {
        Description = "With --home: real sentences labelled with an intent only (.jsonl, .csv or a folder; the lights intents; "
            + "slots are ignored). They train the intent head, not the tag head, and add no word to the vocabulary: a word the "
            + "grammar never says reads as <oov> in them, as at run time.",
        HelpName = "FILE",
    };
    public readonly Option<int> PhrasingsRepeat = new("--phrasings-repeat")
    {
        Description = "With --phrasings: each of its sentences trains this many times, 1..100. Default: 1.",
        DefaultValueFactory = _ => 1,
        HelpName = "N",
    };
    public readonly Option<string?> Valid = new("--valid")
    {
        Description = "Labelled validation transcripts (any of the three formats): early stopping, calibration and the reject "
            + "threshold; kept in the model folder as its held-out set. Default: none (no fine-tuning, temperature 1, threshold 0); "
            + "with --home: the lights corpus's validation split.",
        HelpName = "DATA",
    };
    public readonly Option<string> Out = new("--out")
    {
        Description = "The model folder to write (created if missing; its files are replaced atomically).",
        HelpName = "MODEL_DIR",
        Required = true,
    };
    public readonly Option<int> Bits = Knob("--bits", "Bits b of the word codes, 1..4096; 0 = one bit per word type (the vocabulary size, at most 4096). A b too small for the vocabulary is raised to floor(log2 V) + 1.", o => o.Bits, b => b == 0 ? "0 (auto)" : Show(b), "B");
    public readonly Option<int> MinCount = Knob("--min-count", "Words seen fewer times than this in training are not in the vocabulary: they train as <oov>, as unknown words are heard at run time (names, areas, colours and step words of --home are always kept), 1..1000.", o => o.MinCount, Show, "N");
    public readonly Option<double> SpeechErrorShare = Knob("--speech-error-share", "Share of the command utterances that also train once with one recognition-like error (a substitution, deletion or short insertion from the recogniser's measured confusions, models/lights/speech-errors.tsv; never of a word that changes the meaning), 0..1.", o => o.SpeechErrorShare, Show, "X");
    public readonly Option<double> UnknownWordShare = Knob("--unknown-word-share", "Share of the training utterances (the <none> class excepted) that also train once with an unknown word (<oov>) inserted, so one word the model does not know does not reject a command, 0..1.", o => o.UnknownWordShare, Show, "X");
    public readonly Option<int> WordDropoutCopies = Knob("--word-dropout-copies", $"Word dropout as training copies: each utterance of --word-dropout-copy-scope trains K more times, each copy with every word read as <oov> with probability --word-dropout-copy-rate (never <sod>, a number, a word in a slot span, an anchor word of --home, or on, off, up, down, a negation, all, every; a copy with no word dropped is not made), 0..{TrainOptions.MaxDropoutCopies}; 0 = off.", o => o.DropoutCopies, k => k == 0 ? "0 (off)" : Show(k), "K");
    public readonly Option<double> WordDropoutCopyRate = Knob("--word-dropout-copy-rate", "With --word-dropout-copies: the probability that a droppable word of a copy is dropped, 0 < P < 1.", o => o.DropoutCopyRate, Show, "P");
    public readonly Option<DropoutCopyScope> WordDropoutCopyScope = Knob("--word-dropout-copy-scope", "With --word-dropout-copies: which utterances are copied: commands (the intents that act), intents (every intent but <none>) or all.", o => o.DropoutCopyScope, m => m.ToString().ToLowerInvariant());
    public readonly Option<DropoutCopyMode> WordDropoutCopyMode = Knob("--word-dropout-copy-mode", "With --word-dropout-copies: a dropped word reads as <oov> (oov) or is left out of the copy (remove).", o => o.DropoutCopyMode, m => m.ToString().ToLowerInvariant());
    public readonly Option<bool> PrependSod = Knob("--prepend-sod", "Push <sod> before the first word (gives the document part its class prior).", o => o.PrependSod, Show);
    public readonly Option<int> MaxWords = Knob("--max-words", "Positions per utterance including <sod>, 1..255; later words are dropped.", o => o.MaxWords, Show, "N");
    public readonly Option<int> Block = Knob("--block", "Block context size B, 1..64; 0 = no block context.", o => o.BlockSize, Show, "B");
    public readonly Option<int> Radial = Knob("--radial", "Radial context size r, 1..64; 0 = no radial context.", o => o.RadialSize, r => r == 0 ? "0 (off)" : Show(r), "R");
    public readonly Option<bool> Document = Knob("--document", "Use the document context (the sum of the word codes).", o => o.Document, Show);
    public readonly Option<TagHeadMode> TagHead = Knob("--tag-head", "Slot tag head: auto (when the training data has slots), on or off.", o => o.TagHead, m => m.ToString().ToLowerInvariant());
    public readonly Option<int> TagOffsets = Knob("--tag-offsets", "Words the tag head reads: the pivot and the ones before it, 1..4.", o => o.TagOffsets, Show, "N");
    public readonly Option<bool> TagIntentParts = Knob("--tag-intent-parts", "The tag head also reads the intent parts [s_B; s_R; s_D].", o => o.TagIncludesIntentParts, Show);
    public readonly Option<double> Epsilon = Knob("--epsilon", "Smoothing ε of every U (and the document part), > 0.", o => o.Solver.Epsilon, Show, "X");
    public readonly Option<double> EpsilonW = Knob("--epsilon-w", "Smoothing ε of the attention matrices W, > 0.", o => o.Solver.EpsilonW, Show, "X");
    public readonly Option<double> EpsilonO = Knob("--epsilon-o", "Smoothing ε of O and O_tag, > 0.", o => o.Solver.EpsilonO, Show, "X");
    public readonly Option<double> TauU = Knob("--tau-u", "Evidence strength τ_U of the attended vectors and tag codes, > 0.", o => o.Solver.TauU, Show, "X");
    public readonly Option<double> TauD = Knob("--tau-d", "Scale τ_D of the solved document U (1 = as solved); below 1 softens s_D so O sees graded evidence, > 0.", o => o.Solver.TauD, Show, "X");
    public readonly Option<double> TauO = Knob("--tau-o", "Evidence strength τ_O of the s-vectors into O, > 0.", o => o.Solver.TauO, Show, "X");
    public readonly Option<int> Passes = Knob("--passes", "Attention refinement passes 0..4 (0 = uniform attention).", o => o.Solver.RefinementPasses, Show, "N");
    public readonly Option<double> PrefixWeight = Knob("--prefix-weight", "Weight of every prefix but the whole utterance (weight 1), 0..1.", o => o.Solver.PrefixWeight, Show, "X");
    public readonly Option<int> Cooccurrence = Knob("--cooccurrence", "Co-occurrence word vectors (SAFFU.md §1): each word's code mixed with its neighbours' at distance 1..R in the training data, 1..8; 0 = the plain cipher codes. The blob stores the vectors (docs/model-blob.md §17).", o => o.Cooccurrence.Radius, r => r == 0 ? "0 (off)" : Show(r), "R");
    public readonly Option<double> CooccurrenceMix = Knob("--cooccurrence-mix", "μ: the weight of a word's own code in its co-occurrence vector, 0..1.", o => o.Cooccurrence.Mix, Show, "X");
    public readonly Option<int> CooccurrenceEntries = Knob("--cooccurrence-entries", "Neighbour bits kept per co-occurrence vector (the largest), 1..4096: the blob stores each kept entry (docs/model-blob.md §17).", o => o.Cooccurrence.MaxEntries, Show, "N");
    public readonly Option<int> URank = Knob("--u-rank", "Structured layers: every context U (block, radial, document) replaced by its nearest rank-r matrix (truncated SVD of the explicit solution), 1..255; 0 = dense.", o => o.Solver.URank, r => r == 0 ? "0 (dense)" : Show(r), "R");
    public readonly Option<StartingPoint> Start = Knob("--start", "explicit (closed-form solution) or random (the backprop-only baseline; needs fine-tuning).", o => o.Start, s => s.ToString().ToLowerInvariant());
    public readonly Option<bool> FineTune = Knob("--fine-tune", "Fine-tune with Adam after the explicit solution (only with a validation split).", o => o.FineTune, Show);
    public readonly Option<int> Epochs = Knob("--epochs", "Fine-tuning epochs at most, 0..10000.", o => o.FineTuning.Epochs, Show, "N");
    public readonly Option<int> BatchSize = Knob("--batch-size", "Utterances per fine-tuning minibatch.", o => o.FineTuning.BatchSize, Show, "N");
    public readonly Option<double> LearningRate = Knob("--learning-rate", "Adam learning rate.", o => o.FineTuning.LearningRate, Show, "X");
    public readonly Option<int> Patience = Knob("--patience", "Stop fine-tuning after this many epochs without a better validation accuracy.", o => o.FineTuning.Patience, Show, "N");
    public readonly Option<bool> FoldTemperature = Knob("--fold-temperature", "Before fine-tuning, divide O by the temperature fitted on the validation split (the explicit logits are 7–15× too confident; without this Adam spends its epochs shrinking them).", o => o.FineTuning.FoldTemperature, Show);
    public readonly Option<double> WordDropout = Knob("--word-dropout", "Probability that a training word (never <sod>) is read as <oov> in a fine-tuning minibatch, drawn again every epoch, 0 ≤ p < 1.", o => o.FineTuning.WordDropout, Show, "P");
    public readonly Option<int> AveragedRuns = Knob("--averaged-runs", "Fine-tune this many times from the explicit solution (seeds --seed, --seed + 1, …) and keep the mean of their weights, 1..16.", o => o.FineTuning.AveragedRuns, Show, "N");
    public readonly Option<int> Seed = Knob("--seed", "Seed of the minibatch order, of --start random and of the lights corpus's sampling (--home).", o => o.FineTuning.Seed, Show, "N");
    public readonly Option<double> InitScale = Knob("--init-scale", "Standard deviation of the weights of --start random.", o => o.FineTuning.InitScale, Show, "X");
    public readonly Option<double> MaxFalseRejection = Knob("--max-false-rejection", "The reject threshold rejects at most this share of the validation split, 0..1.", o => o.MaxFalseRejection, Show, "X");
    public readonly Option<double> TemperatureScale = Knob("--temperature-scale", "The stored temperature is the one fitted on the validation split times X, before the reject threshold is chosen; below 1 sharpens the confidences (better out-of-domain rejection, same accuracy), 0 < X ≤ 100.", o => o.TemperatureScale, Show, "X");
    public readonly Option<double> NoneRejectionTarget = Knob("--none-rejection-target", "With anchor words (--home): the most permissive rule that rejects at least this share of the validation split's <none> sentences; 0 = use --max-false-rejection.", o => o.NoneRejectionTarget, Show, "X");
    public readonly Option<double> NonActingOffset = Knob("--non-acting-offset", "Added to the logits of the intents that never act (HassGetState, HassNevermind, other:DOMAIN) after fine-tuning; negative lets commands that sound a little like them act.", o => o.NonActingOffset, Show, "X");
    public readonly Option<bool> PairedCodes = Knob("--paired-codes", "With fewer bits than words: each word past the first b ranks shares its bit with the single-bit word of the closest intent profile instead of by count.", o => o.PairedCodes, Show);
    public readonly Option<bool> NoneNeedsAnchor = Knob("--none-needs-anchor", "With anchor words (--home): the <none> class trains only on sentences that say one; the others are rejected by the anchor rule anyway.", o => o.NoneNeedsAnchor, Show);
    public readonly Option<bool> SkipBadLines = Flag("--skip-bad-lines", "Skip and count malformed lines instead of stopping at the first.");
    public readonly Option<bool> Quiet = Flag("--quiet", "Hide progress bars and training messages on stderr (the summary is still printed).");

    public IEnumerable<Option> All =>
    [
        Train, Home, Extra, ExtraWords, ExtraRepeat, Phrasings, PhrasingsRepeat, Valid, Out, Bits, MinCount, UnknownWordShare, SpeechErrorShare, WordDropoutCopies, WordDropoutCopyRate, WordDropoutCopyScope, WordDropoutCopyMode, PrependSod, MaxWords, Block, Radial, Document, TagHead, TagOffsets, TagIntentParts,
        Epsilon, EpsilonW, EpsilonO, TauU, TauD, TauO, Passes, PrefixWeight, Cooccurrence, CooccurrenceMix, CooccurrenceEntries, URank, Start, FineTune, Epochs, BatchSize, LearningRate,
        Patience, FoldTemperature, WordDropout, AveragedRuns, Seed, InitScale, MaxFalseRejection, TemperatureScale, NoneRejectionTarget, NoneNeedsAnchor, NonActingOffset, PairedCodes, SkipBadLines, Quiet,
    ];

    /// <summary>The knobs: each one the user gave, else its default from <paramref name="defaults"/>.</summary>
    public TrainOptions Options(ParseResult p, TrainOptions defaults)
    {
        T Get<T>(Option<T> option, T fallback) => p.GetResult(option) is { Implicit: false } ? p.GetValue(option)! : fallback;
        SolverOptions s = defaults.Solver;
        FineTuneOptions f = defaults.FineTuning;
        return defaults with
        {
            Bits = Get(Bits, defaults.Bits), MinCount = Get(MinCount, defaults.MinCount), UnknownWordShare = Get(UnknownWordShare, defaults.UnknownWordShare), SpeechErrorShare = Get(SpeechErrorShare, defaults.SpeechErrorShare),
            DropoutCopies = Get(WordDropoutCopies, defaults.DropoutCopies), DropoutCopyRate = Get(WordDropoutCopyRate, defaults.DropoutCopyRate),
            DropoutCopyScope = Get(WordDropoutCopyScope, defaults.DropoutCopyScope), DropoutCopyMode = Get(WordDropoutCopyMode, defaults.DropoutCopyMode), PrependSod = Get(PrependSod, defaults.PrependSod),
            MaxWords = Get(MaxWords, defaults.MaxWords), BlockSize = Get(Block, defaults.BlockSize), RadialSize = Get(Radial, defaults.RadialSize),
            Document = Get(Document, defaults.Document), TagHead = Get(TagHead, defaults.TagHead), TagOffsets = Get(TagOffsets, defaults.TagOffsets),
            TagIncludesIntentParts = Get(TagIntentParts, defaults.TagIncludesIntentParts), Start = Get(Start, defaults.Start),
            FineTune = Get(FineTune, defaults.FineTune), MaxFalseRejection = Get(MaxFalseRejection, defaults.MaxFalseRejection),
            TemperatureScale = Get(TemperatureScale, defaults.TemperatureScale),
            NoneRejectionTarget = Get(NoneRejectionTarget, defaults.NoneRejectionTarget),
            NoneNeedsAnchor = Get(NoneNeedsAnchor, defaults.NoneNeedsAnchor),
            NonActingOffset = Get(NonActingOffset, defaults.NonActingOffset),
            PairedCodes = Get(PairedCodes, defaults.PairedCodes),
            Cooccurrence = defaults.Cooccurrence with
            {
                Radius = Get(Cooccurrence, defaults.Cooccurrence.Radius), Mix = Get(CooccurrenceMix, defaults.Cooccurrence.Mix),
                MaxEntries = Get(CooccurrenceEntries, defaults.Cooccurrence.MaxEntries),
            },
            Solver = s with
            {
                Epsilon = Get(Epsilon, s.Epsilon), EpsilonW = Get(EpsilonW, s.EpsilonW), EpsilonO = Get(EpsilonO, s.EpsilonO),
                TauU = Get(TauU, s.TauU), TauD = Get(TauD, s.TauD), TauO = Get(TauO, s.TauO), RefinementPasses = Get(Passes, s.RefinementPasses),
                PrefixWeight = Get(PrefixWeight, s.PrefixWeight), URank = Get(URank, s.URank),
            },
            FineTuning = f with
            {
                Epochs = Get(Epochs, f.Epochs), BatchSize = Get(BatchSize, f.BatchSize), LearningRate = Get(LearningRate, f.LearningRate),
                Patience = Get(Patience, f.Patience), Seed = Get(Seed, f.Seed), PrefixWeight = Get(PrefixWeight, s.PrefixWeight),
                InitScale = Get(InitScale, f.InitScale), FoldTemperature = Get(FoldTemperature, f.FoldTemperature),
                WordDropout = Get(WordDropout, f.WordDropout), AveragedRuns = Get(AveragedRuns, f.AveragedRuns),
            },
        };
    }
}
