using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text;
using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Training;

/// <summary>A model folder as read back: the float model, how it was trained, and its held-out set.</summary>
public sealed record ModelFolderContents(FloatModel Model, TrainOptions Options, IReadOnlyList<Utterance> HeldOut, string TrainSha256)
{
    /// <summary>Where a retrained model came from (model.json `lineage`); null for a model `saffu train` made.</summary>
    public ModelLineage? Lineage { get; init; }
    /// <summary>model.json `data.trainUtterances`.</summary>
    public int TrainUtterances { get; init; }

    /// <summary>The home the model was trained for (`home.yaml`, written by `saffu train --home`), or null.</summary>
    public HomeDescription? Home { get; init; }
}

/// <summary>
/// Writes and reads the model folder of `saffu train --out` (docs/model-dir.md). Every file is
/// written to a temporary name and renamed into place, `model.json` last; the same inputs and
/// options give the same bytes in every file.
/// </summary>
public static class ModelFolder
{
    public const string ModelFile = "model.json", WeightsFile = "weights.bin", StateFile = "training-state.bin", LogFile = "training-log.json";
    /// <summary>The home description a lights model was trained for (`saffu train --home`), as the user wrote it.</summary>
    public const string HomeFile = "home.yaml";
    /// <summary>The training sentences' text, one a line (the corpus of the recogniser's language model, docs/voice.md).</summary>
    public const string CorpusFile = "corpus.txt";
    public const string Format = "saffu-model-folder";
    public const int Version = 1;
    public const string TrainerName = "saffu 0.1.0";

    /// <param name="home">The home a lights model was trained for: its text is kept as `home.yaml` (the exporter
    /// builds the action map from it). Null removes a `home.yaml` left by an earlier run.</param>
    public static void Save(string folder, TrainingResult result, TrainOptions options, IReadOnlyList<Utterance> train,
        HomeDescription? home = null) =>
        Save(folder, result, options, new TrainData(train.Count, Convert.ToHexStringLower(HeldOutFile.Hash(train))), home, null,
            train.Select(u => u.Text).ToList());

    /// <summary>Writes the folder with the given data summary, corpus texts and, for a retrained model, its lineage (docs/model-dir.md).</summary>
    public static void Save(string folder, TrainingResult result, TrainOptions options, TrainData data, HomeDescription? home, ModelLineage? lineage,
        IReadOnlyList<string> corpus)
    {
        Directory.CreateDirectory(folder);
        FloatModel m = result.Model;
        var weights = m.Weights.Tensors(m.Config).Select(t => NamedTensor.Of(t.Name, t.Rows, t.Cols, t.Data)).Concat(VectorTensors(m));
        WriteAtomic(folder, WeightsFile, TensorFile.Write(weights));
        WriteAtomic(folder, StateFile, TensorFile.Write(StateTensors(result)));
        WriteAtomic(folder, HeldOutFile.FileName, HeldOutFile.Write(result.HeldOut));
        WriteAtomic(folder, LogFile, SortedJson.Serialize(TrainingLog.Json(result)));
        WriteAtomic(folder, CorpusFile, CorpusText(corpus));
        if (home is not null) WriteAtomic(folder, HomeFile, new UTF8Encoding(false).GetBytes(home.Text));
        else File.Delete(Path.Combine(folder, HomeFile));
        WriteAtomic(folder, ModelFile, SortedJson.Serialize(ModelJson(result, options, data, lineage)));
    }

    /// <summary>Every training text in reading order, line ends inside a text as spaces, `\n` after each, UTF-8.</summary>
    public static byte[] CorpusText(IReadOnlyList<string> texts)
    {
        var text = new StringBuilder();
        foreach (string t in texts) text.Append(t.Replace('\r', ' ').Replace('\n', ' ')).Append('\n');
        return new UTF8Encoding(false).GetBytes(text.ToString());
    }

