using System.Text.Json.Nodes;
using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>The config and training options as `model.json` spells them (docs/model-dir.md).</summary>
public static class OptionsJson
{
    public static JsonObject Config(SaffuConfig c) => new()
    {
        ["bits"] = c.Bits, ["labelDim"] = c.LabelDim, ["intentCount"] = c.IntentCount, ["prependSod"] = c.PrependSod,
        ["maxWords"] = c.MaxWords, ["blockSize"] = c.BlockSize, ["radialSize"] = c.RadialSize, ["document"] = c.Document,
        ["tagCount"] = c.TagCount, ["tagOffsets"] = c.TagOffsets, ["tagIncludesIntentParts"] = c.TagIncludesIntentParts,
        ["grownFrom"] = c.GrownFrom,
    };

    public static SaffuConfig Config(JsonObject o, JsonReader r) => new()
    {
        Bits = r.Int(o, "bits"), LabelDim = r.Int(o, "labelDim"), IntentCount = r.Int(o, "intentCount"),
        PrependSod = r.Bool(o, "prependSod"), MaxWords = r.Int(o, "maxWords"), BlockSize = r.Int(o, "blockSize"),
        RadialSize = r.Int(o, "radialSize"), Document = r.Bool(o, "document"), TagCount = r.Int(o, "tagCount"),
        TagOffsets = r.Int(o, "tagOffsets"), TagIncludesIntentParts = r.Bool(o, "tagIncludesIntentParts"),
        GrownFrom = o.ContainsKey("grownFrom") ? r.Int(o, "grownFrom") : 0,
    };

    /// <summary>The training options; the word dropout copy keys only when copies are made (docs/model-dir.md).</summary>
    public static JsonObject Training(TrainOptions t)
    {
        JsonObject o = Knobs(t);
        if (t.DropoutCopies == 0) return o;
        o["dropoutCopies"] = t.DropoutCopies;
        o["dropoutCopyRate"] = t.DropoutCopyRate;
        o["dropoutCopyScope"] = t.DropoutCopyScope.ToString().ToLowerInvariant();
        o["dropoutCopyMode"] = t.DropoutCopyMode.ToString().ToLowerInvariant();
        return o;
    }

    static JsonObject Knobs(TrainOptions t) => new()
    {
        ["bits"] = t.Bits, ["minCount"] = t.MinCount, ["unknownWordShare"] = t.UnknownWordShare, ["speechErrorShare"] = t.SpeechErrorShare, ["prependSod"] = t.PrependSod, ["maxWords"] = t.MaxWords, ["blockSize"] = t.BlockSize,
        ["radialSize"] = t.RadialSize, ["document"] = t.Document, ["tagHead"] = t.TagHead.ToString().ToLowerInvariant(),
        ["tagOffsets"] = t.TagOffsets, ["tagIncludesIntentParts"] = t.TagIncludesIntentParts, ["fineTune"] = t.FineTune,
        ["start"] = t.Start.ToString().ToLowerInvariant(),
        ["maxFalseRejection"] = t.MaxFalseRejection,
        ["noneRejectionTarget"] = t.NoneRejectionTarget, ["noneNeedsAnchor"] = t.NoneNeedsAnchor, ["nonActingOffset"] = t.NonActingOffset,
        ["pairedCodes"] = t.PairedCodes,
        ["cooccurrence"] = Cooccurrence(t.Cooccurrence),
        ["solver"] = new JsonObject
        {
            ["epsilon"] = t.Solver.Epsilon, ["epsilonW"] = t.Solver.EpsilonW, ["epsilonO"] = t.Solver.EpsilonO,
            ["tauU"] = t.Solver.TauU, ["tauO"] = t.Solver.TauO, ["tauD"] = t.Solver.TauD, ["refinementPasses"] = t.Solver.RefinementPasses,
            ["prefixWeight"] = t.Solver.PrefixWeight, ["uRank"] = t.Solver.URank,
        },
        ["fineTuning"] = new JsonObject
        {
            ["epochs"] = t.FineTuning.Epochs, ["batchSize"] = t.FineTuning.BatchSize, ["learningRate"] = t.FineTuning.LearningRate,
            ["beta1"] = t.FineTuning.Beta1, ["beta2"] = t.FineTuning.Beta2, ["adamEpsilon"] = t.FineTuning.AdamEpsilon,
            ["patience"] = t.FineTuning.Patience, ["evaluationsPerEpoch"] = t.FineTuning.EvaluationsPerEpoch,
            ["tagWeight"] = t.FineTuning.TagWeight, ["trainW"] = t.FineTuning.TrainW, ["trainU"] = t.FineTuning.TrainU,
            ["trainO"] = t.FineTuning.TrainO, ["seed"] = t.FineTuning.Seed, ["initScale"] = t.FineTuning.InitScale,
            ["foldTemperature"] = t.FineTuning.FoldTemperature,
        },
    };

