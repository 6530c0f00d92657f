#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Accuracy study on HWU64 (issue 14): each argument is one configuration, KEY=VALUE pairs joined by commas; every one is
// trained with Trainer.Train (the path `saffu train` takes) and scored on HWU64 valid and slurp-dev. Never reads HWU64 test.
//
//   DOTNET_PROCESSOR_COUNT=2 dotnet run -c Release tools/hwu64-study/accuracy.cs -- "drop=0.1,avg=3" "block=0" ...
//
// Keys (defaults = saffu train's): bits, block, radial, doc, passes, eps, tauU, tauD, pw, rank (U rank), cooc, mix, src (lm: the LM head's
// predicted next words instead of counted neighbours), minc, usw (unknown-word share); ft, fold, lr, epochs, patience, evals (validation checks per epoch), batch, seed, drop (word dropout), avg (averaged runs).
// Data: /work/shared/data or $SAFFU_DATA (hwu64/train, hwu64/valid, slurp-dev).
using System.Diagnostics;
using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Training;

string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var slurp = DatasetReader.Read(Path.Combine(root, "slurp-dev"), known).Utterances;
foreach (string spec in args)
{
    var kv = spec.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
    double D(string k, double d) => kv.TryGetValue(k, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : d;
    int I(string k, int d) => kv.TryGetValue(k, out var v) ? int.Parse(v) : d;
    bool B(string k, bool d) => kv.TryGetValue(k, out var v) ? bool.Parse(v) : d;
    var d = new TrainOptions();
    var so = d.Solver with { Epsilon = D("eps", d.Solver.Epsilon), TauU = D("tauU", d.Solver.TauU), TauD = D("tauD", d.Solver.TauD),
        RefinementPasses = I("passes", d.Solver.RefinementPasses), PrefixWeight = D("pw", d.Solver.PrefixWeight),
        URank = I("rank", d.Solver.URank) };
    var f = d.FineTuning;
    var fo = f with { LearningRate = D("lr", f.LearningRate), Epochs = I("epochs", f.Epochs), Patience = I("patience", f.Patience),
        BatchSize = I("batch", f.BatchSize), EvaluationsPerEpoch = I("evals", f.EvaluationsPerEpoch), Seed = I("seed", f.Seed), FoldTemperature = B("fold", f.FoldTemperature),
        WordDropout = D("drop", f.WordDropout), AveragedRuns = I("avg", f.AveragedRuns) };
    var co = d.Cooccurrence with { Radius = I("cooc", d.Cooccurrence.Radius), Mix = D("mix", d.Cooccurrence.Mix),
        Source = kv.GetValueOrDefault("src") == "lm" ? Saffu.Training.Vocabulary.CooccurrenceSource.LanguageModel : d.Cooccurrence.Source };
    var o = d with { Cooccurrence = co, MinCount = I("minc", d.MinCount), UnknownWordShare = D("usw", d.UnknownWordShare),
        Bits = I("bits", d.Bits), BlockSize = I("block", d.BlockSize), RadialSize = I("radial", d.RadialSize), Document = B("doc", d.Document),
        Solver = so, FineTuning = fo, FineTune = B("ft", d.FineTune) };
    var t = Stopwatch.StartNew();
    var r = Trainer.Train(train, valid, o);
    var m = r.Model;
    var ss = EncodedCorpus.Encode(slurp, m.Vocabulary, m.Intents, null, out _);
    var vs = EncodedCorpus.Encode(valid, m.Vocabulary, m.Intents, null, out _);
    var best = r.FineTuneHistory.Where(e => e.Best).Select(e => e.Epoch.ToString("F1", CultureInfo.InvariantCulture));
    Console.WriteLine($"{spec,-50} explicit {r.Measurements.ExplicitValidAccuracy * 100:F2}  valid {HeldOutAccuracy.Of(m, vs) * 100:F2}  " +
        $"slurp {HeldOutAccuracy.Of(m, ss) * 100:F2}  {t.Elapsed.TotalSeconds:F0}s  best@[{string.Join(' ', best)}]");
}
