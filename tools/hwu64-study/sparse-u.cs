#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Row-sparse U with a masked fine-tune (issue 14, item 4): trains `saffu train`'s defaults explicitly (Trainer.Train,
// no fine-tuning), keeps in every context U each row's k largest entries and sets the rest of the row to its mean, then
// fine-tunes as `saffu train` does (folded temperature, the defaults' Adam) with a gradient mask that freezes the dropped
// entries; scores HWU64 valid and slurp-dev. k = 0: dense (the defaults' own path). Never reads HWU64 test.
//
//   DOTNET_PROCESSOR_COUNT=1 dotnet run -c Release tools/hwu64-study/sparse-u.cs -- [topk=0,8,16] [seed=1]
using System.Globalization;
using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Training;

string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
var kv = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
int[] topK = (kv.GetValueOrDefault("topk") ?? "0,8,16").Split(',').Select(int.Parse).ToArray();
int seed = int.Parse(kv.GetValueOrDefault("seed") ?? "1");
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var slurp = DatasetReader.Read(Path.Combine(root, "slurp-dev"), known).Utterances;
var defaults = new TrainOptions();
foreach (int k in topK)
{
    var m = Trainer.Train(train, valid, defaults with { FineTune = false }).Model;
    var c = m.Config;
    var ts = EncodedCorpus.Encode(train, m.Vocabulary, m.Intents, null, out _);
    var vs = EncodedCorpus.Encode(valid, m.Vocabulary, m.Intents, null, out _);
    var ss = EncodedCorpus.Encode(slurp, m.Vocabulary, m.Intents, null, out _);
    var mask = m.Weights.Clone();
    foreach (var (_, _, _, data) in mask.Tensors(c)) Array.Fill(data, 1f);
    long kept = 0, total = 0;
    if (k > 0)
        foreach (var (u, keep) in new[] { (m.Weights.BlockU, mask.BlockU), (m.Weights.RadialU, mask.RadialU), (m.Weights.DocumentU, mask.DocumentU) })
        {
            if (u is null || keep is null) continue;
            int l = c.LabelDim;
            total += u.Length;
            for (int at = 0; at < u.Length; at += l)
            {
                var top = Enumerable.Range(0, l).OrderByDescending(j => u[at + j]).Take(k).ToHashSet();
                double mean = Enumerable.Range(0, l).Where(j => !top.Contains(j)).Average(j => (double)u[at + j]);
                for (int j = 0; j < l; j++)
                {
                    bool on = top.Contains(j);
                    if (!on) u[at + j] = (float)mean;
                    keep[at + j] = on ? 1 : 0;
                }
                kept += k + 1;
            }
        }
    double cut = HeldOutAccuracy.Of(m, vs);
    var tuning = defaults.FineTuning with { PrefixWeight = defaults.Solver.PrefixWeight, Seed = seed };
    var tuner = new FineTuner(m, tuning) { GradientMask = k > 0 ? mask : null };
    tuner.Run(ts, vs);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"top {k,2} (U numbers {(k > 0 ? $"{kept:N0} of {total:N0}" : "all")}): explicit cut {cut * 100:F2} -> fine-tuned valid {HeldOutAccuracy.Of(m, vs) * 100:F2}  slurp {HeldOutAccuracy.Of(m, ss) * 100:F2}"));
}
