using System.Text.Json.Nodes;
using Saffu.Training.Corpus;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Training;

namespace Saffu.LightsBaseline;

/// <summary>
/// The sentences and labels `saffu train` hands the trainer for the shipped lights model (tools/lights-sources): the home's
/// lights corpus (grammar expansion, not-lights list and the `--extra` written commands, sampled with the corpus seed) and
/// the `--phrasings` sentences `--phrasings-repeat` times, built through the same library calls as Saffu.Cli's TrainRun.
/// The trainer's own copies (unknown-word and recognition-error copies, unanchored &lt;none&gt; left out) are inside
/// Trainer.Train and not reproduced: a baseline sees the sentences, not SAFFU's augmentation.
/// </summary>
internal sealed record LightsTrainingSet(IReadOnlyList<Utterance> Corpus, IReadOnlyList<Utterance> Phrasings)
{
    /// <summary>Every training row: the corpus, then the phrasings (already repeated).</summary>
    public IReadOnlyList<Utterance> All => [.. Corpus, .. Phrasings];

    public static LightsTrainingSet Build(BaselineSettings s)
    {
        var known = new ReadOptions { KnownIntents = LightIntents.All.ToHashSet(StringComparer.Ordinal) };
        var extra = DatasetReader.Read(s.Extra, known).Utterances;
        var corpus = LightsCorpus.Build(HomeDescription.Load(s.Home), LightsCorpusOptions.Default with
        {
            Seed = s.CorpusSeed, Extra = extra, KeepExtraWords = false,
        });
        var phrasings = DatasetReader.Read(s.Phrasings, known).Utterances.Select(u => u with { Slots = Utterance.NoSlots, Tags = null }).ToList();
        return new LightsTrainingSet(corpus.Train.Select(t => t.ToUtterance()).ToList(),
            Enumerable.Repeat(phrasings, s.PhrasingsRepeat).SelectMany(x => x).ToList());
    }

    /// <summary>
    /// Checks the rows against the trained model folder's record of its training data: the corpus against model.json
    /// `data.trainUtterances` and `data.trainSha256` (the hash of the corpus as canonical JSONL), and corpus + phrasings −
    /// `unanchoredNoneLeftOut` against training-log.json `trainUtterances` (what the trainer encoded before its copies).
    /// </summary>
    public void CheckAgainst(string modelFolder)
    {
        string path = Path.Combine(modelFolder, ModelFolder.ModelFile);
        var data = JsonNode.Parse(File.ReadAllText(path))!["data"]!;
        int count = data["trainUtterances"]!.GetValue<int>();
        string sha = data["trainSha256"]!.GetValue<string>();
        string mine = Convert.ToHexStringLower(HeldOutFile.Hash(Corpus));
        if (count != Corpus.Count || sha != mine)
            throw new InvalidDataException($"{path} records {count} training utterances with SHA-256 {sha}; the rebuilt corpus has "
                + $"{Corpus.Count} with {mine}. Expected the same: train the model with tools/lights-sources (./tools/main-job) or pass the same sources.");
        string logPath = Path.Combine(modelFolder, ModelFolder.LogFile);
        var log = JsonNode.Parse(File.ReadAllText(logPath))!;
        int encoded = log["trainUtterances"]!.GetValue<int>(), leftOut = log["unanchoredNoneLeftOut"]?.GetValue<int>() ?? 0;
        if (Corpus.Count + Phrasings.Count - leftOut != encoded)
            throw new InvalidDataException($"{logPath} records {encoded} encoded training utterances ({leftOut} unanchored <none> left out); "
                + $"the rebuilt corpus and phrasings give {Corpus.Count} + {Phrasings.Count} − {leftOut} = {Corpus.Count + Phrasings.Count - leftOut}. "
                + "Expected the same: pass the model's --phrasings and --phrasings-repeat.");
    }
}
