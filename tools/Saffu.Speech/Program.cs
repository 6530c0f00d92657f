// Spoken-command benchmark (issue 13, item 3): held-out light commands and out-of-domain sentences, synthesised by
// several voices, recognised by pocketsphinx with the language model fitted to the blob (FILE.arpa/FILE.dict beside
// it) and with pocketsphinx's general English model, then decided by the device runtime (TranscriptRunner, as
// `saffu run` / `saffu listen`). Run from the repository root after tools/setup-speech and tools/main-job:
//
//   dotnet run -c Release --project tools/Saffu.Speech -- [--blob FILE]... [--commands N] [--ood N] [--voices a,b,…]
//       [--snr DB,…|none] [--stress] [--general-every K (0: not at all)] [--set heldout|dev|dev-wide] [--parallel 1|2] [--work DIR] [--out DIR] [--confusions FILE]
//       [--hearing-threshold P (default: HearingCheck.DefaultThreshold; 0 = off)] [--hearing-sweep P,P,… (the trade table's thresholds)]
//       [--consensus A (default: HearingCheck.DefaultConsensus; 0 = off)] [--consensus-scale S (default: HearingCheck.DefaultConsensusScale; inf = uniform)]
//       [--consensus-scales S,S,… --consensus-sweep A,A,… (the consensus trade table's rows)]
//       [--action-floor F (default: HearingCheck.DefaultFloor; 0 = off)] [--hearing-grid P,… --floor-grid F,… (the rules table's rows)]
//       [--rival off|differs|any (default: HearingCheck.DefaultRival)] [--rival-deletions yes|no (default: RivalGrammar.DefaultDeletions)]
//       [--every-light P (default: HearingCheck.DefaultEveryLight; 0 = off) --every-light-grid P,… (docs/voice.md §14: every word of a transcript driving every light unnamed heard at least P surely)]
//       [--decoder "-lw 8 …" (pocketsphinx settings for the fitted LM's decodes; default none: pocketsphinx's own)]
//       [--rival-distance K (default: RivalGrammar.DefaultMaxDistance)] [--rival-variants yes:2,no:1,… (more grammars decoded for the rules table, besides the benchmark's own; :no-homophones leaves distance-0 rivals out; :classes adds the rival classes' members, docs/voice.md §11)]
//
// Defaults: 80 commands (40 heldout, 40 heldout-blind), 60 out of domain (20 each of heldout-none,
// heldout-blind-none, CLINC150 OOS test), voices flite slt/rms/kal16/awb and festival's slt HTS, noise at 10 dB
// (fitted LM), the general LM on every 2nd sentence (it is 3× slower), 2 recogniser processes. --stress adds
// espeak-ng (fitted LM only).
//
// Prints and writes DIR/results.md and DIR/speech-benchmark.png; --confusions writes the fitted model's word
// confusions on commands (the table robust training reads, docs/voice.md §6).
using System.Diagnostics;
using System.Globalization;
using Saffu.Speech;
using Saffu.Training.Speech;

var options = BenchOptions.Parse(args);
var clock = Stopwatch.StartNew();
var stock = StockSpeechModel.Default;
if (PocketSphinx.Missing(stock) is { } missing) { Console.Error.WriteLine($"speech bench: {missing}"); return 1; }
foreach (Voice v in options.Voices.Where(v => !v.Installed)) { Console.Error.WriteLine($"speech bench: {v.Name} is not installed (tools/setup-speech)"); return 1; }

var sentences = Sentences.Load(options);
Console.WriteLine($"sentences: {sentences.Count(s => s.IsCommand)} commands, {sentences.Count(s => !s.IsCommand)} out of domain; "
    + $"voices: {string.Join(", ", options.Voices.Select(v => v.Name))}; noise: {(options.Snr.Count == 0 ? "none" : string.Join(", ", options.Snr.Select(s => $"{s} dB")))}");

var audio = new AudioCache(options.Work, options.Parallel);
var clean = audio.Synthesise(sentences, options.Voices);
Console.WriteLine($"synthesised {clean.Count} utterances ({clean.Sum(u => u.Seconds):F0} s of audio) in {clock.Elapsed.TotalSeconds:F0} s");

