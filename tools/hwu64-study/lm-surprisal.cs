#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// The language-model head's surprisal as an out-of-domain signal (issue 14, item 1): trains the default model (explicit),
// solves the LM head (Solver/LanguageModelHead) on HWU64 train, chooses every threshold on HWU64 valid and reports
// CLINC150 OOS valid and test rejected: by confidence alone at 2%, by surprisal alone at 2%, by either at 1% + 1%.
//
//   DOTNET_PROCESSOR_COUNT=1 dotnet run -c Release tools/hwu64-study/lm-surprisal.cs -- [block=16] [ft=false] [tau=1] [eps=0.1]
using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
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
var oodV = DatasetReader.Read(Path.Combine(root, "clinc150-oos", "valid"), new ReadOptions { RequireIntent = false }).Utterances;
var oodT = DatasetReader.Read(Path.Combine(root, "clinc150-oos", "test"), new ReadOptions { RequireIntent = false }).Utterances;
// The defaults docs/training.md table O was measured with (before issue 14's accuracy pass softened them).
var d = new TrainOptions { MinCount = 1, RadialSize = 0, Solver = new() };
var o = d with { BlockSize = I("block", 16), FineTune = B("ft", false) };
var r = Trainer.Train(train, valid, o);
var m = r.Model;
var ts = EncodedCorpus.Encode(train, m.Vocabulary, m.Intents, null, out _);
var lm = LanguageModelHead.Solve(m, ts, D("tau", 1), D("eps", 0.1));
double Conf(string t) => Calibration.Softmax(m.Logits(m.Vocabulary.Encode(t)), m.Temperature).Max();
double Sur(string t) => lm.Surprisal(m, m.Vocabulary.Encode(t));
var vc = valid.Select(u => Conf(u.Text)).ToArray(); var vs = valid.Select(u => Sur(u.Text)).ToArray();
foreach (var (name, set) in new[] { ("clinc valid", oodV), ("clinc test", oodT) })
{
  var oc = set.Select(u => Conf(u.Text)).ToArray(); var os = set.Select(u => Sur(u.Text)).ToArray();
  double Rate(double fr, Func<double, double, bool> reject, double[] c, double[] s) => Enumerable.Range(0, c.Length).Count(i => reject(c[i], s[i])) / (double)c.Length;
  // thresholds on valid
  double th = Quant(vc, 0.02, false); double sh = Quant(vs, 0.02, true);
  double th1 = Quant(vc, 0.01, false); double sh1 = Quant(vs, 0.01, true);
  Console.WriteLine($"{name}: conf@2% {Rate(0, (c, s) => c < th, oc, os):P1} (valid FR {Rate(0, (c, s) => c < th, vc, vs):P1}); surprisal@2% {Rate(0, (c, s) => s > sh, oc, os):P1} (FR {Rate(0, (c, s) => s > sh, vc, vs):P1}); both@1%+1% {Rate(0, (c, s) => c < th1 || s > sh1, oc, os):P1} (FR {Rate(0, (c, s) => c < th1 || s > sh1, vc, vs):P1})");
}
Console.WriteLine($"valid acc {r.Measurements.FinalValidAccuracy:P2}; LM params {lm.Parameters}; mean surprisal valid {vs.Average():F2}");
static double Quant(double[] x, double share, bool high)
{
  var s = x.OrderBy(v => v).ToArray();
  int k = (int)Math.Floor(share * s.Length);
  return high ? s[s.Length - 1 - k] + 1e-12 : s[k] - 1e-12;
}