    /// <summary>The co-occurrence object; `source` only for the language-model source (absent = counted neighbours).</summary>
    static JsonObject Cooccurrence(CooccurrenceOptions c)
    {
        var o = new JsonObject { ["radius"] = c.Radius, ["mix"] = c.Mix, ["maxEntries"] = c.MaxEntries };
        if (c.Source == CooccurrenceSource.LanguageModel) o["source"] = "languageModel";
        return o;
    }

    static CooccurrenceOptions Cooccurrence(JsonObject c, JsonReader r)
    {
        var source = CooccurrenceSource.Counts;
        if (c.ContainsKey("source"))
            source = r.String(c, "source") switch
            {
                "languageModel" => CooccurrenceSource.LanguageModel,
                "counts" => CooccurrenceSource.Counts,
                var other => throw r.Bad("cooccurrence.source", $"\"{other}\"", "\"counts\" or \"languageModel\""),
            };
        var options = new CooccurrenceOptions
        {
            Radius = r.Int(c, "radius"), Mix = r.Double(c, "mix"), MaxEntries = r.Int(c, "maxEntries"), Source = source,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException e)
        {
            throw r.Bad("cooccurrence", e.Message, "radius 0..8, mix 0..1, maxEntries 1..4096");
        }
        return options;
    }

    static DropoutCopyScope DropoutScope(JsonObject o, JsonReader r)
    {
        if (!o.ContainsKey("dropoutCopyScope")) return DropoutCopyScope.Commands;
        string scope = r.String(o, "dropoutCopyScope");
        return Enum.TryParse(scope, ignoreCase: true, out DropoutCopyScope s) && !int.TryParse(scope, out _) ? s
            : throw r.Bad("dropoutCopyScope", $"\"{scope}\"", "commands, intents or all");
    }

    static DropoutCopyMode DropoutMode(JsonObject o, JsonReader r)
    {
        if (!o.ContainsKey("dropoutCopyMode")) return DropoutCopyMode.Oov;
        string mode = r.String(o, "dropoutCopyMode");
        return Enum.TryParse(mode, ignoreCase: true, out DropoutCopyMode m) && !int.TryParse(mode, out _) ? m
            : throw r.Bad("dropoutCopyMode", $"\"{mode}\"", "oov or remove");
    }

