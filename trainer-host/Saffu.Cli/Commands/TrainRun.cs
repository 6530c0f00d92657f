using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Model;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>
/// One `saffu train` invocation: read the sources (`--train`, and with `--home` the lights corpus of that home
/// plus `--extra`), train, save the model folder, print a summary.
/// </summary>
internal sealed class TrainRun(TrainSettings settings, TrainOptions options, TextWriter output, TextWriter error)
{
    public int Execute()
    {
        try
        {
            settings.Validate();
            options.Validate();
        }
        catch (ArgumentException e)
        {
            error.WriteLine($"saffu train: {e.Message}");
            error.WriteLine("Run 'saffu train --help' for the valid values.");
            return SaffuCommand.Usage;
        }
        try
        {
            var read = new ReadOptions { SkipBadLines = settings.SkipBadLines };
            HomeDescription? home = settings.Home is null ? null : HomeDescription.Load(settings.Home);
            LightsCorpus? corpus = home is null ? null : LightsCorpusFor(home, read);
            var train = ReadTraining(corpus, read);
            var phrasings = ReadPhrasings(read);
            var known = Trainer.IntentSet(train).ToHashSet(StringComparer.Ordinal);
            IReadOnlyList<Utterance>? valid = settings.Valid is not null ? Read(settings.Valid, read with { KnownIntents = known })
                : corpus?.Valid.Select(s => s.ToUtterance()).ToList();
            var result = new TrainProgress(error, settings.Quiet).Run(observer => Trainer.Train(train, valid, options, observer, corpus?.KeepWords,
                corpus?.AnchorWords, corpus?.VocabularyWords, phrasings));
            ModelFolder.Save(settings.Out, result, options, train, home);
            TrainSummary.Write(output, settings, corpus, valid is { Count: > 0 }, result);
            return SaffuCommand.Ok;
        }
        catch (Exception e) when (e is DatasetException or ArgumentException or IOException or UnauthorizedAccessException
            or HomeDescriptionException or SentenceLabelException or GrammarException)
        {
            error.WriteLine($"saffu train: {e.Message}");
            return SaffuCommand.BadInput;
        }
    }

    /// <summary>The home's lights corpus (docs/grammar.md §5), with `--extra` sentences; `--seed` seeds its sampling.</summary>
    LightsCorpus LightsCorpusFor(HomeDescription home, ReadOptions read)
    {
        var extra = settings.Extra is null ? [] : Reported(DatasetReader.Read(settings.Extra,
            read with { KnownIntents = LightIntents.All.ToHashSet(StringComparer.Ordinal) }));
        return LightsCorpus.Build(home, LightsCorpusOptions.Default with
        {
            Seed = options.FineTuning.Seed, Extra = extra, KeepExtraWords = settings.ExtraWords != TrainSettings.ExtraWordsCounted,
            ExtraRepeat = settings.ExtraRepeat,
        });
    }

    /// <summary>The lights corpus's training sentences (exact slot tags), then `--train`.</summary>
    List<Utterance> ReadTraining(LightsCorpus? corpus, ReadOptions read)
    {
        var all = new List<Utterance>();
        if (corpus is not null) all.AddRange(corpus.Train.Select(s => s.ToUtterance()));
        if (settings.Train is not null) all.AddRange(Read(settings.Train, read));
        return all;
    }

    IReadOnlyList<Utterance> Read(string path, ReadOptions read) => Reported(DatasetReader.Read(path, read));

    /// <summary>`--phrasings`: intent labels only (slots dropped), each sentence `--phrasings-repeat` times.</summary>
    IReadOnlyList<Utterance>? ReadPhrasings(ReadOptions read)
    {
        if (settings.Phrasings is null) return null;
        var read1 = Reported(DatasetReader.Read(settings.Phrasings, read with { KnownIntents = LightIntents.All.ToHashSet(StringComparer.Ordinal) }));
        var once = read1.Select(u => u with { Slots = Utterance.NoSlots, Tags = null }).ToList();
        return Enumerable.Repeat(once, settings.PhrasingsRepeat).SelectMany(x => x).ToList();
    }

    IReadOnlyList<Utterance> Reported(Dataset data)
    {
        if (data.SkippedLines > 0 && !settings.Quiet)
            error.WriteLine($"saffu train: skipped {data.SkippedLines} bad line(s) of {data.Path}; first: {data.Skipped[0].Message}");
        return data.Utterances;
    }
}

/// <summary>The parsed non-knob options of `saffu train`.</summary>
internal sealed record TrainSettings(string? Train, string? Home, string? Extra, string? Valid, string Out, bool SkipBadLines, bool Quiet)
{
    public const string ExtraWordsKept = "kept", ExtraWordsCounted = "counted";

    /// <summary>`--extra-words kept|counted`: whether every word of the extra sentences joins the vocabulary (null: kept).</summary>
    public string? ExtraWords { get; init; }

    /// <summary>`--extra-repeat N`: how many times each extra sentence trains.</summary>
    public int ExtraRepeat { get; init; } = 1;

    /// <summary>`--phrasings FILE`: intent-only real sentences (intent head only, no vocabulary words).</summary>
    public string? Phrasings { get; init; }

    /// <summary>`--phrasings-repeat N`: how many times each of them trains.</summary>
    public int PhrasingsRepeat { get; init; } = 1;

