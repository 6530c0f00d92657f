using System.CommandLine;
using System.Globalization;
using Saffu.Training.FineTuning;
using Saffu.Training.Solver;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>The options of `saffu train`; defaults come from <see cref="TrainOptions"/> so help, docs and library agree.</summary>
internal sealed class TrainArguments
{
    static readonly TrainOptions D = new();
    static readonly SolverOptions DS = new();
    static readonly FineTuneOptions DF = new();

    static string Show(double value) => value.ToString(CultureInfo.InvariantCulture);

    static Option<T> Make<T>(string name, string description, T defaultValue, string shown, string? helpName = null) => new(name)
    {
        Description = $"{description} Default: {shown}.",
        DefaultValueFactory = _ => defaultValue,
        HelpName = helpName,
    };

    public readonly Option<string> Train = new("--train")
    {
        Description = "Labelled training transcripts: a folder with seq.in and label, a .jsonl or a .csv file.",
        HelpName = "DATA",
        Required = true,
    };
    public readonly Option<string?> Valid = new("--valid")
    {
        Description = "Labelled validation transcripts (any of the three formats): early stopping, calibration and the reject "
            + "threshold; kept in the model folder as its held-out set. Default: none (no fine-tuning, temperature 1, threshold 0).",
        HelpName = "DATA",
    };
    public readonly Option<string> Out = new("--out")
    {
        Description = "The model folder to write (created if missing; its files are replaced atomically).",
        HelpName = "MODEL_DIR",
        Required = true,
    };
    public readonly Option<int> Bits = Make("--bits", "Bits b of the word codes, 1..4096; 0 = one bit per word type (the vocabulary size, at most 4096). A b too small for the vocabulary is raised to floor(log2 V) + 1.", D.Bits, "0 (auto)", "B");
    public readonly Option<bool> PrependSod = Make("--prepend-sod", "Push <sod> before the first word (gives the document part its class prior).", D.PrependSod, "true");
    public readonly Option<int> MaxWords = Make("--max-words", "Positions per utterance including <sod>, 1..255; later words are dropped.", D.MaxWords, D.MaxWords.ToString(CultureInfo.InvariantCulture), "N");
    public readonly Option<int> Block = Make("--block", "Block context size B, 1..64; 0 = no block context.", D.BlockSize, D.BlockSize.ToString(CultureInfo.InvariantCulture), "B");
    public readonly Option<int> Radial = Make("--radial", "Radial context size r, 1..64; 0 = no radial context.", D.RadialSize, "0 (off)", "R");
    public readonly Option<bool> Document = Make("--document", "Use the document context (the sum of the word codes).", D.Document, "true");
    public readonly Option<TagHeadMode> TagHead = Make("--tag-head", "Slot tag head: auto (when the training data has slots), on or off.", D.TagHead, "auto");
    public readonly Option<int> TagOffsets = Make("--tag-offsets", "Words the tag head reads: the pivot and the ones before it, 1..4.", D.TagOffsets, D.TagOffsets.ToString(CultureInfo.InvariantCulture), "N");
    public readonly Option<bool> TagIntentParts = Make("--tag-intent-parts", "The tag head also reads the intent parts [s_B; s_R; s_D].", D.TagIncludesIntentParts, "true");
    public readonly Option<double> Epsilon = Make("--epsilon", "Smoothing ε of every U (and the document part), > 0.", DS.Epsilon, Show(DS.Epsilon), "X");
    public readonly Option<double> EpsilonW = Make("--epsilon-w", "Smoothing ε of the attention matrices W, > 0.", DS.EpsilonW, Show(DS.EpsilonW), "X");
    public readonly Option<double> EpsilonO = Make("--epsilon-o", "Smoothing ε of O and O_tag, > 0.", DS.EpsilonO, Show(DS.EpsilonO), "X");
    public readonly Option<double> TauU = Make("--tau-u", "Evidence strength τ_U of the attended vectors and tag codes, > 0.", DS.TauU, Show(DS.TauU), "X");
    public readonly Option<double> TauO = Make("--tau-o", "Evidence strength τ_O of the s-vectors into O, > 0.", DS.TauO, Show(DS.TauO), "X");
    public readonly Option<int> Passes = Make("--passes", "Attention refinement passes 0..4 (0 = uniform attention).", DS.RefinementPasses, DS.RefinementPasses.ToString(CultureInfo.InvariantCulture), "N");
    public readonly Option<double> PrefixWeight = Make("--prefix-weight", "Weight of every prefix but the whole utterance (weight 1), 0..1.", DS.PrefixWeight, Show(DS.PrefixWeight), "X");
    public readonly Option<StartingPoint> Start = Make("--start", "explicit (closed-form solution) or random (the backprop-only baseline; needs fine-tuning).", D.Start, "explicit");
    public readonly Option<bool> FineTune = Make("--fine-tune", "Fine-tune with Adam after the explicit solution (only with --valid).", D.FineTune, "true");
    public readonly Option<int> Epochs = Make("--epochs", "Fine-tuning epochs at most, 0..10000.", DF.Epochs, DF.Epochs.ToString(CultureInfo.InvariantCulture), "N");
    public readonly Option<int> BatchSize = Make("--batch-size", "Utterances per fine-tuning minibatch.", DF.BatchSize, DF.BatchSize.ToString(CultureInfo.InvariantCulture), "N");
    public readonly Option<double> LearningRate = Make("--learning-rate", "Adam learning rate.", DF.LearningRate, Show(DF.LearningRate), "X");
    public readonly Option<int> Patience = Make("--patience", "Stop fine-tuning after this many epochs without a better validation accuracy.", DF.Patience, DF.Patience.ToString(CultureInfo.InvariantCulture), "N");
    public readonly Option<int> Seed = Make("--seed", "Seed of the minibatch order and of --start random.", DF.Seed, DF.Seed.ToString(CultureInfo.InvariantCulture), "N");
    public readonly Option<double> InitScale = Make("--init-scale", "Standard deviation of the weights of --start random.", DF.InitScale, Show(DF.InitScale), "X");
    public readonly Option<double> MaxFalseRejection = Make("--max-false-rejection", "The reject threshold rejects at most this share of the validation split, 0..1.", D.MaxFalseRejection, Show(D.MaxFalseRejection), "X");
    public readonly Option<bool> SkipBadLines = Make("--skip-bad-lines", "Skip and count malformed lines instead of stopping at the first.", false, "false");
    public readonly Option<bool> Quiet = Make("--quiet", "Hide progress bars and training messages on stderr (the summary is still printed).", false, "false");

