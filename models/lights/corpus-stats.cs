#:project ../../trainer-host/Saffu.Training/Saffu.Training.csproj
// Prints the lights corpus a home description expands to: sentences per intent and split, template
// counts, conflicts, and expansion time (first build includes JIT; then the median of 5 more builds).
// Run from the repository root:  dotnet run -c Release models/lights/corpus-stats.cs -- [HOME_FILE] [SENTENCES_PER_INTENT]
using System.Diagnostics;
using Saffu.Training.Grammar;
using Saffu.Training.Home;

string homePath = args.Length > 0 ? args[0] : "models/lights/home.yaml";
int perIntent = args.Length > 1 ? int.Parse(args[1]) : LightsCorpusOptions.Default.SentencesPerIntent;
var options = new LightsCorpusOptions { SentencesPerIntent = perIntent };
var home = HomeDescription.Load(homePath);
var clock = Stopwatch.StartNew();
var corpus = LightsCorpus.Build(home, options);
double first = clock.Elapsed.TotalMilliseconds;
var times = new List<double>();
for (int i = 0; i < 5; i++)
{
    clock.Restart();
    LightsCorpus.Build(home, options);
    times.Add(clock.Elapsed.TotalMilliseconds);
}
times.Sort();
Console.WriteLine($"home {homePath}: {home.Lights.Count} lights, {home.Areas.Count} areas; grammar {CommandGrammar.Shipped.Templates.Count} templates, {CommandGrammar.Shipped.Colors.Count} colours");
Console.WriteLine($"{"intent",-14}{"train",7}{"valid",7}{"templates",11}{"held out",10}{"possible",14}");
foreach (string intent in LightIntents.All)
{
    var templates = corpus.Report.Templates.Where(t => t.Template.Intent == intent).ToList();
    long possible = templates.Aggregate(0L, (n, t) => Math.Min(1L << 62, n + t.Possible));
    Console.WriteLine($"{intent,-14}{corpus.Train.Count(s => s.Intent == intent),7}{corpus.Valid.Count(s => s.Intent == intent),7}" +
        $"{templates.Count,11}{templates.Count(t => t.HeldOut),10}{possible,14:N0}");
}
Console.WriteLine($"{"total",-14}{corpus.Train.Count,7}{corpus.Valid.Count,7}   (not-lights lines: {corpus.Report.NotLightsTrain} train, {corpus.Report.NotLightsValid} valid)");
Console.WriteLine($"conflicts dropped: {corpus.Report.Conflicts.Count}; templates short of their quota: {corpus.Report.Templates.Count(t => t.Kept < t.Quota)}");
Console.WriteLine($"expansion: first build {first:F0} ms (with JIT), then median {times[2]:F0} ms (min {times[0]:F0}, max {times[4]:F0}) over 5 builds");