    /// <summary>Usage rules the parser cannot express: some training source, and `--extra` only with `--home`.</summary>
    public void Validate()
    {
        if (Train is null && Home is null)
            throw new ArgumentException("No training data: found neither --train nor --home; expected --train DATA, --home HOME_FILE or both.");
        if (Extra is not null && Home is null)
            throw new ArgumentException($"--extra {Extra} without --home; expected --home HOME_FILE too (extra sentences join a home's lights corpus).");
        if (Phrasings is not null && Home is null)
            throw new ArgumentException($"--phrasings {Phrasings} without --home; expected --home HOME_FILE too (phrasings join a home's lights corpus).");
        if ((ExtraWords is not null || ExtraRepeat != 1) && Extra is null)
            throw new ArgumentException($"{(ExtraWords is not null ? "--extra-words" : "--extra-repeat")} without --extra; expected --extra FILE too.");
        if (ExtraWords is not null and not ExtraWordsKept and not ExtraWordsCounted)
            throw new ArgumentException($"--extra-words {ExtraWords}; expected {ExtraWordsKept} or {ExtraWordsCounted}.");
        if (ExtraRepeat is < 1 or > 100)
            throw new ArgumentException($"--extra-repeat {ExtraRepeat}; expected 1..100.");
        if (PhrasingsRepeat is < 1 or > 100)
            throw new ArgumentException($"--phrasings-repeat {PhrasingsRepeat}; expected 1..100.");
    }
}

/// <summary>What `saffu train` prints on stdout when it succeeds.</summary>
internal static class TrainSummary
{
    public static void Write(TextWriter output, TrainSettings settings, LightsCorpus? corpus, bool validated, TrainingResult r)
    {
        FloatModel m = r.Model;
        TrainingMeasurements t = r.Measurements;
        if (corpus is not null)
            output.WriteLine($"lights corpus for {settings.Home}: {corpus.Train.Count:N0} training and {corpus.Valid.Count:N0} validation sentences" +
                (corpus.Report.Extra > 0 ? $" ({corpus.Report.Extra:N0} from {settings.Extra})" : "") +
                $", built in {corpus.Report.Elapsed.TotalSeconds:F2} s");
        output.WriteLine($"trained {settings.Out}: {t.TrainUtterances:N0} utterances" +
            (t.UnknownWordCopies > 0 ? $" (+{t.UnknownWordCopies:N0} copies with an unknown word)" : "") +
            (t.SpeechErrorCopies > 0 ? $" (+{t.SpeechErrorCopies:N0} copies with a recognition error)" : "") +
            (t.DropoutCopies > 0 ? $" (+{t.DropoutCopies:N0} copies with dropped words)" : "") + $" ({t.PrefixExamples:N0} prefixes), " +
            $"{m.Vocabulary.Count:N0} word types, {m.Intents.Count} intents, b = {m.Config.Bits}, {m.Weights.ParameterCount(m.Config):N0} parameters");
        if (m.AnchorIds is { } anchors) output.WriteLine($"anchor words: {anchors.Count:N0} (a sentence without one is not understood)" +
            (t.UnanchoredNoneLeftOut > 0 ? $"; {t.UnanchoredNoneLeftOut:N0} {FloatModel.NoneIntentName} training sentences without one left out" : ""));
        if (corpus is not null && settings.Extra is not null && m.AnchorIds is not null)
        {
            var unanchored = corpus.Train.Where(s => s.Source.Path == settings.Extra && s.Intent != FloatModel.NoneIntentName && !m.IsAnchored(s.Text))
                .DistinctBy(s => s.Source.Line).ToList();
            if (unanchored.Count > 0)
                output.WriteLine($"warning: {unanchored.Count} command(s) of {settings.Extra} say no anchor word and will not be understood " +
                    $"(first, line {unanchored[0].Source.Line}: \"{unanchored[0].Text}\"); say a light's name or a light word in them, or add the word to a light's aliases");
        }
        if (t.DroppedUtterances > 0) output.WriteLine($"left out {t.DroppedUtterances} utterance(s) with no words");
        if (t.UnmatchedSlots > 0) output.WriteLine($"{t.UnmatchedSlots} slot value(s) not found in their transcript (tagged O)");
        if (t.ExplicitSeconds > 0)
            output.WriteLine($"explicit: {t.ExplicitSeconds:F2} s ({t.ExamplesPerSecond:N0} prefix examples/s)" +
                (double.IsNaN(t.ExplicitValidAccuracy) ? "" : $", valid accuracy {t.ExplicitValidAccuracy:P2}"));
        if (r.FineTuneHistory.Count > 0)
            output.WriteLine($"fine-tune: {t.FineTuneSeconds:F2} s, {r.FineTuneHistory[^1].Epoch:0.##} epochs, valid accuracy {t.FinalValidAccuracy:P2}");
        output.WriteLine(!validated ? "calibration: no --valid, so temperature 1 and reject threshold 0"
            : r.Rejection is { } c ? $"calibration: temperature {m.Temperature:F3}, none offset {c.Offset:F3}, reject threshold {m.RejectThreshold:F3} "
                + $"(validation: {c.FalseRejection:P1} of commands rejected" + (double.IsNaN(c.NoneRejected) ? ")" : $", {c.NoneRejected:P1} of {FloatModel.NoneIntentName} rejected)")
            : $"calibration: temperature {m.Temperature:F3}, reject threshold {m.RejectThreshold:F3}");
        output.WriteLine($"wrote {Path.Combine(settings.Out, ModelFolder.ModelFile)} and its weights, training state, held-out set" +
            (corpus is null ? "" : ", home.yaml") + " and log");
    }
}
