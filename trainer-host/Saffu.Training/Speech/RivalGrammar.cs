using System.Globalization;
using System.Text;
using Saffu.Training.Simulation;

namespace Saffu.Training.Speech;

/// <summary>
/// A second acoustic opinion that does not share the fitted language model's bias (docs/voice.md §10). For a
/// transcript whose decision would drive a light, every word the decision depends on (without it the model decides
/// otherwise: "on" in "turn on the mood light", the light's name, a colour, a number) becomes an alternation of itself,
/// the model's words that sound like it (<see cref="PhoneNeighbours"/>, at most <c>maxDistance</c> phones away)
/// and would change the decision to one of their own (<see cref="Rivals"/>), and — with <c>deletions</c> — nothing; the
/// other words stay as heard. Every path
/// weighs the same, so the recogniser decoding the same audio with this grammar (<see cref="PocketSphinx.DecodeWithGrammars"/>)
/// chooses between the alternatives by the acoustics alone. When its sentence leads to another decision the
/// transcript was the language model's choice, not the audio's, and the command is refused (<see cref="Verdict"/>).
/// </summary>
/// <param name="classes">Rival classes (<see cref="RivalWordClasses"/>): a word of a class also has the other members as
/// candidate rivals, however far they sound (docs/voice.md §11); null: sound-alikes only.</param>
public sealed class RivalGrammar(DecisionJudge judge, PhoneNeighbours neighbours, bool deletions = RivalGrammar.DefaultDeletions,
    int maxDistance = RivalGrammar.DefaultMaxDistance, bool homophones = true, IReadOnlyList<IReadOnlyList<string>>? classes = null)
{
    /// <summary>
    /// How far (phone edits, <see cref="PhoneNeighbours.Distance(IReadOnlyList{string}, IReadOnlyList{string})"/>) a rival may
    /// sound from the word heard by default: of the four grammars measured on the dev benchmark (1 or 2 phones, with or
    /// without deletions; docs/voice.md §10) the one with the fewest confident wrong actions within the refusal budget.
    /// </summary>
    public const int DefaultMaxDistance = 1;

    /// <summary>At most this many rivals per word, nearest first (a bound on the grammar's size; not tuned).</summary>
    public const int MaxRivals = 12;

    /// <summary>Whether "nothing" is an alternative of each word the decision depends on by default: no, as chosen on the dev benchmark (docs/voice.md §10).</summary>
    public const bool DefaultDeletions = false;

    /// <summary>What the model does on the grammar decode's sentence, compared with the transcript's decision.</summary>
    public enum Outcome { Agrees, DrivesNothing, Differs }

    public bool Deletions => deletions;
    public int MaxDistance => maxDistance;

    /// <summary>
    /// Whether a word pronounced exactly like the one heard ("two" for "too") may be its rival: yes in the measured
    /// default; the grammar decode cannot choose between identical pronunciations (docs/voice.md §10).
    /// </summary>
    public bool Homophones => homophones;

    /// <summary>
    /// Each word of <paramref name="transcript"/> with its alternatives, the word itself first ("" = the word left
    /// out); null when the decision would drive no light or depends on no word (nothing to guard).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? Positions(string transcript)
    {
        string[] words = transcript.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        TranscriptResult decided = judge.Decide(string.Join(' ', words));
        if (!DecisionJudge.Acts(decided)) return null;
        var positions = new List<IReadOnlyList<string>>(words.Length);
        bool any = false;
        for (int i = 0; i < words.Length; i++)
        {
            TranscriptResult without = judge.Decide(Replaced(words, i, ""));
            if (DecisionJudge.Same(decided, without))
            {
                positions.Add([words[i]]);
                continue;
            }
            any = true;
            var alternatives = new List<string> { words[i] };
            alternatives.AddRange(neighbours.Near(words[i], maxDistance, homophones ? 0 : 1).Where(c => Rivals(decided, without, judge.Decide(Replaced(words, i, c)))).Take(MaxRivals));
            alternatives.AddRange(ClassMates(words[i]).Where(c => !alternatives.Contains(c) && Rivals(decided, without, judge.Decide(Replaced(words, i, c)))));
            if (deletions) alternatives.Add("");
            positions.Add(alternatives);
        }
        return any ? positions : null;
    }

    /// <summary>The other members of the word's rival class (none without classes or when it is in none).</summary>
    IEnumerable<string> ClassMates(string word) =>
        classes?.FirstOrDefault(c => c.Contains(word))?.Where(m => m != word && neighbours.Knows(m)) ?? [];

    /// <summary>The grammar of <see cref="Positions"/> as a Sphinx FSG, or null when there is nothing to guard.</summary>
    public string? Fsg(string transcript) => Positions(transcript) is { } positions ? FsgOf(positions) : null;

    /// <summary>
    /// The model's decision on the grammar decode's sentence <paramref name="rival"/> against that on
    /// <paramref name="transcript"/>: the same (or no rival: the grammar decode found no path), another driving one, or
    /// none that drives a light.
    /// </summary>
    public Outcome Verdict(string transcript, string? rival) => Verdict(judge, transcript, rival);

    /// <summary>As <see cref="Verdict(string, string?)"/> with the decisions of <paramref name="judge"/>.</summary>
    public static Outcome Verdict(DecisionJudge judge, string transcript, string? rival)
    {
        if (string.IsNullOrEmpty(rival) || rival == transcript) return Outcome.Agrees;
        TranscriptResult decided = judge.Decide(transcript), other = judge.Decide(rival);
        if (DecisionJudge.Same(decided, other)) return Outcome.Agrees;
        return DecisionJudge.Acts(other) ? Outcome.Differs : Outcome.DrivesNothing;
    }

    /// <summary>
    /// A sound-alike is a rival when it changes the decision and the model reads it as a word of its own: with it the
    /// decision is not what it is with the word left out ("bake" for "big" in "turn on the big light" only leaves the
    /// light's name unsaid, as deleting "big" does; "off" for "on" turns the light off). Measured on the dev benchmark
    /// (docs/voice.md §10): without the second condition such non-words made most of the rule's refusals of right commands.
    /// </summary>
    static bool Rivals(TranscriptResult decided, TranscriptResult without, TranscriptResult instead) =>
        !DecisionJudge.Same(decided, instead) && !DecisionJudge.Same(without, instead);

    static string Replaced(string[] words, int at, string instead) =>
        string.Join(' ', words.Select((w, k) => k == at ? instead : w).Where(w => w.Length > 0));

    /// <summary>
    /// A Sphinx finite-state grammar (pocketsphinx `-fsg`/`-fsgctl`): states 0..n for n positions, from state i to i+1
    /// one transition per alternative with probability 1/k (k alternatives; "" a null transition), start 0, final n.
    /// </summary>
    /// <exception cref="ArgumentException">No position, a position without alternatives, or a word with white space.</exception>
    public static string FsgOf(IReadOnlyList<IReadOnlyList<string>> positions, string name = "rivals")
    {
        if (positions.Count == 0) throw new ArgumentException("expected at least one word position", nameof(positions));
        var fsg = new StringBuilder();
        fsg.Append("FSG_BEGIN ").Append(name).Append('\n')
            .Append("NUM_STATES ").Append(positions.Count + 1).Append('\n')
            .Append("START_STATE 0\n")
            .Append("FINAL_STATE ").Append(positions.Count).Append('\n');
        for (int i = 0; i < positions.Count; i++)
        {
            var alternatives = positions[i].Distinct(StringComparer.Ordinal).ToList();
            if (alternatives.Count == 0) throw new ArgumentException($"word position {i} has no alternative; expected at least the word heard", nameof(positions));
            string p = (1.0 / alternatives.Count).ToString("0.######", CultureInfo.InvariantCulture);
            foreach (string word in alternatives)
            {
                if (word.Any(char.IsWhiteSpace)) throw new ArgumentException($"\"{word}\" at position {i} is not one word", nameof(positions));
                fsg.Append("TRANSITION ").Append(i).Append(' ').Append(i + 1).Append(' ').Append(p);
                if (word.Length > 0) fsg.Append(' ').Append(word);
                fsg.Append('\n');
            }
        }
        return fsg.Append("FSG_END\n").ToString();
    }
}