    public IEnumerable<Option> All =>
    [
        Train, Valid, Out, Bits, PrependSod, MaxWords, Block, Radial, Document, TagHead, TagOffsets, TagIntentParts,
        Epsilon, EpsilonW, EpsilonO, TauU, TauO, Passes, PrefixWeight, Start, FineTune, Epochs, BatchSize, LearningRate,
        Patience, Seed, InitScale, MaxFalseRejection, SkipBadLines, Quiet,
    ];

    public TrainOptions Options(ParseResult p) => new()
    {
        Bits = p.GetValue(Bits), PrependSod = p.GetValue(PrependSod), MaxWords = p.GetValue(MaxWords),
        BlockSize = p.GetValue(Block), RadialSize = p.GetValue(Radial), Document = p.GetValue(Document),
        TagHead = p.GetValue(TagHead), TagOffsets = p.GetValue(TagOffsets), TagIncludesIntentParts = p.GetValue(TagIntentParts),
        Start = p.GetValue(Start), FineTune = p.GetValue(FineTune), MaxFalseRejection = p.GetValue(MaxFalseRejection),
        Solver = new SolverOptions
        {
            Epsilon = p.GetValue(Epsilon), EpsilonW = p.GetValue(EpsilonW), EpsilonO = p.GetValue(EpsilonO),
            TauU = p.GetValue(TauU), TauO = p.GetValue(TauO), RefinementPasses = p.GetValue(Passes), PrefixWeight = p.GetValue(PrefixWeight),
        },
        FineTuning = new FineTuneOptions
        {
            Epochs = p.GetValue(Epochs), BatchSize = p.GetValue(BatchSize), LearningRate = p.GetValue(LearningRate),
            Patience = p.GetValue(Patience), Seed = p.GetValue(Seed), PrefixWeight = p.GetValue(PrefixWeight),
            InitScale = p.GetValue(InitScale),
        },
    };
}
