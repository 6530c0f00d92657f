using Saffu.Training.FineTuning;
using Saffu.Training.Solver;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>Whether the model gets a slot tag head.</summary>
public enum TagHeadMode
{
    /// <summary>When any training utterance has slots.</summary>
    Auto,
    On,
    Off,
}

/// <summary>Where the weights start before fine-tuning.</summary>
public enum StartingPoint
{
    /// <summary>The explicit solution (SAFFU.md §5): "explicit" and "explicit + fine-tune".</summary>
    Explicit,
    /// <summary>Seeded random weights: the "backprop only" baseline (SAFFU.md §6).</summary>
    Random,
}

/// <summary>Every knob of `saffu train` (docs/training.md gives the measured defaults).</summary>
public sealed record TrainOptions
{
    /// <summary>Largest b chosen automatically (the blob's limit).</summary>
    public const int MaxBits = 4096;
    /// <summary>Most word dropout copies per utterance (each one trains like another utterance).</summary>
    public const int MaxDropoutCopies = 8;

    /// <summary>b; 0 = automatic: the vocabulary size (one code bit per word: exact naive Bayes in the document part), at most <see cref="MaxBits"/>.</summary>
    public int Bits { get; init; }
    /// <summary>
    /// Word types seen fewer times in training are left out of the vocabulary (they train as &lt;oov&gt;); 1 keeps all. 2 by
    /// default: &lt;oov&gt; then learns from the words seen once what an unknown word says (docs/ablation.md, issue 14).
    /// </summary>
    public int MinCount { get; init; } = 2;
    /// <summary>Share of the training utterances (none class excepted) that also train once with an unknown word inserted (<see cref="UnknownWordCopies"/>), 0..1.</summary>
    public double UnknownWordShare { get; init; }
    /// <summary>Share of the command utterances (none class excepted) that also train once with one recognition-like error (<see cref="SpeechErrorCopies"/>), 0..1.</summary>
    public double SpeechErrorShare { get; init; }
    /// <summary>Word dropout as training copies (<see cref="WordDropoutCopies"/>): copies made of each utterance in <see cref="DropoutCopyScope"/>, 0 = off.</summary>
    public int DropoutCopies { get; init; }
    /// <summary>Probability that a droppable word of a dropout copy reads as &lt;oov&gt;, 0 &lt; P &lt; 1.</summary>
    public double DropoutCopyRate { get; init; } = 0.2;
    /// <summary>What a dropped word of a dropout copy becomes: &lt;oov&gt; or nothing.</summary>
    public DropoutCopyMode DropoutCopyMode { get; init; } = DropoutCopyMode.Oov;
    /// <summary>Which utterances get dropout copies.</summary>
    public DropoutCopyScope DropoutCopyScope { get; init; } = DropoutCopyScope.Commands;
    public bool PrependSod { get; init; } = true;
    /// <summary>Positions per utterance including &lt;sod&gt;; later words are dropped (blob maxWords).</summary>
    public int MaxWords { get; init; } = 64;
    /// <summary>B (0 = no block context). 16 by default: same valid accuracy as the document part alone, and it rejects more out-of-domain text (docs/training.md, table E).</summary>
    public int BlockSize { get; init; } = 16;
    /// <summary>r (0 = no radial context). 2 by default: with softened evidence (τ_U 1, τ_D 0.3) the fine-tuned model reads the last two words (docs/ablation.md, issue 14).</summary>
    public int RadialSize { get; init; } = 2;
    public bool Document { get; init; } = true;
    public TagHeadMode TagHead { get; init; } = TagHeadMode.Auto;
    /// <summary>R_T: words the tag head looks at (the pivot and R_T − 1 before it).</summary>
    public int TagOffsets { get; init; } = 2;
    public bool TagIncludesIntentParts { get; init; } = true;
    /// <summary>Co-occurrence word vectors instead of the plain cipher codes (SAFFU.md §1, second step); off by default.</summary>
    public CooccurrenceOptions Cooccurrence { get; init; } = new();
    /// <summary>
    /// The HWU64 defaults soften the evidence (τ_U 1, τ_D 0.3) so the softmaxes of the explicit solution are not saturated
    /// and fine-tuning can move U, and train on whole utterances (prefix weight 0): docs/ablation.md, issue 14.
    /// </summary>
    public SolverOptions Solver { get; init; } = new() { TauU = 1, TauD = 0.3, PrefixWeight = 0 };
    /// <summary>Explicit solution (default) or a random start for the backprop-only baseline.</summary>
    public StartingPoint Start { get; init; } = StartingPoint.Explicit;
    /// <summary>Fine-tune after the explicit solution (needs a validation split for early stopping).</summary>
    public bool FineTune { get; init; } = true;
    public FineTuneOptions FineTuning { get; init; } = new();
    /// <summary>The reject threshold is chosen on the validation split for at most this false rejection.</summary>
    public double MaxFalseRejection { get; init; } = 0.02;
    /// <summary>
    /// The stored temperature is the one fitted on the validation split times this scale, before the reject threshold is
    /// chosen on it. Below 1 sharpens the confidences the threshold is placed on: the argmax (accuracy) is unchanged, the
    /// in-domain confidences spread above the out-of-domain ones more (docs/ablation.md, "Out-of-domain rejection of the
    /// accuracy defaults"); the confidences are then over-confident by that factor.
    /// </summary>
    public double TemperatureScale { get; init; } = 0.5;
    /// <summary>
    /// With anchor words and a none class: above 0, the rejection rule is the most permissive that rejects at least this
    /// share of the validation split's none sentences (<see cref="NoneRejection.ChooseForNoneShare"/>) instead of
    /// <see cref="MaxFalseRejection"/>'s.
    /// </summary>
    public double NoneRejectionTarget { get; init; }
    /// <summary>
    /// With anchor words: the none class trains only on sentences that say one (the anchor rule rejects the others). The
    /// vocabulary is still built from every training sentence.
    /// </summary>
    public bool NoneNeedsAnchor { get; init; } = true;
    /// <summary>
    /// Added to the logit of every intent that never acts (HassGetState, HassNevermind, other:DOMAIN; docs/grammar.md §1)
    /// after fine-tuning, before the rejection rule is chosen (folded into O like the none offset). Negative: a command
    /// that sounds a little like a question or another device still acts. 0: off.
    /// </summary>
    public double NonActingOffset { get; init; }
    /// <summary>
    /// With fewer bits than words: the words past the first b ranks (two-bit codes, each sharing a bit with a single-bit
    /// word) are placed so that each shares its bit with the word whose intent profile is closest (<see cref="Vocabulary.CodePairing"/>)
    /// instead of by count. False: count order (docs/saffu-model.md §1).
    /// </summary>
    public bool PairedCodes { get; init; }