var fittedLm = SpeechModelFiles.PathsBeside(options.Blobs[0]);
foreach (string blob in options.Blobs)
{
    var (arpa, _) = SpeechModelFiles.PathsBeside(blob);
    if (!File.Exists(arpa)) { Console.Error.WriteLine($"speech bench: {arpa} not found; run 'saffu export' to write it beside {blob}"); return 1; }
    if (File.ReadAllText(arpa) != File.ReadAllText(fittedLm.Arpa))
        Console.Error.WriteLine($"speech bench: note: {arpa} differs from {fittedLm.Arpa}; every blob is scored on the first blob's recognitions");
}
var recognisers = new Dictionary<string, PocketSphinx>
{
    ["fitted"] = new(stock, fittedLm.Arpa, fittedLm.Dict) { Decoding = options.Decoder ?? [] },
    ["general"] = new(stock, stock.GeneralLanguageModel, stock.Dictionary),
};
var runs = new List<Recognised>();
runs.AddRange(RecognitionRuns.Run(recognisers["fitted"], "fitted", clean, options.Parallel));
Console.WriteLine($"recognised with the fitted LM in {clock.Elapsed.TotalSeconds:F0} s");
var (rivals, rivalSeconds, rivalDecodes) = RivalRuns.Decode(recognisers["fitted"], options.Blobs[0], fittedLm.Dict,
    runs.Where(r => r.Lm == "fitted" && r.Utterance.Snr is null).ToList(), options.Parallel, options.RivalVariants);
Console.WriteLine($"rival grammars (docs/voice.md §10): {rivalDecodes} decodes ({options.RivalVariants.Count} variants) in {rivalSeconds:F0} s wall; at {clock.Elapsed.TotalSeconds:F0} s");
var everyOther = options.GeneralEvery == 0 ? [] : sentences.Where((_, i) => i % options.GeneralEvery == 0).ToHashSet();
if (everyOther.Count > 0) runs.AddRange(RecognitionRuns.Run(recognisers["general"], "general", clean.Where(u => everyOther.Contains(u.Sentence)).ToList(), options.Parallel));
Console.WriteLine($"recognised with the general LM in {clock.Elapsed.TotalSeconds:F0} s");
foreach (int snr in options.Snr)
{
    var noisy = audio.WithNoise(clean, snr);
    runs.AddRange(RecognitionRuns.Run(recognisers["fitted"], "fitted", noisy, options.Parallel));
    Console.WriteLine($"recognised {snr} dB noise with the fitted LM in {clock.Elapsed.TotalSeconds:F0} s");
}
if (options.Stress is { } stress)
{
    var spoken = audio.Synthesise(sentences, [stress]);
    runs.AddRange(RecognitionRuns.Run(recognisers["fitted"], "fitted", spoken, options.Parallel));
    Console.WriteLine($"stress case {stress.Name} recognised in {clock.Elapsed.TotalSeconds:F0} s");
}

var report = new Report(options, sentences, runs, rivals, rivalSeconds);
string markdown = report.Markdown(clock.Elapsed.TotalSeconds);
Directory.CreateDirectory(options.Out);
File.WriteAllText(Path.Combine(options.Out, "results.md"), markdown);
File.WriteAllBytes(Path.Combine(options.Out, Report.PlotFile), report.Png());
File.WriteAllText(Path.Combine(options.Out, "details.jsonl"), report.Details());
if (options.Confusions is { } path) File.WriteAllText(path, Confusions.Table(runs.Where(r => r.Lm == "fitted" && r.Utterance.Snr is null && r.Utterance.Sentence.IsCommand
    && options.Voices.Contains(r.Utterance.Voice))));
Console.WriteLine(markdown);
Console.WriteLine($"wrote {Path.Combine(options.Out, "results.md")} and {Path.Combine(options.Out, Report.PlotFile)}; whole run {clock.Elapsed.TotalSeconds:F0} s");
return 0;

