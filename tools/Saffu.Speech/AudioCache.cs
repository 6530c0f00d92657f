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
        var jobs = voices.SelectMany(v => sentences.Select(s => (s, v))).ToList();
        var results = new Utterance[jobs.Count];
        Parallel.For(0, jobs.Count, new ParallelOptions { MaxDegreeOfParallelism = parallel }, i =>
        {
            var (sentence, voice) = jobs[i];
            string folder = Path.Combine(work, "audio", voice.Name);
            Directory.CreateDirectory(folder);
            string wav = Path.Combine(folder, Hash(sentence.Text) + ".wav");
            if (!File.Exists(wav))
            {
                string raw = wav + ".raw.wav";
                voice.Say(sentence.Text, raw);
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
            results[i] = new Utterance(sentence, voice, null, wav, WavHeader.Read(wav).Seconds);
        });
        return [.. results];
    }

    public List<Utterance> WithNoise(IReadOnlyList<Utterance> clean, int snr) => clean.Select(u =>
    {
        string noisy = Path.ChangeExtension(u.Wav, null) + $"-snr{snr}.wav";
        if (!File.Exists(noisy)) Noise.Add(u.Wav, noisy, snr);
        return u with { Snr = snr, Wav = noisy };
    }).ToList();

    static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
}
