#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
#:property JsonSerializerIsReflectionEnabledByDefault=true
// The blob's validation accuracy (through the device runtime, quantization included) of the Pareto-front rows of a sweep
// results file written before rows carried `blob_valid_accuracy` (issue 14): retrains each front configuration and
// measures it with SweepRunner.Measure, printing float valid / blob valid / blob bytes / key.
//
//   DOTNET_PROCESSOR_COUNT=1 dotnet run -c Release tools/hwu64-study/blob-check.cs -- RESULTS.jsonl [KEY ...]
using Saffu.Training.Corpus;
using Saffu.Training.Sweep;
using Saffu.Training.Training;

string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
var rows = SweepRunner.Read(args[0]).Values.ToList();
var keys = args.Skip(1).ToHashSet();
var pick = keys.Count > 0 ? rows.Where(r => keys.Contains(r.Key)).ToList() : ParetoFront.Of(rows).ToList();
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var data = new SweepData(train, valid, [], null);
foreach (var r in pick)
{
    // The sweep rows of docs/ablation.md were trained from the defaults before issue 14's accuracy pass (min count 1, τ_D 1).
    var m = SweepRunner.Measure(r.Config, data, new TrainOptions { MinCount = 1, RadialSize = 0, Solver = new() });
    Console.WriteLine($"{100 * m.ValidAccuracy:F2} float / {(m.BlobValidAccuracy is double b ? (100 * b).ToString("F2") : "-")} blob / {m.BlobBytes:N0} bytes{(m.CostEstimated ? "*" : "")} / {r.Key}");
}
