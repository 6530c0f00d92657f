using Saffu.Training.Simulation;

namespace Saffu.Training.Speech;

/// <summary>
/// Whether the recogniser heard the words a decision rests on surely enough to act on it (docs/voice.md §8). A
/// transcript whose decision would drive a light is refused when one of its words has a lattice posterior below <see cref="Threshold"/> and the model decides differently (another intent, other slots, or nothing) without
/// that word: the uncertain word is one the decision depends on ("fifty" in "set the lamp to fifty percent", "on" in
/// "turn on the hall light"), not a filler ("the"). It runs on the host with its own copy of the model, so the lights'
/// state of the runner that acts is not touched (pass a model loaded for it alone), and every judgement starts from the
/// lights' load states (<see cref="DecisionJudge"/>); the device still receives only a transcript.
/// </summary>
/// <remarks>
/// With <c>consensus</c> &gt; 0 it also refuses a driving transcript whose decision the recogniser's N-best list does
/// not back: the agreeing share of the list's mass (<see cref="DecisionConsensus"/>, score scale <c>scale</c>) is below
/// <c>consensus</c> (docs/voice.md §9); with <c>floor</c> &gt; 0 it refuses a driving decision whose model confidence
/// is below <c>floor</c> (spoken input only; reason <see cref="LowConfidenceReason"/>; docs/voice.md §9). With
/// <c>neighbours</c> and a <c>rival</c> rule other than <see cref="RivalRule.Off"/> it refuses a driving transcript whose
/// grammar decode (<see cref="Recognition.Rival"/>, made from <see cref="RivalFsg"/>) leads to another decision
/// (<see cref="RivalGrammar"/>, docs/voice.md §10). With <c>everyLight</c> &gt; 0 it refuses a transcript that would drive
/// every light without naming a light, an area or an every-light word when any of its words has a posterior below
/// <c>everyLight</c> (<see cref="EveryLightGuard"/>, docs/voice.md §14).
/// </remarks>
public sealed class HearingCheck(Saffu.Runtime.Model.SaffuModel ownCopy, double threshold, double consensus = 0,
    double scale = HearingCheck.DefaultConsensusScale, double floor = 0, PhoneNeighbours? neighbours = null,
    RivalRule rival = RivalRule.Off, bool deletions = RivalGrammar.DefaultDeletions, int distance = RivalGrammar.DefaultMaxDistance,
    bool homophones = true, IReadOnlyList<IReadOnlyList<string>>? classRivals = null, double everyLight = 0)
{
    /// <summary>The reason code of a refused transcript (docs/cli.md, saffu listen).</summary>
    public const string Reason = "unsure_hearing";

    /// <summary>The answer spoken for a refused transcript.</summary>
    public const string Answer = "sorry, I am not sure I heard that right; please say it again";

    /// <summary>
    /// The default threshold, chosen with <see cref="DefaultFloor"/>, <see cref="DefaultRival"/> and
    /// <see cref="DefaultEveryLight"/> on the wide dev benchmark (docs/voice.md §14: tests/data/lights dev, dev-hard and
    /// commands-dev2…7, five voices; never on the held-out sentences the benchmark reports) as the rules with the fewest
    /// confident wrong actions that refuse at most 5 % of the dev commands (0.2 from §12, where the 216 dev commands were
    /// too few to choose with any power; 0.25 from §10, 0.15 and 0.2 before).
    /// </summary>
    public const double DefaultThreshold = 0.15;

    /// <summary>The reason code of a spoken command refused by the action floor (the reason the blob's own reject threshold gives).</summary>
    public const string LowConfidenceReason = "low_confidence";

    /// <summary>The answer spoken for a command refused by the action floor (as for the blob's reject threshold).</summary>
    public const string LowConfidenceAnswer = "sorry, I did not get that";

    /// <summary>The default confidence floor for acting on a spoken command (0 = off), chosen with <see cref="DefaultThreshold"/> on the wide dev benchmark: docs/voice.md §14 (0.3 from §12, 0.35 from §9).</summary>
    public const double DefaultFloor = 0.5;

    /// <summary>
    /// The default agreement the N-best list must give a driving decision: 0, off — on the dev benchmark no agreement
    /// threshold removed more wrong actions per refused command than the hearing check and the action floor: docs/voice.md §9.
    /// </summary>
    public const double DefaultConsensus = 0;

    /// <summary>
    /// The default rival-grammar rule (docs/voice.md §10): off, chosen with <see cref="DefaultThreshold"/> and
    /// <see cref="DefaultFloor"/> on the wide dev benchmark (docs/voice.md §14: with <see cref="RivalRule.Differs"/> the
    /// fewest confident wrong actions within 5 % refused were 155 of 2,500 against 150 without it); `differs` from §10 to §13.
    /// </summary>
    public const RivalRule DefaultRival = RivalRule.Off;

    /// <summary>
    /// The default threshold of <see cref="EveryLightGuard"/> (0 = off), chosen with the other rules on the wide dev
    /// benchmark: docs/voice.md §14.
    /// </summary>
    public const double DefaultEveryLight = 0.2;

    /// <summary>The N-best score scale (pocketsphinx score units per factor e), the best of the dev benchmark's scales at agreement 0.5: docs/voice.md §9.</summary>
    public const double DefaultConsensusScale = 100;

    readonly DecisionJudge _judge = new(ownCopy);
    RivalGrammar? _rivals;

    /// <summary>The rival grammars of this check's model (null without <c>neighbours</c>).</summary>
    public RivalGrammar? Rivals => neighbours is null ? null : _rivals ??= new RivalGrammar(_judge, neighbours, deletions, distance, homophones, classRivals);
    public RivalRule Rival => rival;

    public double Threshold => threshold;
    public double Consensus => consensus;
    public double ConsensusScale => scale;
    public double Floor => floor;

    /// <summary>The threshold of <see cref="EveryLightGuard"/>: every word of a transcript that drives every light without saying so must be heard at least this surely (0 = off).</summary>
    public double EveryLightThreshold => everyLight;

    /// <summary>
    /// Null when the transcript may be acted on; else why not, checked in this order: a word the decision depends on
    /// heard unsurely, any word heard unsurely in a transcript that would drive every light without naming one (§14), too little of the N-best list agreeing, the grammar decode leading elsewhere, the model's
    /// confidence below the floor.
    /// </summary>
    public HearingDoubt? Doubt(Recognition heard)
    {
        if (UnsureWord(heard) is { } word) return new HearingDoubt(word, null);
        if (UnsureEveryLightWord(heard) is { } loose) return new HearingDoubt(loose, null, EveryLight: true);
        if (consensus > 0 && Votes(heard) is { } votes && DecisionConsensus.Agreement(votes, scale) is var agreement && agreement < consensus)
            return new HearingDoubt(null, agreement);
        if (RivalRefuses(heard)) return new HearingDoubt(null, null, Rival: heard.Rival);
        if (floor <= 0 || heard.Text.Length == 0) return null;
        TranscriptResult decided = _judge.Decide(heard.Text);
        return DecisionJudge.Acts(decided) && decided.Confidence < floor ? new HearingDoubt(null, null, decided.Confidence) : null;
    }

    /// <summary>
    /// The grammar to decode <paramref name="heard"/>'s audio again with (Sphinx FSG text), or null when the rule is off
    /// or there is nothing to guard (the decision drives no light or depends on no word).
    /// </summary>
    public string? RivalFsg(Recognition heard) => rival == RivalRule.Off || Rivals is not { } rivals || heard.Text.Length == 0 ? null : rivals.Fsg(heard.Text);

    /// <summary>
    /// True when the grammar decode of <paramref name="heard"/> leads to another driving decision, or with
    /// <see cref="RivalRule.Any"/> to one that drives nothing; false without a grammar decode.
    /// </summary>
    public bool RivalRefuses(Recognition heard) => RivalRefuses(heard, rival);

    /// <summary>As <see cref="RivalRefuses(Recognition)"/> under <paramref name="rule"/> (the benchmark compares the rules on the same decodes).</summary>
    public bool RivalRefuses(Recognition heard, RivalRule rule)
    {
        if (rule == RivalRule.Off || heard.Rival is null || Rivals is not { } rivals) return false;
        RivalGrammar.Outcome outcome = rivals.Verdict(heard.Text, heard.Rival);
        return outcome == RivalGrammar.Outcome.Differs || (rule == RivalRule.Any && outcome == RivalGrammar.Outcome.DrivesNothing);
    }

    /// <summary>Null when the transcript may be acted on; else the least sure word the decision depends on.</summary>
    public HeardWord? UnsureWord(Recognition heard) => threshold <= 0 ? null : WeakestNeededWord(heard, threshold);

    /// <summary>
    /// Of the words with a posterior below <paramref name="below"/>, the least sure one without which the model decides
    /// differently; null when there is none or the transcript would not drive a light. A word of posterior 0 and no text
    /// stands for a transcript without posteriors (the lattice's segmentation differed from the hypothesis): nothing in it
    /// is known to be sure. The benchmark sweeps thresholds with it: a threshold t refuses exactly when t exceeds the
    /// returned word's posterior.
    /// </summary>
    public HeardWord? WeakestNeededWord(Recognition heard, double below = double.PositiveInfinity)
    {
        if (heard.Text.Length == 0) return null;
        TranscriptResult decided = _judge.Decide(heard.Text);
        if (!DecisionJudge.Acts(decided)) return null;
        if (!heard.HasPosteriors) return new HeardWord("", 0);
        var words = heard.Words;
        HeardWord? weakest = null;
        for (int i = 0; i < words.Count; i++)
        {
            if (words[i].Posterior >= below || (weakest is not null && words[i].Posterior >= weakest.Posterior)) continue;
            string without = string.Join(' ', words.Where((_, k) => k != i).Select(w => w.Word));
            if (!DecisionJudge.Same(decided, _judge.Decide(without))) weakest = words[i];
        }
        return weakest;
    }

    /// <summary>Null when the transcript may be acted on as far as <see cref="EveryLightGuard"/> is concerned; else its least sure word.</summary>
    public HeardWord? UnsureEveryLightWord(Recognition heard) => everyLight <= 0 ? null : WeakestEveryLightWord(heard, everyLight);

    /// <summary>
    /// For a transcript that <see cref="EveryLightGuard"/> guards (it would drive every light, naming no light, no area and
    /// no every-light word), its least sure word below <paramref name="below"/>; null otherwise. The benchmark sweeps
    /// thresholds with it, as with <see cref="WeakestNeededWord"/>.
    /// </summary>
    public HeardWord? WeakestEveryLightWord(Recognition heard, double below = double.PositiveInfinity)
    {
        if (heard.Text.Length == 0) return null;
        TranscriptResult decided = _judge.Decide(heard.Text);
        return EveryLightGuard.Guards(decided, SaidEveryLight()) ? EveryLightGuard.Weakest(heard, below) : null;
    }

    /// <summary>
    /// Whether the words the judge has just read, as the runtime's tokenizer read them, hold an every-light phrase of the
    /// blob's action map (kind 5; docs/action-map.md step 2).
    /// </summary>
    bool SaidEveryLight()
    {
        var session = ownCopy.Session;
        return ownCopy.Actions.Map is { } map
            && map.HasWordOfKind(Saffu.Runtime.Actions.ActionMap.WordEveryLight, session.State.WordIds, session.Position - session.Words, session.Words);
    }

    /// <summary>
    /// Each N-best hypothesis of <paramref name="heard"/> with whether the model takes the same decision on it as on the
    /// transcript (<see cref="DecisionConsensus"/>); null when the transcript would not drive a light (nothing to
    /// guard), empty when the recogniser gave no N-best list.
    /// </summary>
    public IReadOnlyList<DecisionConsensus.Vote>? Votes(Recognition heard)
    {
        if (heard.Text.Length == 0) return null;
        TranscriptResult decided = _judge.Decide(heard.Text);
        if (!DecisionJudge.Acts(decided)) return null;
        var verdicts = new Dictionary<string, DecisionConsensus.Verdict>(StringComparer.Ordinal) { [heard.Text] = DecisionConsensus.Verdict.Agrees };
        var votes = new List<DecisionConsensus.Vote>(heard.Alternatives.Count);
        foreach (Hypothesis h in heard.Alternatives)
        {
            if (!verdicts.TryGetValue(h.Text, out var verdict)) verdicts[h.Text] = verdict = VerdictOn(decided, h.Text);
            votes.Add(new DecisionConsensus.Vote(h.Score, verdict));
        }
        return votes;
    }

    /// <summary>
    /// What is reported for a refused transcript: the model's decision on it, not understood (intent null, no action),
    /// reason <see cref="Reason"/> and answer <see cref="Answer"/> (or, refused by the floor, <see cref="LowConfidenceReason"/>
    /// and <see cref="LowConfidenceAnswer"/>).
    /// </summary>
    public TranscriptResult Refused(Recognition heard, HearingDoubt? doubt = null) => _judge.Decide(heard.Text) with
    {
        Intent = null, Understood = false, Action = null, Domain = null,
        Reason = doubt?.Confidence is null ? Reason : LowConfidenceReason, Answer = doubt?.Confidence is null ? Answer : LowConfidenceAnswer,
    };

    DecisionConsensus.Verdict VerdictOn(TranscriptResult decided, string text)
    {
        TranscriptResult other = _judge.Decide(text);
        if (!DecisionJudge.Acts(other)) return DecisionConsensus.Verdict.DrivesNothing;
        return DecisionJudge.Same(decided, other) ? DecisionConsensus.Verdict.Agrees : DecisionConsensus.Verdict.Differs;
    }

}

/// <summary>
/// Why a transcript was not acted on (<see cref="HearingCheck.Doubt"/>): <see cref="Word"/>, the least sure word the
/// decision depends on (§8), or else <see cref="Agreement"/>, the share of the N-best list backing the decision, or else
/// <see cref="Rival"/>, the grammar decode's sentence that leads to another decision (§10), or else
/// <see cref="Confidence"/>, the model's confidence below the action floor (§9). With <see cref="EveryLight"/>,
/// <see cref="Word"/> is the least sure word of a transcript that would drive every light without naming one (§14).
/// </summary>
public sealed record HearingDoubt(HeardWord? Word, double? Agreement, double? Confidence = null, string? Rival = null, bool EveryLight = false);

/// <summary>
/// When the grammar decode (docs/voice.md §10) refuses a driving transcript: never (<see cref="Off"/>), when its sentence
/// drives lights another way (<see cref="Differs"/>), or also when it drives none (<see cref="Any"/>).
/// </summary>
public enum RivalRule { Off, Differs, Any }
