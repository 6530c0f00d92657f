#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Out-of-domain scores for the accuracy defaults (issue 14 / issue 5's OOD bar): trains `saffu train`'s defaults (explicit +
// fine-tune) on HWU64 train, chooses each threshold on HWU64 valid (≤ 2% false rejection) and reports the share of CLINC150
// OOS train+valid (never test) rejected, for the max probability at the fitted temperature T × k (the models keep
// --temperature-scale 1, so T is as fitted, as when the default 0.5 was chosen), the max logit and log-sum-exp.
//
//   DOTNET_PROCESSOR_COUNT=2 dotnet run -c Release tools/hwu64-study/ood-score.cs
using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.Training;

string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var oodRead = new ReadOptions { RequireIntent = false };
var ood = DatasetReader.Read(Path.Combine(root, "clinc150-oos", "train"), oodRead).Utterances
    .Concat(DatasetReader.Read(Path.Combine(root, "clinc150-oos", "valid"), oodRead).Utterances).ToList();
var variants = new (string Name, TrainOptions Options)[]
{
    ("defaults, explicit", new TrainOptions { FineTune = false, TemperatureScale = 1 }),
    ("defaults, fine-tuned", new TrainOptions { TemperatureScale = 1 }),
    ("min count 1, fine-tuned", new TrainOptions { MinCount = 1, TemperatureScale = 1 }),
};
foreach (var (name0, options) in variants.Where(v => args.Length == 0 || args.Contains(v.Name)))
{
    var sw = System.Diagnostics.Stopwatch.StartNew();
    var r = Trainer.Train(train, valid, options);
    double sec = sw.Elapsed.TotalSeconds;
    bool ft = options.FineTune;
    var m = r.Model;
    double[][] L(IEnumerable<Utterance> s) => s.Select(u => m.Logits(m.Vocabulary.Encode(u.Text)).Select(x => (double)x).ToArray()).ToArray();
    var vl = L(valid); var ol = L(ood);
    Console.WriteLine($"{name0} ({sec:F2} s, explicit {r.Measurements.ExplicitSeconds:F2} s): valid {r.Measurements.FinalValidAccuracy:P2}, T {m.Temperature:F3}, stored threshold {m.RejectThreshold:F4}");
    void Report(string name, Func<double[], double> score)
    {
        var v = vl.Select(score).OrderBy(x => x).ToArray();
        double th = v[(int)Math.Floor(0.02 * v.Length)] - 1e-12;
        double rej = ol.Count(l => score(l) < th) / (double)ol.Length;
        Console.WriteLine($"  {name,-28} OOD train+valid rejected {rej:P1}");
    }
    foreach (double k in new[] { 0.25, 0.4, 0.5, 0.7, 1, 2 })
        Report($"max p at T×{k}", l => Calibration.Softmax(l.Select(x => (float)x).ToArray().AsSpan(), m.Temperature * k).Max());
    Report("max logit", l => l.Max());
    Report("logsumexp (energy)", l => { double mx = l.Max(); return mx + Math.Log(l.Sum(x => Math.Exp(x - mx))); });
}
