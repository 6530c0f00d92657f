#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Where the warm explicit `Trainer.Train` call that tools/Saffu.Compare times spends its time (issue 14's speed bar):
// the same regime as Compare (one cold full call, one call on a 1/15 slice, then the timed calls), each call split into
// phases by the trainer's own observer events (no change to the trainer): setup (intents, vocabulary, model), encoding,
// every counting pass and the layer solves between them, the heads' solve with the validation accuracy, and the
// calibration (validation logits, temperature, threshold) with the word counts. Prints a hash of the trained model
// (weights, temperature, threshold) so that a faster build can be checked for the same bits.
//
//   DOTNET_PROCESSOR_COUNT=2 dotnet run -c Release tools/hwu64-study/explicit-phases.cs [calls]
using System.Diagnostics;
using System.Security.Cryptography;
using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Training;

string root = Environment.GetEnvironmentVariable("SAFFU_DATA") ?? Path.GetFullPath("../shared/data");
int calls = args.Length > 0 ? int.Parse(args[0]) : 5;
var train = DatasetReader.Read(Path.Combine(root, "hwu64", "train")).Utterances;
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var options = new TrainOptions { FineTune = false };

var cold = Stopwatch.StartNew();
Trainer.Train(train, valid, options);
Console.WriteLine($"cold call {cold.Elapsed.TotalSeconds:F3} s");
Trainer.Train(train.Where((_, i) => i % 15 == 0).ToList(), valid.Where((_, i) => i % 15 == 0).ToList(), options with { FineTuning = options.FineTuning with { Epochs = 1 } });

var sums = new Dictionary<string, List<double>>();
for (int call = 0; call < calls; call++)
{
    var phases = new PhaseClock();
    var timer = Stopwatch.StartNew();
    TrainingResult r = Trainer.Train(train, valid, options, phases);
    phases.End("calibration, word counts");
    double total = timer.Elapsed.TotalSeconds;
    Console.WriteLine($"call {call}: {total:F3} s  " + string.Join(", ", phases.Phases.Select((p, i) => $"{p.Name} {p.Seconds:F3}" + (phases.Pauses[i] > 0.0005 ? $" (GC {phases.Pauses[i]:F3})" : ""))) +
        $"  [model {Hash(r.Model)}; T {r.Model.Temperature:R}, threshold {r.Model.RejectThreshold:R}, valid {r.Measurements.ExplicitValidAccuracy:P2}]");
    foreach (var (name, s) in phases.Phases.Append(("whole call", total)))
        (sums.TryGetValue(name, out var l) ? l : sums[name] = []).Add(s);
}
Console.WriteLine("median of the calls: " + string.Join(", ", sums.Select(p => $"{p.Key} {Median(p.Value):F3}")));

static double Median(List<double> v) { var s = v.Order().ToList(); return s[s.Count / 2]; }

static string Hash(FloatModel m)
{
    using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    foreach (float[]? a in new[] { m.Weights.BlockW, m.Weights.RadialW, m.Weights.BlockU, m.Weights.RadialU, m.Weights.DocumentU, m.Weights.O })
        if (a is not null) sha.AppendData(System.Runtime.InteropServices.MemoryMarshal.AsBytes(a.AsSpan()));
    sha.AppendData(BitConverter.GetBytes(m.Temperature));
    sha.AppendData(BitConverter.GetBytes(m.RejectThreshold));
    return Convert.ToHexString(sha.GetHashAndReset())[..16];
}

/// <summary>Cuts the call at the trainer's observer events: each phase runs from the previous event to this one.</summary>
sealed class PhaseClock : ITrainingObserver
{
    readonly Stopwatch clock = Stopwatch.StartNew();
    double last, lastPause = GC.GetTotalPauseDuration().TotalSeconds;
    public List<(string Name, double Seconds)> Phases { get; } = [];
    /// <summary>Seconds the garbage collector paused the process, per phase.</summary>
    public List<double> Pauses { get; } = [];
    public void End(string name)
    {
        double now = clock.Elapsed.TotalSeconds, pause = GC.GetTotalPauseDuration().TotalSeconds;
        Phases.Add((name, now - last));
        Pauses.Add(pause - lastPause);
        last = now;
        lastPause = pause;
    }
    public IProgress<long>? StepStarted(string step, long total) { End(Phases.Count == 1 ? "encoding" : "solve"); return null; }
    public void StepFinished(string step, TimeSpan elapsed) => End(step);
    public void LayerSolved(LayerReport report) { }
    public void EpochFinished(EpochReport epoch) { }
    public void Message(string text) => End(Phases.Count == 0 ? "setup, vocabulary" : "heads' solve, valid accuracy");
}
