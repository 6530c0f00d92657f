using System.Security.Cryptography;
using System.Text;
using Saffu.Training.Speech;

namespace Saffu.Speech;

/// <summary>One recording: a sentence said by a voice (with noise at <see cref="Snr"/> dB, or clean), 16 kHz mono 16-bit.</summary>
internal sealed record Utterance(Sentence Sentence, Voice Voice, int? Snr, string Wav, double Seconds)
{
    public string Condition => Snr is { } snr ? $"{Voice.Name} + noise {snr} dB" : Voice.Name;
}

/// <summary>Synthesised audio under WORK/audio/VOICE/HASH.wav, made once and reused by later runs.</summary>
internal sealed class AudioCache(string work, int parallel)
{
    public List<Utterance> Synthesise(IReadOnlyList<Sentence> sentences, IReadOnlyList<Voice> voices)
    {
        var results = new List<Utterance>();
        foreach (Voice voice in voices)
        {
            string folder = Path.Combine(work, "audio", voice.Name);
            Directory.CreateDirectory(folder);
            var wavs = sentences.Select(s => Path.Combine(folder, Hash(s.Text) + ".wav")).ToList();
            var missing = sentences.Select((s, i) => (s.Text, Wav: wavs[i])).Where(j => !File.Exists(j.Wav)).DistinctBy(j => j.Wav).ToList();
            voice.SayAll(missing.Select(j => (j.Text, j.Wav + ".raw.wav")).ToList(), parallel);
            Parallel.ForEach(missing, new ParallelOptions { MaxDegreeOfParallelism = parallel }, j => Convert(j.Wav + ".raw.wav", j.Wav));
            results.AddRange(sentences.Select((s, i) => new Utterance(s, voice, null, wavs[i], WavHeader.Read(wavs[i]).Seconds)));
        }
        return results;
    }

    /// <summary>The engine's output as 16 kHz mono 16-bit PCM (sox when it is not), moved into place atomically.</summary>
    static void Convert(string raw, string wav)
    {
        string temp = Directory.CreateTempSubdirectory("saffu-speech-").FullName;
        try
        {
            var (ready, _) = AudioConversion.Prepare(raw, temp, 0);
            File.Copy(ready, wav + ".tmp", overwrite: true);
            File.Move(wav + ".tmp", wav, overwrite: true);
        }
        finally
        {
            Directory.Delete(temp, true);
            File.Delete(raw);
        }
    }

    public List<Utterance> WithNoise(IReadOnlyList<Utterance> clean, int snr) => clean.Select(u =>
    {
        string noisy = Path.ChangeExtension(u.Wav, null) + $"-snr{snr}.wav";
        if (!File.Exists(noisy)) Noise.Add(u.Wav, noisy, snr);
        return u with { Snr = snr, Wav = noisy };
    }).ToList();

    static string Hash(string text) => System.Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
