using Saffu.Training.Speech;

namespace Saffu.Speech;

/// <summary>A synthetic speaker: a flite voice, festival's HTS voice through text2wave, or espeak-ng (the stress case).</summary>
internal sealed record Voice(string Name, string Engine, string Id)
{
    public static readonly Voice[] Known =
    [
        new("flite-slt", "flite", "slt"), new("flite-rms", "flite", "rms"), new("flite-kal16", "flite", "kal16"),
        new("flite-awb", "flite", "awb"), new("festival-slt-hts", "festival", "voice_cmu_us_slt_arctic_hts"),
        new("espeak-ng", "espeak-ng", "en-us"),
    ];

    public static Voice Parse(string name) => Known.FirstOrDefault(v => v.Name == name)
        ?? throw new ArgumentException($"The voice \"{name}\" is invalid. Available options are: {string.Join(", ", Known.Select(v => v.Name))}.");

    public bool Installed => Tools.Find(Engine == "festival" ? "text2wave" : Engine) is not null
        && (Engine != "festival" || Directory.Exists("/usr/share/festival/voices/us/cmu_us_slt_arctic_hts"));

    /// <summary>
    /// Writes many sentences with one engine process where the engine's start-up dominates (festival loads its HTS
    /// voice for about a second): a Scheme script of `utt.save.wave` calls. Other engines say one sentence a call.
    /// </summary>
    public void SayAll(IReadOnlyList<(string Text, string Wav)> jobs, int parallel)
    {
        if (Engine != "festival")
        {
            Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = parallel }, j => Say(j.Text, j.Wav));
            return;
        }
        int size = (jobs.Count + parallel - 1) / Math.Max(1, parallel);
        Parallel.ForEach(jobs.Chunk(Math.Max(1, size)), new ParallelOptions { MaxDegreeOfParallelism = parallel }, chunk =>
        {
            var script = new System.Text.StringBuilder($"({Id})\n");
            foreach (var (text, wav) in chunk)
                script.Append($"(utt.save.wave (utt.synth (Utterance Text \"{Quote(text)}\")) \"{Quote(Path.GetFullPath(wav))}\" 'riff)\n");
            string file = chunk[0].Wav + ".scm";
            File.WriteAllText(file, script.ToString());
            try { Tools.Run("festival", ["--batch", file], out _); }
            finally { File.Delete(file); }
        });
    }

    static string Quote(string s) => s.Replace("\\", " ").Replace("\"", " ");

    /// <summary>Writes the sentence spoken by this voice to <paramref name="wav"/> (the engine's own rate; converted later).</summary>
    public void Say(string text, string wav)
    {
        switch (Engine)
        {
            case "flite": Tools.Run("flite", ["-voice", Id, "-t", text, "-o", wav], out _); break;
            case "espeak-ng": Tools.Run("espeak-ng", ["-v", Id, "-w", wav, text], out _); break;
            default:
                string input = wav + ".txt";
                File.WriteAllText(input, text);
                try { Tools.Run("text2wave", ["-eval", $"({Id})", "-o", wav, input], out _); }
                finally { File.Delete(input); }
                break;
        }
    }
}
