using System.Diagnostics;
using System.Text;

namespace Saffu.Training.Speech;

/// <summary>
/// One recognised file: the transcript (lower-case words, empty when nothing was heard), the recogniser's score, and
/// each word of the transcript with its posterior probability in the recogniser's word lattice (docs/voice.md §4).
/// </summary>
/// <param name="Words">The transcript's words in order with their posteriors (0..1); empty when the recogniser gave none
/// for this file (<see cref="HasPosteriors"/> is then false for a non-empty transcript).</param>
public sealed record Recognition(string Text, long Score, IReadOnlyList<HeardWord> Words)
{
    public Recognition(string text, long score) : this(text, score, []) { }

    /// <summary>
    /// The recogniser's N-best list for this file (best first, at most <see cref="PocketSphinx.NBest"/>; a text may
    /// appear more than once, with different time alignments); empty when it gave none (docs/voice.md §9).
    /// </summary>
    public IReadOnlyList<Hypothesis> Alternatives { get; init; } = [];

    /// <summary>
    /// The same audio decoded again with the transcript's rival grammar (docs/voice.md §10, <see cref="HearingCheck.RivalFsg"/>):
    /// the sentence the acoustics chose among the alternatives of the words the decision depends on; null when no such
    /// decode was made, "" when the grammar found no path.
    /// </summary>
    public string? Rival { get; init; }