    public static TrainOptions Training(JsonObject o, JsonReader r)
    {
        JsonObject s = r.Object(o, "solver"), f = r.Object(o, "fineTuning");
        string tagHead = r.String(o, "tagHead"), start = r.String(o, "start");
        return new TrainOptions
        {
            Bits = r.Int(o, "bits"), MinCount = o.ContainsKey("minCount") ? r.Int(o, "minCount") : 1,
            UnknownWordShare = o.ContainsKey("unknownWordShare") ? r.Double(o, "unknownWordShare") : 0,
            SpeechErrorShare = o.ContainsKey("speechErrorShare") ? r.Double(o, "speechErrorShare") : 0,
            DropoutCopies = o.ContainsKey("dropoutCopies") ? r.Int(o, "dropoutCopies") : 0,
            DropoutCopyRate = o.ContainsKey("dropoutCopyRate") ? r.Double(o, "dropoutCopyRate") : 0.2,
            DropoutCopyScope = DropoutScope(o, r), DropoutCopyMode = DropoutMode(o, r), PrependSod = r.Bool(o, "prependSod"), MaxWords = r.Int(o, "maxWords"),
            BlockSize = r.Int(o, "blockSize"), RadialSize = r.Int(o, "radialSize"), Document = r.Bool(o, "document"),
            TagHead = Enum.TryParse(tagHead, ignoreCase: true, out TagHeadMode mode) ? mode : throw r.Bad("tagHead", $"\"{tagHead}\"", "auto, on or off"),
            TagOffsets = r.Int(o, "tagOffsets"), TagIncludesIntentParts = r.Bool(o, "tagIncludesIntentParts"),
            FineTune = r.Bool(o, "fineTune"),
            Start = Enum.TryParse(start, ignoreCase: true, out StartingPoint from) ? from : throw r.Bad("start", $"\"{start}\"", "explicit or random"), MaxFalseRejection = r.Double(o, "maxFalseRejection"),
            NoneRejectionTarget = o.ContainsKey("noneRejectionTarget") ? r.Double(o, "noneRejectionTarget") : 0,
            NoneNeedsAnchor = !o.ContainsKey("noneNeedsAnchor") || r.Bool(o, "noneNeedsAnchor"),
            NonActingOffset = o.ContainsKey("nonActingOffset") ? r.Double(o, "nonActingOffset") : 0,
            PairedCodes = o.ContainsKey("pairedCodes") && r.Bool(o, "pairedCodes"),
            Cooccurrence = o.ContainsKey("cooccurrence") ? Cooccurrence(r.Object(o, "cooccurrence"), r) : new CooccurrenceOptions(),
            Solver = new SolverOptions
            {
                Epsilon = r.Double(s, "epsilon"), EpsilonW = r.Double(s, "epsilonW"), EpsilonO = r.Double(s, "epsilonO"),
                TauU = r.Double(s, "tauU"), TauO = r.Double(s, "tauO"), TauD = s.ContainsKey("tauD") ? r.Double(s, "tauD") : 1, RefinementPasses = r.Int(s, "refinementPasses"),
                PrefixWeight = r.Double(s, "prefixWeight"), URank = s.ContainsKey("uRank") ? r.Int(s, "uRank") : 0,
            },
            FineTuning = new FineTuneOptions
            {
                Epochs = r.Int(f, "epochs"), BatchSize = r.Int(f, "batchSize"), LearningRate = r.Double(f, "learningRate"),
                Beta1 = r.Double(f, "beta1"), Beta2 = r.Double(f, "beta2"), AdamEpsilon = r.Double(f, "adamEpsilon"),
                Patience = r.Int(f, "patience"), EvaluationsPerEpoch = r.Int(f, "evaluationsPerEpoch"),
                TagWeight = r.Double(f, "tagWeight"), TrainW = r.Bool(f, "trainW"), TrainU = r.Bool(f, "trainU"),
                TrainO = r.Bool(f, "trainO"), Seed = r.Int(f, "seed"), InitScale = r.Double(f, "initScale"),
                FoldTemperature = f.ContainsKey("foldTemperature") && r.Bool(f, "foldTemperature"),
            },
        };
    }
}

/// <summary>Typed reads of `model.json` fields; a missing or mistyped field is a <see cref="ModelFolderException"/> naming it.</summary>
public sealed class JsonReader(string path)
{
    public ModelFolderException Bad(string key, string found, string expected) => new(path, $"\"{key}\" = {found}", expected);

    JsonValue Value(JsonObject o, string key) =>
        o[key] as JsonValue ?? throw new ModelFolderException(path, $"no value \"{key}\"", $"the field \"{key}\"");

    public int Int(JsonObject o, string key) => Value(o, key).TryGetValue(out int v) ? v : throw Bad(key, Value(o, key).ToJsonString(), "an integer");
    public double Double(JsonObject o, string key) => Value(o, key).TryGetValue(out double v) ? v : throw Bad(key, Value(o, key).ToJsonString(), "a number");
    public bool Bool(JsonObject o, string key) => Value(o, key).TryGetValue(out bool v) ? v : throw Bad(key, Value(o, key).ToJsonString(), "true or false");
    public string String(JsonObject o, string key) => Value(o, key).TryGetValue(out string? v) ? v : throw Bad(key, Value(o, key).ToJsonString(), "a string");
    public JsonObject Object(JsonObject o, string key) => o[key] as JsonObject ?? throw new ModelFolderException(path, $"no object \"{key}\"", $"the object \"{key}\"");

    public string[] Strings(JsonObject o, string key)
    {
        if (o[key] is not JsonArray a) throw new ModelFolderException(path, $"no array \"{key}\"", $"the array \"{key}\"");
        return a.Select((n, i) => n is JsonValue v && v.TryGetValue(out string? s) ? s : throw Bad($"{key}[{i}]", n?.ToJsonString() ?? "null", "a string")).ToArray();
    }
}
