#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Where the explicit `Trainer.Train` call of the HWU64 defaults spends its time (issue 14's speed bar): five warm calls,
// each split into the solve (TrainingMeasurements.ExplicitSeconds) and the rest (vocabulary, encoding, valid accuracy,
// temperature and threshold).
//
//   DOTNET_PROCESSOR_COUNT=2 dotnet run -c Release tools/hwu64-study/explicit-time.cs
using System.Diagnostics;
using Saffu.Training.Corpus;
using Saffu.Training.Training;

string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = new ReadOptions { KnownIntents = Trainer.IntentSet(train).ToHashSet(StringComparer.Ordinal) };
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var options = new TrainOptions { FineTune = false };
for (int run = 0; run < 6; run++)
{
    var timer = Stopwatch.StartNew();
    var r = Trainer.Train(train, valid, options);
    double total = timer.Elapsed.TotalSeconds;
    Console.WriteLine($"run {run}: call {total:F2} s, solve {r.Measurements.ExplicitSeconds:F2} s, rest {total - r.Measurements.ExplicitSeconds:F2} s, valid {r.Measurements.ExplicitValidAccuracy:P2}, T {r.Model.Temperature:R}, threshold {r.Model.RejectThreshold:R}");
}