    /// <summary>True when <see cref="Words"/> are the transcript's words (the lattice's segmentation matched the hypothesis).</summary>
    public bool HasPosteriors => Words.Select(w => w.Word).SequenceEqual(Text.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

/// <summary>One hypothesis of the recogniser's N-best list: its words and its path score (pocketsphinx's log units, higher is better).</summary>
public sealed record Hypothesis(string Text, long Score);

/// <summary>A word of a transcript and its posterior probability in the recogniser's lattice (1 = no competing path).</summary>
public sealed record HeardWord(string Word, double Posterior);

/// <summary>A best-path word of a CTM line: start and end in seconds, and the posterior of its own lattice link.</summary>
public sealed record TimedWord(string Word, double Start, double End, double Posterior);

/// <summary>
/// The pocketsphinx recogniser (Debian's 0.8+5prealpha: `pocketsphinx_batch` for files, `pocketsphinx_continuous
/// -inmic yes` for a microphone) with an acoustic model, a language model (ARPA text or binary) and a dictionary.
/// Files must be 16 kHz mono 16-bit PCM WAV (<see cref="AudioConversion"/> makes them so). One process decodes a
/// whole list, so the models load once.
/// </summary>
public sealed class PocketSphinx(StockSpeechModel stock, string languageModel, string dictionary)
{
    public const string BatchCommand = "pocketsphinx_batch", LiveCommand = "pocketsphinx_continuous";

    /// <summary>How many hypotheses of each file's N-best list are read (`-nbest`; the decision consensus, docs/voice.md §9).</summary>
    public const int NBest = 10;

    public string LanguageModel => languageModel;
    public string Dictionary => dictionary;

    /// <summary>Null when the recogniser can run, else what is missing and how to get it.</summary>
    public static string? Missing(StockSpeechModel stock) =>
        Tools.Find(BatchCommand) is null ? $"{BatchCommand} not found on PATH (the pocketsphinx package; run tools/setup-speech)" : stock.Missing();

    /// <summary>Decoder settings added to every language-model decode (e.g. `-lw 8`); none: pocketsphinx's own defaults
    /// (`-lw 6.5 -wip 0.65 -beam 1e-48 -wbeam 7e-29 -pbeam 1e-48 -bestpath yes`). The benchmark's `--decoder` sets them.</summary>
    public IReadOnlyList<string> Decoding { get; init; } = [];

    string[] ModelArguments() => ["-hmm", stock.AcousticModel, "-lm", languageModel, "-dict", dictionary, .. Decoding];

    /// <summary>Recognises each file (recogniser-ready WAV); also the recogniser's wall-clock seconds, model loading included.</summary>
    /// <exception cref="RecogniserException">The recogniser did not start or failed.</exception>
    public (IReadOnlyList<Recognition> Results, double Seconds) Recognise(IReadOnlyList<string> wavFiles)
    {
        if (wavFiles.Count == 0) return ([], 0);
        string folder = Directory.CreateTempSubdirectory("saffu-listen-").FullName;
        try
        {
            string ctlPath = LinkUtterances(folder, wavFiles), hypPath = Path.Combine(folder, "files.hyp"), ctmPath = Path.Combine(folder, "files.ctm");
            string lattices = Path.Combine(folder, "lattices"), nbest = Path.Combine(folder, "nbest");
            string[] args = ["-adcin", "yes", "-cepdir", folder, "-cepext", ".wav", "-ctl", ctlPath, "-hyp", hypPath, "-ctm", ctmPath,
                "-outlatdir", lattices, "-outlatfmt", "htk",
                "-nbest", NBest.ToString(System.Globalization.CultureInfo.InvariantCulture), "-nbestdir", nbest, .. ModelArguments(), "-logfn", Path.Combine(folder, "log")];
            double cpu = Tools.Run(BatchCommand, args, out string stderr);
            if (!File.Exists(hypPath))
                throw new RecogniserException($"{BatchCommand} wrote no transcripts ({Tail(Path.Combine(folder, "log"), stderr)})");
            var byId = ParseHypotheses(File.ReadAllLines(hypPath));
            var words = File.Exists(ctmPath) ? ParseCtm(File.ReadAllLines(ctmPath)) : [];
            var results = Enumerable.Range(0, wavFiles.Count).Select(i => byId.GetValueOrDefault(Id(i)) is { } r
                ? r with { Words = Posteriors(words.GetValueOrDefault(Id(i)), Path.Combine(lattices, Id(i) + ".lat")), Alternatives = ReadNBest(Path.Combine(nbest, Id(i) + ".hyp")) }
                : new Recognition("", 0)).ToList();
            return (results, cpu);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>
    /// Decodes each file again with its own finite-state grammar (Sphinx FSG text, <see cref="RivalGrammar.FsgOf"/>) instead
    /// of the language model, in one `pocketsphinx_batch -fsgctl` run (docs/voice.md §10): each file's best sentence the
    /// grammar allows, fillers removed ("" when no path of the grammar reached its end); also the run's wall-clock seconds.
    /// </summary>
    /// <exception cref="RecogniserException">The recogniser did not start or failed.</exception>
    public (IReadOnlyList<string> Sentences, double Seconds) DecodeWithGrammars(IReadOnlyList<(string Wav, string Fsg)> files)
    {
        if (files.Count == 0) return ([], 0);
        string folder = Directory.CreateTempSubdirectory("saffu-rivals-").FullName;
        try
        {
            string ctlPath = LinkUtterances(folder, files.Select(f => f.Wav).ToList()), hypPath = Path.Combine(folder, "files.hyp");
            for (int i = 0; i < files.Count; i++) File.WriteAllText(Path.Combine(folder, Id(i) + ".fsg"), files[i].Fsg);
            string[] args = ["-adcin", "yes", "-cepdir", folder, "-cepext", ".wav", "-ctl", ctlPath, "-hyp", hypPath,
                "-fsgctl", ctlPath, "-fsgdir", folder, "-fsgext", ".fsg", "-hmm", stock.AcousticModel, "-dict", dictionary, "-logfn", Path.Combine(folder, "log")];
            double seconds = Tools.Run(BatchCommand, args, out string stderr);
            if (!File.Exists(hypPath))
                throw new RecogniserException($"{BatchCommand} -fsgctl wrote no transcripts ({Tail(Path.Combine(folder, "log"), stderr)})");
            var byId = ParseHypotheses(File.ReadAllLines(hypPath));
            return (Enumerable.Range(0, files.Count).Select(i => byId.GetValueOrDefault(Id(i))?.Text ?? "").ToList(), seconds);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string Id(int i) => $"u{i:D6}";

    /// <summary>
    /// Each file linked into <paramref name="folder"/> under its utterance id (`u000000.wav`, …: paths with spaces are no
    /// problem) and the control file listing the ids, one a line; returns the control file's path.
    /// </summary>
    static string LinkUtterances(string folder, IReadOnlyList<string> wavFiles)
    {
        var ctl = new StringBuilder();
        for (int i = 0; i < wavFiles.Count; i++)
        {
            File.CreateSymbolicLink(Path.Combine(folder, Id(i) + ".wav"), Path.GetFullPath(wavFiles[i]));
            ctl.Append(Id(i)).Append('\n');
        }
        string ctlPath = Path.Combine(folder, "files.ctl");
        File.WriteAllText(ctlPath, ctl.ToString());
        return ctlPath;
    }

    /// <summary>Lines `words (uttid score)` of a pocketsphinx hypothesis file, by utterance id.</summary>
    public static Dictionary<string, Recognition> ParseHypotheses(IEnumerable<string> lines)
    {
        var byId = new Dictionary<string, Recognition>(StringComparer.Ordinal);
        foreach (string line in lines)
        {
            int open = line.LastIndexOf('(');
            if (open < 0 || !line.EndsWith(')')) continue;
            string[] inside = line[(open + 1)..^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (inside.Length == 0) continue;
            long score = inside.Length > 1 && long.TryParse(inside[1], out long s) ? s : 0;
            byId[inside[0]] = new Recognition(Clean(line[..open]), score);
        }
        return byId;
    }

    static IReadOnlyList<Hypothesis> ReadNBest(string path) => File.Exists(path) ? ParseNBest(File.ReadAllLines(path)) : [];

    /// <summary>
    /// Lines `words score` of a pocketsphinx N-best file (pocketsphinx_batch -nbestdir: one file per utterance, best
    /// first), words cleaned as in <see cref="Clean"/>; lines without a score are skipped.
    /// </summary>
    public static List<Hypothesis> ParseNBest(IEnumerable<string> lines)
    {
        var list = new List<Hypothesis>();
        foreach (string line in lines)
        {
            string trimmed = line.Trim();
            int space = trimmed.LastIndexOf(' ');
            string last = space < 0 ? trimmed : trimmed[(space + 1)..];
            if (!long.TryParse(last, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out long score)) continue;
            list.Add(new Hypothesis(Clean(space < 0 ? "" : trimmed[..space]), score));
        }
        return list;
    }

    /// <summary>
    /// Lines `uttid channel start duration word posterior` of a pocketsphinx CTM file (pocketsphinx_batch -ctm: the best
    /// path's words with their lattice posteriors), by utterance id, fillers and noise markers left out as in <see cref="Clean"/>.
    /// </summary>
    public static Dictionary<string, List<TimedWord>> ParseCtm(IEnumerable<string> lines)
    {
        var byId = new Dictionary<string, List<TimedWord>>(StringComparer.Ordinal);
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        const System.Globalization.NumberStyles number = System.Globalization.NumberStyles.Float;
        foreach (string line in lines)
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length < 6 || !double.TryParse(f[2], number, invariant, out double start) || !double.TryParse(f[3], number, invariant, out double length)
                || !double.TryParse(f[5], number, invariant, out double p)) continue;
            string word = Clean(f[4]);
            if (word.Length == 0) continue;
            if (!byId.TryGetValue(f[0], out var list)) byId[f[0]] = list = [];
            list.Add(new TimedWord(word, start, start + length, Math.Clamp(p, 0, 1)));
        }
        return byId;
    }

    /// <summary>
    /// Each best-path word's posterior: from the utterance's HTK lattice when there is one (<see cref="WordLattice"/>: the
    /// posteriors of every lattice link of the same word over the word's midpoint, summed, so a word the lattice holds
    /// with several time alignments is not counted as unsure), else the CTM's own link posterior.
    /// </summary>
    static List<HeardWord> Posteriors(List<TimedWord>? best, string latticePath)
    {
        if (best is null) return [];
        WordLattice? lattice = File.Exists(latticePath) ? WordLattice.Parse(File.ReadAllLines(latticePath)) : null;
        return best.Select(w => new HeardWord(w.Word, lattice is null ? w.Posterior : Math.Clamp(lattice.Posterior(w.Word, (w.Start + w.End) / 2), 0, 1))).ToList();
    }

    /// <summary>The words of a hypothesis without filler and noise markers (`&lt;sil&gt;`, `[NOISE]`, `(2)` variants).</summary>
    public static string Clean(string hypothesis) => string.Join(' ', hypothesis.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => !w.StartsWith('<') && !w.StartsWith('['))
        .Select(w => w.IndexOf('(') is int p and > 0 ? w[..p] : w));

    /// <summary>
    /// Continuous recognition from the default microphone (voice-activity detection cuts utterances): each utterance is
    /// handed to <paramref name="heard"/>, with its audio file (deleted when the handler returns; null when there is
    /// none), until the process ends or <paramref name="cancel"/> fires. The live recogniser gives no word posteriors, so
    /// it logs each utterance's audio (`-rawlogdir`, closed when the utterance ends) and the batch recogniser decodes that
    /// audio again (<see cref="Reheard"/>).
    /// </summary>
    public void Listen(Action<Recognition, string?> heard, CancellationToken cancel)
    {
        string rawLog = Directory.CreateTempSubdirectory("saffu-mic-").FullName;
        try
        {
            var start = new ProcessStartInfo(LiveCommand) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in (string[])["-inmic", "yes", .. ModelArguments(), "-rawlogdir", rawLog, "-logfn", "/dev/null"]) start.ArgumentList.Add(a);
            using Process process = Process.Start(start) ?? throw new RecogniserException($"{LiveCommand} did not start");
            process.ErrorDataReceived += (_, _) => { };
            process.BeginErrorReadLine();
            using var registration = cancel.Register(() => { try { process.Kill(); } catch (InvalidOperationException) { } });
            while (process.StandardOutput.ReadLine() is { } line)
            {
                string text = Clean(line.Trim());
                if (text.Length > 0 && !text.StartsWith("READY", StringComparison.Ordinal) && !text.StartsWith("Listening", StringComparison.Ordinal))
                {
                    var (again, audio) = Reheard(text, rawLog);
                    try
                    {
                        heard(again, audio);
                    }
                    finally
                    {
                        if (audio is not null) File.Delete(audio);
                    }
                }
            }
            process.WaitForExit();
            if (process.ExitCode != 0 && !cancel.IsCancellationRequested) throw new RecogniserException($"{LiveCommand} ended with exit code {process.ExitCode}");
        }
        finally
        {
            Directory.Delete(rawLog, recursive: true);
        }
    }

    /// <summary>
    /// The utterance just heard live, decoded again by the batch recogniser from its logged audio (the newest
    /// `*.raw` in <paramref name="rawLog"/>: headerless 16 kHz 16-bit, which pocketsphinx_batch reads as raw) for its word
    /// posteriors, and that file (the caller deletes it); the live transcript without posteriors when there is no such
    /// file or the batch decode fails.
    /// </summary>
    public (Recognition Heard, string? Audio) Reheard(string live, string rawLog)
    {
        FileInfo? newest = new DirectoryInfo(rawLog).GetFiles("*.raw").MaxBy(f => f.Name, StringComparer.Ordinal);
        if (newest is null || newest.Length == 0) return (new Recognition(live, 0), null);
        try
        {
            Recognition again = Recognise([newest.FullName]).Results[0];
            return (again.Text.Length > 0 ? again : new Recognition(live, 0), newest.FullName);
        }
        catch (RecogniserException)
        {
            return (new Recognition(live, 0), newest.FullName);
        }
    }

    static string Tail(string log, string stderr)
    {
        string text = File.Exists(log) ? File.ReadAllText(log) : stderr;
        var errors = text.Split('\n').Where(l => l.Contains("ERROR", StringComparison.Ordinal)).TakeLast(2).ToList();
        return errors.Count > 0 ? string.Join(" / ", errors).Trim() : "no error in its log";
    }
}

/// <summary>The recogniser, sox or flite could not run or failed.</summary>
public sealed class RecogniserException(string message) : Exception(message);

/// <summary>External programs: where they are, and running one to completion.</summary>
public static class Tools
{
    public static string? Find(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, command)).FirstOrDefault(File.Exists);

    /// <summary>Runs a program to its end; returns its wall-clock seconds; a non-zero exit is a <see cref="RecogniserException"/>.</summary>
    public static double Run(string command, IEnumerable<string> args, out string stderr)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in args) start.ArgumentList.Add(a);
        Process process;
        var clock = Stopwatch.StartNew();
        try
        {
            process = Process.Start(start) ?? throw new RecogniserException($"{command} did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new RecogniserException($"{command} cannot run ({e.Message}); run tools/setup-speech");
        }
        using (process)
        {
            var err = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            stderr = err.Result;
            double seconds = clock.Elapsed.TotalSeconds;
            if (process.ExitCode != 0)
                throw new RecogniserException($"{command} failed (exit code {process.ExitCode}): {stderr.Trim().Split('\n').LastOrDefault()}");
            return seconds;
        }
    }
}