    /// <summary>
    /// The texts of the recogniser's language model: `corpus.txt`, or for a folder written before it existed, the
    /// held-out set's texts (the only sentences such a folder keeps); the second value says which.
    /// </summary>
    public static (IReadOnlyList<string> Texts, string Source) CorpusTexts(string folder, ModelFolderContents contents)
    {
        string path = Path.Combine(folder, CorpusFile);
        if (File.Exists(path))
            return (File.ReadAllLines(path, Encoding.UTF8).Where(l => l.Length > 0).ToList(), CorpusFile);
        return (contents.HeldOut.Select(u => u.Text).ToList(), HeldOutFile.FileName);
    }

    /// <summary>Co-occurrence word vectors (none for cipher codes): `vectors.offsets` (V + 1), `vectors.bits`, `vectors.weights`, float32.</summary>
    static IEnumerable<NamedTensor> VectorTensors(FloatModel m)
    {
        if (m.Codes.Cooccurrence is null) yield break;
        var (offsets, bits, weights) = m.Codes.StoredVectors();
        yield return NamedTensor.Of(VectorOffsets, offsets.Length, 1, offsets.Select(o => (float)o).ToArray());
        yield return NamedTensor.Of(VectorBits, bits.Length, 1, bits.Select(b => (float)b).ToArray());
        yield return NamedTensor.Of(VectorWeights, weights.Length, 1, weights);
    }

    const string VectorOffsets = "vectors.offsets", VectorBits = "vectors.bits", VectorWeights = "vectors.weights";

    static JsonObject ModelJson(TrainingResult result, TrainOptions options, TrainData data, ModelLineage? lineage)
    {
        FloatModel m = result.Model;
        var json = new JsonObject
        {
            ["format"] = Format, ["version"] = Version, ["trainer"] = TrainerName,
            ["config"] = OptionsJson.Config(m.Config),
            ["vocabulary"] = new JsonArray(m.Vocabulary.Words.Select(w => (JsonNode)w).ToArray()),
            ["intents"] = new JsonArray(m.Intents.Select(w => (JsonNode)w).ToArray()),
            ["tagLabels"] = new JsonArray(m.TagLabels.Select(w => (JsonNode)w).ToArray()),
            ["temperature"] = m.Temperature, ["rejectThreshold"] = m.RejectThreshold, ["noneIntent"] = m.NoneIntent,
            ["training"] = OptionsJson.Training(options),
            ["data"] = new JsonObject
            {
                ["trainUtterances"] = data.Utterances, ["trainSha256"] = data.Sha256,
                ["heldOutUtterances"] = result.HeldOut.Count, ["heldOutSha256"] = Convert.ToHexStringLower(HeldOutFile.Hash(result.HeldOut)),
            },
        };
        if (m.AnchorIds is not null)
            json["anchors"] = new JsonArray(m.AnchorIds.Order().Select(id => (JsonNode)m.Vocabulary.Words[id]).ToArray());
        if (CreatedUnixSeconds() is long created) json["createdUnixSeconds"] = created;
        if (lineage is not null) json["lineage"] = lineage.Json();
        return json;
    }

