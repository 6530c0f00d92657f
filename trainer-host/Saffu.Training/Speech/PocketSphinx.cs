using System.Diagnostics;
using System.Text;

namespace Saffu.Training.Speech;

/// <summary>One recognised file: the transcript (lower-case words, empty when nothing was heard) and the recogniser's score.</summary>
public sealed record Recognition(string Text, long Score);

/// <summary>
/// The pocketsphinx recogniser (Debian's 0.8+5prealpha: `pocketsphinx_batch` for files, `pocketsphinx_continuous
/// -inmic yes` for a microphone) with an acoustic model, a language model (ARPA text or binary) and a dictionary.
/// Files must be 16 kHz mono 16-bit PCM WAV (<see cref="AudioConversion"/> makes them so). One process decodes a
/// whole list, so the models load once.
/// </summary>
public sealed class PocketSphinx(StockSpeechModel stock, string languageModel, string dictionary)
{
    public const string BatchCommand = "pocketsphinx_batch", LiveCommand = "pocketsphinx_continuous";

    public string LanguageModel => languageModel;
    public string Dictionary => dictionary;

    /// <summary>Null when the recogniser can run, else what is missing and how to get it.</summary>
    public static string? Missing(StockSpeechModel stock) =>
        Tools.Find(BatchCommand) is null ? $"{BatchCommand} not found on PATH (the pocketsphinx package; run tools/setup-speech)" : stock.Missing();

    string[] ModelArguments() => ["-hmm", stock.AcousticModel, "-lm", languageModel, "-dict", dictionary];

    /// <summary>Recognises each file (recogniser-ready WAV); also the recogniser's wall-clock seconds, model loading included.</summary>
    /// <exception cref="RecogniserException">The recogniser did not start or failed.</exception>
    public (IReadOnlyList<Recognition> Results, double Seconds) Recognise(IReadOnlyList<string> wavFiles)
    {
        if (wavFiles.Count == 0) return ([], 0);
        string folder = Directory.CreateTempSubdirectory("saffu-listen-").FullName;
        try
        {
            var ctl = new StringBuilder();
            for (int i = 0; i < wavFiles.Count; i++)
            {
                string id = Id(i);
                File.CreateSymbolicLink(Path.Combine(folder, id + ".wav"), Path.GetFullPath(wavFiles[i]));
                ctl.Append(id).Append('\n');
            }
            string ctlPath = Path.Combine(folder, "files.ctl"), hypPath = Path.Combine(folder, "files.hyp");
            File.WriteAllText(ctlPath, ctl.ToString());
            string[] args = ["-adcin", "yes", "-cepdir", folder, "-cepext", ".wav", "-ctl", ctlPath, "-hyp", hypPath, .. ModelArguments(), "-logfn", Path.Combine(folder, "log")];
            double cpu = Tools.Run(BatchCommand, args, out string stderr);
            if (!File.Exists(hypPath))
                throw new RecogniserException($"{BatchCommand} wrote no transcripts ({Tail(Path.Combine(folder, "log"), stderr)})");
            var byId = ParseHypotheses(File.ReadAllLines(hypPath));
            var results = Enumerable.Range(0, wavFiles.Count).Select(i => byId.GetValueOrDefault(Id(i)) ?? new Recognition("", 0)).ToList();
            return (results, cpu);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static string Id(int i) => $"u{i:D6}";

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

    /// <summary>The words of a hypothesis without filler and noise markers (`&lt;sil&gt;`, `[NOISE]`, `(2)` variants).</summary>
    public static string Clean(string hypothesis) => string.Join(' ', hypothesis.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Where(w => !w.StartsWith('<') && !w.StartsWith('['))
        .Select(w => w.IndexOf('(') is int p and > 0 ? w[..p] : w));

    /// <summary>
    /// Continuous recognition from the default microphone (voice-activity detection cuts utterances): each
    /// transcript is handed to <paramref name="heard"/> until the process ends or <paramref name="cancel"/> fires.
    /// </summary>
    public void Listen(Action<string> heard, CancellationToken cancel)
    {
        var start = new ProcessStartInfo(LiveCommand) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in (string[])["-inmic", "yes", .. ModelArguments(), "-logfn", "/dev/null"]) start.ArgumentList.Add(a);
        using Process process = Process.Start(start) ?? throw new RecogniserException($"{LiveCommand} did not start");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        using var registration = cancel.Register(() => { try { process.Kill(); } catch (InvalidOperationException) { } });
        while (process.StandardOutput.ReadLine() is { } line)
        {
            string text = Clean(line.Trim());
            if (text.Length > 0 && !text.StartsWith("READY", StringComparison.Ordinal) && !text.StartsWith("Listening", StringComparison.Ordinal)) heard(text);
        }
        process.WaitForExit();
        if (process.ExitCode != 0 && !cancel.IsCancellationRequested) throw new RecogniserException($"{LiveCommand} ended with exit code {process.ExitCode}");
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