internal sealed record BenchOptions(List<string> Blobs, int Commands, int Ood, List<Voice> Voices, List<int> Snr, Voice? Stress, int Parallel,
    string Work, string Out, string? Confusions, int GeneralEvery, BenchSet Set = BenchSet.Heldout,
    double HearingThreshold = HearingCheck.DefaultThreshold, IReadOnlyList<double>? Sweep = null,
    double Consensus = HearingCheck.DefaultConsensus, double ConsensusScale = HearingCheck.DefaultConsensusScale,
    IReadOnlyList<double>? Scales = null, IReadOnlyList<double>? AgreementSweep = null, double ActionFloor = HearingCheck.DefaultFloor,
    IReadOnlyList<double>? Hearings = null, IReadOnlyList<double>? Floors = null, RivalRule Rival = HearingCheck.DefaultRival,
    bool RivalDeletions = RivalGrammar.DefaultDeletions, int RivalDistance = RivalGrammar.DefaultMaxDistance, IReadOnlyList<RivalVariant>? Variants = null,
    IReadOnlyList<string>? Decoder = null, double EveryLight = HearingCheck.DefaultEveryLight, IReadOnlyList<double>? EveryLights = null)
{
    /// <summary>The rival-grammar variants decoded: the benchmark's own first, then those of --rival-variants (each costs one more decode of the driving recognitions).</summary>
    public IReadOnlyList<RivalVariant> RivalVariants => new[] { new RivalVariant(RivalDeletions, RivalDistance) }.Concat(Variants ?? []).Distinct().ToList();

    public IReadOnlyList<double> HearingSweep => Sweep ?? [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5, 0.7, 0.9, 0.99];
    public IReadOnlyList<double> ConsensusScales => Scales ?? [ConsensusScale];
    public IReadOnlyList<double> ConsensusSweep => AgreementSweep ?? [0, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9];
    public IReadOnlyList<double> HearingGrid => Hearings ?? [0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4];
    public IReadOnlyList<double> FloorGrid => Floors ?? [0, 0.3, 0.35, 0.4, 0.45, 0.5];
    public IReadOnlyList<double> EveryLightGrid => EveryLights ?? [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7];

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions([], 80, 60, [.. Voice.Known.Take(5)], [10], null, 2, "build/speech-bench", "build/speech-bench", null, 2);
        for (int i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--blob": o.Blobs.Add(Next()); break;
                case "--commands": o = o with { Commands = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--ood": o = o with { Ood = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--voices": o = o with { Voices = Next().Split(',').Select(Voice.Parse).ToList() }; break;
                case "--snr":
                    string snr = Next();
                    o = o with { Snr = snr == "none" ? [] : snr.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList() };
                    break;
                case "--stress": o = o with { Stress = Voice.Parse("espeak-ng") }; break;
                case "--parallel": o = o with { Parallel = Math.Clamp(int.Parse(Next(), CultureInfo.InvariantCulture), 1, 2) }; break;
                case "--work": o = o with { Work = Next() }; break;
                case "--out": o = o with { Out = Next() }; break;
                case "--general-every": o = o with { GeneralEvery = Math.Max(0, int.Parse(Next(), CultureInfo.InvariantCulture)) }; break;
                case "--set": o = o with { Set = Next() switch { "heldout" => BenchSet.Heldout, "dev" => BenchSet.Dev, "dev-wide" => BenchSet.DevWide,
                    var s => throw new ArgumentException($"--set {s}: expected heldout, dev or dev-wide") } }; break;
                case "--dev-commands": o = o with { Set = BenchSet.Dev }; break;
                case "--confusions": o = o with { Confusions = Next() }; break;
                case "--hearing-threshold": o = o with { HearingThreshold = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--consensus": o = o with { Consensus = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--consensus-scale": o = o with { ConsensusScale = Scale(Next()) }; break;
                case "--consensus-scales": o = o with { Scales = Next().Split(',').Select(Scale).ToList() }; break;
                case "--consensus-sweep": o = o with { AgreementSweep = Next().Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList() }; break;
                case "--action-floor": o = o with { ActionFloor = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--hearing-grid": o = o with { Hearings = Next().Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList() }; break;
                case "--floor-grid": o = o with { Floors = Next().Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList() }; break;
                case "--rival": o = o with { Rival = Next() switch { "off" => RivalRule.Off, "differs" => RivalRule.Differs, "any" => RivalRule.Any,
                    var r => throw new ArgumentException($"--rival {r}: expected off, differs or any") } }; break;
                case "--rival-deletions": o = o with { RivalDeletions = Next() switch { "yes" => true, "no" => false,
                    var d => throw new ArgumentException($"--rival-deletions {d}: expected yes or no") } }; break;
                case "--rival-distance": o = o with { RivalDistance = int.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--rival-variants": o = o with { Variants = Next().Split(',').Select(v => v.Split(':') switch
                    {
                        [var d, var k] => new RivalVariant(d == "yes", int.Parse(k, CultureInfo.InvariantCulture)),
                        [var d, var k, "no-homophones"] => new RivalVariant(d == "yes", int.Parse(k, CultureInfo.InvariantCulture), Homophones: false),
                        [var d, var k, "classes"] => new RivalVariant(d == "yes", int.Parse(k, CultureInfo.InvariantCulture), Classes: true),
                        _ => throw new ArgumentException($"--rival-variants {v}: expected DELETIONS:DISTANCE[:no-homophones|:classes], e.g. yes:2, no:1:no-homophones or no:1:classes"),
                    }).ToList() }; break;
                case "--decoder": o = o with { Decoder = Next().Split(' ', StringSplitOptions.RemoveEmptyEntries) }; break;
                case "--every-light": o = o with { EveryLight = double.Parse(Next(), CultureInfo.InvariantCulture) }; break;
                case "--every-light-grid": o = o with { EveryLights = Next().Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList() }; break;
                case "--hearing-sweep": o = o with { Sweep = Next().Split(',').Select(t => double.Parse(t, CultureInfo.InvariantCulture)).ToList() }; break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Blobs.Count == 0) o.Blobs.Add("build/lights/lights.blob");
        return o;
    }

    static double Scale(string text) => text is "inf" or "∞" ? double.PositiveInfinity : double.Parse(text, CultureInfo.InvariantCulture);
}

/// <summary>Which sentences are spoken: the held-out ones the issue's bar is defined on, or dev ones rules are chosen on
/// (the first dev benchmark, or the wider one of docs/voice.md §14).</summary>
internal enum BenchSet { Heldout, Dev, DevWide }
