using Saffu.Training.Corpus;

namespace Saffu.Training.Grammar;

/// <summary>How <see cref="LightsCorpus.Build"/> expands and splits (docs/grammar.md §5).</summary>
public sealed record LightsCorpusOptions
{
    public int Seed { get; init; } = 1;

    /// <summary>Sentences wanted for each of the four light intents (train + validation).</summary>
    public int SentencesPerIntent { get; init; } = 1500;

    /// <summary>
    /// At least this many sentences wanted per template of a light intent (and HassGetState): an intent with many
    /// templates (HassLightSet: brightness, steps and colours) gets more than <see cref="SentencesPerIntent"/> so that
    /// each template still says its words often enough.
    /// </summary>
    public int MinSentencesPerTemplate { get; init; } = 15;

    /// <summary>Sentences wanted for HassNevermind and for each other device's intent (other:DOMAIN) the grammar has templates for; HassGetState gets <see cref="SentencesPerIntent"/>.</summary>
    public int NonActingSentencesPerIntent { get; init; } = 600;

    /// <summary>Sentences wanted from the grammar's `&lt;none&gt;` templates (near misses with the home's names).</summary>
    public int NoneTemplateSentences { get; init; } = 2250;

    /// <summary>Share of templates (per intent and slot signature) and of not-lights lines held out for validation, 0..0.5.</summary>
    public double ValidShare { get; init; } = 0.15;

    /// <summary>Null: the grammar built into the tool.</summary>
    public CommandGrammar? Grammar { get; init; }

    /// <summary>Null: the not-lights list built into the tool.</summary>
    public NotLightsList? NotLights { get; init; }

    /// <summary>The user's own labelled sentences (e.g. `--extra FILE.jsonl` read by the trainer's JSONL reader); all go to training.</summary>
    public IReadOnlyList<Utterance> Extra { get; init; } = [];

    /// <summary>Every word of <see cref="Extra"/> stays in the vocabulary whatever the minimum count says (`--extra-words kept`,
    /// the default); false (`counted`): an extra word is counted with the rest of the corpus and kept only if frequent enough.</summary>
    public bool KeepExtraWords { get; init; } = true;

    /// <summary>How many times each <see cref="Extra"/> sentence trains (`--extra-repeat N`), 1..100.</summary>
    public int ExtraRepeat { get; init; } = 1;

    public static LightsCorpusOptions Default { get; } = new();
}