    /// <summary>
    /// The defaults of `saffu train --home`: the lights model for one home, trained on the grammar corpus and rejecting
    /// everything else (docs/training.md, "Lights model" gives the measurements behind each value).
    /// </summary>
    public static TrainOptions Lights { get; } = new()
    {
        Bits = 384,
        MinCount = 2,
        RadialSize = 0,
        UnknownWordShare = 0.1,
        BlockSize = 0,
        TagOffsets = 3,
        Solver = new SolverOptions { Epsilon = 0.3, TauD = 0.3, TauO = 1 },
        MaxFalseRejection = 0.01,
        TemperatureScale = 1,
        NoneRejectionTarget = 0.7,
        NonActingOffset = -2.5,
        PairedCodes = true,
        // The shipped lights model was measured without the folded temperature (issue 14 measured it on HWU64 only).
        FineTuning = new FineTuneOptions { FoldTemperature = false },
    };

    /// <summary>Throws <see cref="ArgumentException"/> naming the first knob outside its range.</summary>
    public void Validate()
    {
        Check(Bits is >= 0 and <= MaxBits, "bits", Bits, $"0 (auto) or 1..{MaxBits}");
        Check(MinCount is >= 1 and <= 1000, "min count", MinCount, "1..1000");
        Check(UnknownWordShare is >= 0 and <= 1, "unknown word share", UnknownWordShare, "0..1");
        Check(SpeechErrorShare is >= 0 and <= 1, "speech error share", SpeechErrorShare, "0..1");
        Check(DropoutCopies is >= 0 and <= MaxDropoutCopies, "word dropout copies", DropoutCopies, $"0 (off) or 1..{MaxDropoutCopies}");
        Check(DropoutCopyRate is > 0 and < 1, "word dropout copy rate", DropoutCopyRate, "0 < P < 1");
        Check(MaxWords is >= 1 and <= 255, "max words", MaxWords, "1..255");
        Check(BlockSize is >= 0 and <= 64, "block size", BlockSize, "0 (off) or 1..64");
        Check(RadialSize is >= 0 and <= 64, "radial size", RadialSize, "0 (off) or 1..64");
        Check(TagOffsets is >= 1 and <= 4, "tag offsets", TagOffsets, "1..4");
        Check(MaxFalseRejection is >= 0 and <= 1, "max false rejection", MaxFalseRejection, "0..1");
        Check(TemperatureScale is > 0 and <= 100, "temperature scale", TemperatureScale, "0 < X ≤ 100");
        Check(NoneRejectionTarget is >= 0 and <= 1, "none rejection target", NoneRejectionTarget, "0 (off) or up to 1");
        Check(NonActingOffset is >= -20 and <= 20, "non-acting offset", NonActingOffset, "-20..20");
        if (!Document && BlockSize == 0 && RadialSize == 0)
            throw new ArgumentException("No context: found block 0, radial 0 and no document; expected at least one of them.");
        if (Start == StartingPoint.Random && !FineTune)
            throw new ArgumentException("A random start without fine-tuning is untrained: found start random with fine-tuning off; expected fine-tuning on.");
        Cooccurrence.Validate();
        Solver.Validate();
        FineTuning.Validate();
    }

    static void Check(bool ok, string name, double value, string expected)
    {
        if (!ok) throw new ArgumentException($"The {name} {value} is invalid; expected {expected}.");
    }
}
