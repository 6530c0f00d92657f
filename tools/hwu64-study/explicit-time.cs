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
var known = Trainer.ReadOptionsFor(train);
var valid = DatasetReader.Read(Path.Combine(root, "hwu64", "valid"), known).Utterances;
var options = new TrainOptions { FineTune = false };
for (int run = 0; run < 6; run++)
{
    var timer = Stopwatch.StartNew();
    var r = Trainer.Train(train, valid, options);
    double total = timer.Elapsed.TotalSeconds;
    Console.WriteLine($"run {run}: call {total:F2} s, solve {r.Measurements.ExplicitSeconds:F2} s, rest {total - r.Measurements.ExplicitSeconds:F2} s, valid {r.Measurements.ExplicitValidAccuracy:P2}, T {r.Model.Temperature:R}, threshold {r.Model.RejectThreshold:R}");
}
// The parts outside the solve, one at a time (warm).
for (int run = 0; run < 3; run++)
{
    var sw = Stopwatch.StartNew();
    var vocabulary = Saffu.Training.Vocabulary.VocabularyBuilder.Build(train.Select(u => u.Text), options.MaxWords, options.PrependSod, options.MinCount,
        new HashSet<string>(), new List<string>());
    double tv = sw.Elapsed.TotalSeconds; sw.Restart();
    var intents = Trainer.IntentSet(train);
    var enc = EncodedCorpus.Encode(train, vocabulary, intents, null, out _);
    var encV = EncodedCorpus.Encode(valid, vocabulary, intents, null, out _);
    double te = sw.Elapsed.TotalSeconds; sw.Restart();
    Saffu.Training.Vocabulary.VocabularyBuilder.Counts(vocabulary, train.Select(u => u.Text));
    double tc = sw.Elapsed.TotalSeconds; sw.Restart();
    var config = Trainer.Configure(options, vocabulary.Count, intents.Count, 0);
    var model = new Saffu.Training.Model.FloatModel(config, vocabulary, intents, [], Saffu.Training.Model.SaffuWeights.Zero(config));
    double tz = sw.Elapsed.TotalSeconds; sw.Restart();
    new Saffu.Training.Solver.ExplicitSolver(model, options.Solver).Solve(enc);
    double ts = sw.Elapsed.TotalSeconds; sw.Restart();
    Saffu.Training.FineTuning.HeldOutAccuracy.Of(model, encV);
    double ta = sw.Elapsed.TotalSeconds; sw.Restart();
    var logits = encV.Texts.Select(model.Logits).ToList();
    double tl = sw.Elapsed.TotalSeconds; sw.Restart();
    Saffu.Training.Evaluation.Calibration.FitTemperature(logits, encV.Intents);
    double tt = sw.Elapsed.TotalSeconds;
    Console.WriteLine($"vocabulary {tv:F3} s, encode {te:F3}, counts {tc:F3}, model {tz:F3}, solve {ts:F3}, valid accuracy {ta:F3}, valid logits (serial) {tl:F3}, temperature {tt:F3}");
}
