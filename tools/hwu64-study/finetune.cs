#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Fine-tuning and word-vector study on HWU64 (issue 14): trains with the library (Trainer.Train, explicit only), then
// fine-tunes with FineTuner and prints validation and slurp-dev accuracy after every evaluation. Never reads HWU64 test.
//
//   DOTNET_PROCESSOR_COUNT=1 dotnet run -c Release tools/hwu64-study/finetune.cs -- [KEY=VALUE ...]
//
// Keys (defaults = saffu train's before issue 14's accuracy pass: min count 1, radial 0, tauU 5, tauD 1, pw 0.03): bits, block (16), radial (0), doc, passes, eps, epsO, tauU, tauO, tauD, pw, rank (U rank),
// cooc (co-occurrence radius, 0 = off), mix (0.5), entries (32), minc; ft (true: fine-tune), fold (true: fold the
// validation temperature into O first), lr, epochs, patience, evals (per epoch), batch, seed, trainW/trainU/trainO.
// Data: /work/shared/data or $SAFFU_DATA (hwu64/train, hwu64/valid, slurp-dev).
using System.Diagnostics;
using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Training;

var kv = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
double D(string k, double d) => kv.TryGetValue(k, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : d;
int I(string k, int d) => kv.TryGetValue(k, out var v) ? int.Parse(v) : d;
bool B(string k, bool d) => kv.TryGetValue(k, out var v) ? bool.Parse(v) : d;
string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var slurp = DatasetReader.Read(Path.Combine(root, "slurp-dev"), known).Utterances;
var d = new TrainOptions();
var so = d.Solver with { Epsilon = D("eps", 0.1), TauU = D("tauU", 5), TauO = D("tauO", 10), TauD = D("tauD", 1), RefinementPasses = I("passes", 1), PrefixWeight = D("pw", 0.03), EpsilonO = D("epsO", 0.1), URank = I("rank", 0) };
var fo = d.FineTuning with { LearningRate = D("lr", 0.003), Epochs = I("epochs", 8), Patience = I("patience", 2), EvaluationsPerEpoch = I("evals", 1),
  TrainW = B("trainW", true), TrainU = B("trainU", true), TrainO = B("trainO", true), BatchSize = I("batch", 32), Seed = I("seed", 1), FoldTemperature = B("fold", true) };
var co = new Saffu.Training.Vocabulary.CooccurrenceOptions { Radius = I("cooc", 0), Mix = D("mix", 0.5), MaxEntries = I("entries", 32) };
var o = d with { Cooccurrence = co, MinCount = I("minc", 1), Bits = I("bits", 0), BlockSize = I("block", 16), RadialSize = I("radial", 0), Document = B("doc", true), Solver = so, FineTuning = fo, FineTune = false };
var t = Stopwatch.StartNew();
var r = Trainer.Train(train, valid, o);
var m = r.Model;
var vs = EncodedCorpus.Encode(valid, m.Vocabulary, m.Intents, null, out _);
var ss = EncodedCorpus.Encode(slurp, m.Vocabulary, m.Intents, null, out _);
var ts = EncodedCorpus.Encode(train, m.Vocabulary, m.Intents, null, out _);
Console.WriteLine($"explicit {t.Elapsed.TotalSeconds:F1}s valid {HeldOutAccuracy.Of(m, vs):P2} slurp {HeldOutAccuracy.Of(m, ss):P2} train {HeldOutAccuracy.Of(m, ts):P2} T={m.Temperature:F3}");
if (B("ft", true)) {
  t.Restart();
  var tuner = new FineTuner(m, fo with { PrefixWeight = so.PrefixWeight }, new Obs(() => HeldOutAccuracy.Of(m, ss)));
  double best = tuner.Run(ts, vs);
  foreach (var e in tuner.History) Console.WriteLine($"  ep {e.Epoch:F2} loss {e.TrainLoss:F4} valid {e.ValidAccuracy:P2}");
  Console.WriteLine($"finetuned {t.Elapsed.TotalSeconds:F1}s valid {best:P2} slurp {HeldOutAccuracy.Of(m, ss):P2} train {HeldOutAccuracy.Of(m, ts):P2}");
}

sealed class Obs(Func<double> slurp) : ITrainingObserver
{
  public IProgress<long>? StepStarted(string step, long total) => null;
  public void StepFinished(string step, TimeSpan elapsed) { }
  public void LayerSolved(LayerReport report) { }
  public void EpochFinished(EpochReport e) => Console.WriteLine($"  ep {e.Epoch:F2} valid {e.ValidAccuracy:P2} slurp {slurp():P2}");
  public void Message(string text) { }
}