    /// <summary>SOURCE_DATE_EPOCH when set (reproducible builds), else null: no timestamp is recorded.</summary>
    public static long? CreatedUnixSeconds() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out long seconds) ? seconds : null;

    static IEnumerable<NamedTensor> StateTensors(TrainingResult result)
    {
        foreach (LayerStatistics s in result.Statistics.Layers)
        {
            yield return NamedTensor.Of(s.Name + ".F", s.Rows, s.Cols, s.F);
            yield return NamedTensor.Of(s.Name + ".K", 1, 3, new[] { s.NormSum, s.WeightSum, s.Examples });
        }
        yield return NamedTensor.Of("vocabulary.counts", result.WordCounts.Length, 1, result.WordCounts.Select(c => (double)c).ToArray());
    }

    static void WriteAtomic(string folder, string name, byte[] bytes)
    {
        string final = Path.Combine(folder, name), temp = final + ".tmp";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, final, overwrite: true);
    }

    /// <summary>Reads a model folder; every problem is a <see cref="ModelFolderException"/> naming the file.</summary>
    public static ModelFolderContents Load(string folder)
    {
        if (!Directory.Exists(folder)) throw new ModelFolderException(folder, "no such folder", "a model folder written by 'saffu train'");
        string modelPath = Path.Combine(folder, ModelFile);
        JsonObject json = ReadJson(modelPath);
        var r = new JsonReader(modelPath);
        if (r.String(json, "format") != Format) throw r.Bad("format", $"\"{r.String(json, "format")}\"", $"\"{Format}\"");
        int version = r.Int(json, "version");
        if (version != Version) throw r.Bad("version", version.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{Version} (this saffu reads up to version {Version})");
        SaffuConfig config = OptionsJson.Config(r.Object(json, "config"), r);
        TrainOptions options = OptionsJson.Training(r.Object(json, "training"), r);
        FloatModel model = Build(modelPath, config, r.Strings(json, "vocabulary"), r.Strings(json, "intents"), r.Strings(json, "tagLabels"));
        model.Weights = ReadWeights(Path.Combine(folder, WeightsFile), config);
        if (options.Cooccurrence.Enabled) ReadVectors(Path.Combine(folder, WeightsFile), model, options.Cooccurrence);
        model.Temperature = r.Double(json, "temperature");
        model.RejectThreshold = r.Double(json, "rejectThreshold");
        if (!(model.Temperature > 0) || !double.IsFinite(model.Temperature)) throw r.Bad("temperature", model.Temperature.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "a finite number > 0");
        if (!(model.RejectThreshold is >= 0 and <= 1)) throw r.Bad("rejectThreshold", model.RejectThreshold.ToString("R", System.Globalization.CultureInfo.InvariantCulture), "a probability 0..1");
        if (json["anchors"] is not null) model.AnchorIds = ReadAnchors(r, json, model);
        var heldOut = ReadHeldOut(Path.Combine(folder, HeldOutFile.FileName), model.Intents);
        HomeDescription? home = ReadHome(Path.Combine(folder, HomeFile));
        if (home is not null) model.SlotValueNames = SlotPhrases.For(home, CommandGrammar.Shipped).ValueNames();
        var lineage = json["lineage"] is JsonObject l ? ModelLineage.Read(l, r) : null;
        return new ModelFolderContents(model, options, heldOut, r.String(r.Object(json, "data"), "trainSha256"))
        {
            Home = home, Lineage = lineage, TrainUtterances = r.Int(r.Object(json, "data"), "trainUtterances"),
        };
    }

    /// <summary>The anchor words, each a vocabulary word other than &lt;oov&gt; and &lt;sod&gt;, none twice, at least one.</summary>
    static IReadOnlySet<int> ReadAnchors(JsonReader r, JsonObject json, FloatModel model)
    {
        var ids = new HashSet<int>();
        foreach (string word in r.Strings(json, "anchors"))
        {
            int id = model.Vocabulary.IdOf(word);
            if (id == model.Vocabulary.OovId || id == model.Vocabulary.SodId || !ids.Add(id))
                throw r.Bad("anchors", $"\"{word}\"", "distinct vocabulary words other than <oov> and <sod>");
        }
        if (ids.Count == 0) throw r.Bad("anchors", "[]", "at least one anchor word (or no \"anchors\" key)");
        return ids;
    }

    static HomeDescription? ReadHome(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            return HomeDescription.Load(path);
        }
        catch (HomeDescriptionException e)
        {
            throw new ModelFolderException(e.Line > 0 ? $"{path}:{e.Line}" : path, e.Found, e.Expected);
        }
    }


    static JsonObject ReadJson(string path)
    {
        if (!File.Exists(path)) throw new ModelFolderException(path, "no such file", "model.json written by 'saffu train'");
        try
        {
            return JsonNode.Parse(File.ReadAllBytes(path)) as JsonObject ?? throw new ModelFolderException(path, "JSON that is not an object", "a JSON object");
        }
        catch (JsonException e)
        {
            throw new ModelFolderException(path, $"invalid JSON ({e.Message})", "the JSON written by 'saffu train'");
        }
    }

    static FloatModel Build(string path, SaffuConfig config, string[] words, string[] intents, string[] tags)
    {
        try
        {
            var vocabulary = new WordVocabulary(words, config.MaxWords, config.PrependSod);
            return new FloatModel(config, vocabulary, intents, tags, SaffuWeights.Zero(config));
        }
        catch (ArgumentException e)
        {
            throw new ModelFolderException(path, e.Message, "a consistent config, vocabulary, intents and tag labels");
        }
    }

    static SaffuWeights ReadWeights(string path, SaffuConfig config)
    {
        if (!File.Exists(path)) throw new ModelFolderException(path, "no such file", "the weights written by 'saffu train'");
        var tensors = TensorFile.Read(File.ReadAllBytes(path), path);
        var weights = SaffuWeights.Zero(config);
        foreach (var (name, rows, cols, data) in weights.Tensors(config))
        {
            if (!tensors.TryGetValue(name, out NamedTensor? t)) throw new ModelFolderException(path, $"no tensor \"{name}\"", $"\"{name}\" ({rows} × {cols}) as the config says");
            if (t.Rows != rows || t.Cols != cols || t.Single is null)
                throw new ModelFolderException(path, $"\"{name}\" of {t.Rows} × {t.Cols}", $"float32 {rows} × {cols}");
            if (!t.Single.All(float.IsFinite)) throw new ModelFolderException(path, $"a non-finite value in \"{name}\"", "finite weights");
            t.Single.CopyTo(data, 0);
        }
        return weights;
    }

    static void ReadVectors(string path, FloatModel model, CooccurrenceOptions options)
    {
        var tensors = TensorFile.Read(File.ReadAllBytes(path), path);
        float[] Get(string name) => tensors.TryGetValue(name, out NamedTensor? t) && t.Single is not null && t.Cols == 1
            ? t.Single : throw new ModelFolderException(path, $"no float32 column \"{name}\"", "the co-occurrence vectors model.json's training.cooccurrence says");
        float[] offsets = Get(VectorOffsets), bits = Get(VectorBits), weights = Get(VectorWeights);
        try
        {
            model.Codes.SetVectors(offsets.Select(o => (int)o).ToArray(), bits.Select(b => (short)b).ToArray(), weights, options);
        }
        catch (ArgumentException e)
        {
            throw new ModelFolderException(path, e.Message, "the co-occurrence vectors 'saffu train' wrote");
        }
    }

    static IReadOnlyList<Utterance> ReadHeldOut(string path, IReadOnlyList<string> intents)
    {
        if (!File.Exists(path) || new FileInfo(path).Length == 0) return [];
        try
        {
            return DatasetReader.Read(path, new ReadOptions { KnownIntents = intents.ToHashSet(StringComparer.Ordinal) }).Utterances;
        }
        catch (DatasetException e)
        {
            throw new ModelFolderException(path, e.Found, e.Expected);
        }
    }

    /// <summary>The sufficient statistics and word counts of the training-state file (for retraining).</summary>
    public static (TrainingStatistics Statistics, long[] WordCounts) LoadState(string folder)
    {
        string path = Path.Combine(folder, StateFile);
        if (!File.Exists(path)) throw new ModelFolderException(path, "no such file", "the training state written by 'saffu train'");
        var tensors = TensorFile.Read(File.ReadAllBytes(path), path);
        var statistics = new TrainingStatistics();
        foreach (var f in tensors.Values.Where(t => t.Name.EndsWith(".F", StringComparison.Ordinal)))
        {
            string name = f.Name[..^2];
            if (f.Double is null || !tensors.TryGetValue(name + ".K", out NamedTensor? k) || k.Double is not { Length: 3 })
                throw new ModelFolderException(path, $"layer \"{name}\" without float64 F and K", "F (rows × cols) and K (1 × 3) per layer");
            var layer = new LayerStatistics(name, f.Rows, f.Cols) { NormSum = k.Double[0], WeightSum = k.Double[1], Examples = (long)k.Double[2] };
            f.Double.CopyTo(layer.F, 0);
            statistics.Set([layer]);
        }
        if (!tensors.TryGetValue("vocabulary.counts", out NamedTensor? counts) || counts.Double is null)
            throw new ModelFolderException(path, "no \"vocabulary.counts\"", "the word counts");
        return (statistics, counts.Double.Select(c => (long)c).ToArray());
    }
}
