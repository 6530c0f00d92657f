using Saffu.Training.Corpus;
using Saffu.Training.Model;
using Saffu.Training.Training;

namespace Saffu.Cli.Commands;

/// <summary>
/// One `saffu train` invocation: read the sources, train, save the model folder, print a summary.
/// Training sources are a list (<see cref="TrainSources"/>): further corpus options add one entry each.
/// </summary>
internal sealed class TrainRun(TrainSettings settings, TrainOptions options, TextWriter output, TextWriter error)
{
    public int Execute()
    {
        try
        {
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
            var train = ReadTraining(read);
            var known = Trainer.IntentSet(train).ToHashSet(StringComparer.Ordinal);
            var valid = settings.Valid is null ? null : Read(settings.Valid, read with { KnownIntents = known });
            var result = new TrainProgress(error, settings.Quiet).Run(observer => Trainer.Train(train, valid, options, observer));
            ModelFolder.Save(settings.Out, result, options, train);
            TrainSummary.Write(output, settings, result);
            return SaffuCommand.Ok;
        }
        catch (Exception e) when (e is DatasetException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"saffu train: {e.Message}");
            return SaffuCommand.BadInput;
        }
    }

    /// <summary>Every training source in order, concatenated.</summary>
    List<Utterance> ReadTraining(ReadOptions read)
    {
        var all = new List<Utterance>();
        foreach (var source in TrainSources.Of(settings)) all.AddRange(Reported(source(read)));
        return all;
    }

    IReadOnlyList<Utterance> Read(string path, ReadOptions read) => Reported(DatasetReader.Read(path, read));

    IReadOnlyList<Utterance> Reported(Dataset data)
    {
        if (data.SkippedLines > 0 && !settings.Quiet)
            error.WriteLine($"saffu train: skipped {data.SkippedLines} bad line(s) of {data.Path}; first: {data.Skipped[0].Message}");
        return data.Utterances;
    }

    /// <summary>The training sources: `--train`; add `--home`, `--extra` … here.</summary>
    static class TrainSources
    {
        public static IEnumerable<Func<ReadOptions, Dataset>> Of(TrainSettings s)
        {
            yield return read => DatasetReader.Read(s.Train, read);
        }
    }
}

/// <summary>The parsed non-knob options of `saffu train`.</summary>
internal sealed record TrainSettings(string Train, string? Valid, string Out, bool SkipBadLines, bool Quiet);

/// <summary>What `saffu train` prints on stdout when it succeeds.</summary>
internal static class TrainSummary
{
    public static void Write(TextWriter output, TrainSettings settings, TrainingResult r)
    {
        FloatModel m = r.Model;
        TrainingMeasurements t = r.Measurements;
        output.WriteLine($"trained {settings.Out}: {t.TrainUtterances:N0} utterances ({t.PrefixExamples:N0} prefixes), " +
            $"{m.Vocabulary.Count:N0} word types, {m.Intents.Count} intents, b = {m.Config.Bits}, {m.Weights.ParameterCount(m.Config):N0} parameters");
        if (t.DroppedUtterances > 0) output.WriteLine($"left out {t.DroppedUtterances} utterance(s) with no words");
        if (t.UnmatchedSlots > 0) output.WriteLine($"{t.UnmatchedSlots} slot value(s) not found in their transcript (tagged O)");
        if (t.ExplicitSeconds > 0)
            output.WriteLine($"explicit: {t.ExplicitSeconds:F2} s ({t.ExamplesPerSecond:N0} prefix examples/s)" +
                (double.IsNaN(t.ExplicitValidAccuracy) ? "" : $", valid accuracy {t.ExplicitValidAccuracy:P2}"));
        if (r.FineTuneHistory.Count > 0)
            output.WriteLine($"fine-tune: {t.FineTuneSeconds:F2} s, {r.FineTuneHistory[^1].Epoch:0.##} epochs, valid accuracy {t.FinalValidAccuracy:P2}");
        output.WriteLine(settings.Valid is null
            ? "calibration: no --valid, so temperature 1 and reject threshold 0"
            : $"calibration: temperature {m.Temperature:F3}, reject threshold {m.RejectThreshold:F3}");
        output.WriteLine($"wrote {Path.Combine(settings.Out, ModelFolder.ModelFile)} and its weights, training state, held-out set and log");
    }
}
