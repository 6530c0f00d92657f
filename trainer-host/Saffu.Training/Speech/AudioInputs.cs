namespace Saffu.Training.Speech;

/// <summary>One audio input of `saffu listen`: a file to recognise, or a path that gave none (its error).</summary>
public sealed record AudioInput(string Path, string? Error);

/// <summary>The PATH arguments of `saffu listen` as files: a file as given; a folder's `*.wav` files (any case), in every subfolder, in ordinal path order.</summary>
public static class AudioInputs
{
    public static IReadOnlyList<AudioInput> Expand(IEnumerable<string> paths)
    {
        var inputs = new List<AudioInput>();
        foreach (string path in paths)
        {
            if (File.Exists(path)) inputs.Add(new AudioInput(path, null));
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".wav", StringComparison.OrdinalIgnoreCase)).Order(StringComparer.Ordinal).ToList();
                if (files.Count == 0) inputs.Add(new AudioInput(path, $"{path}: a folder with no .wav file; expected WAV files"));
                inputs.AddRange(files.Select(f => new AudioInput(f, null)));
            }
            else inputs.Add(new AudioInput(path, $"{path}: no such file or folder; expected a WAV file or a folder of them"));
        }
        return inputs;
    }
}

/// <summary>Whether this machine has a microphone or a speaker: ALSA devices (`/proc/asound/pcm` lines with "capture" / "playback").</summary>
public static class Microphone
{
    public const string AlsaDevices = "/proc/asound/pcm";

    /// <summary>Null when a capture device exists, else why there is none.</summary>
    public static string? Missing() => Device("capture");

    /// <summary>Null when a playback device exists (for `--say`), else why there is none.</summary>
    public static string? SpeakerMissing() => Device("playback");

    static string? Device(string kind)
    {
        if (!File.Exists(AlsaDevices)) return $"no sound devices ({AlsaDevices} does not exist: no ALSA sound card on this machine)";
        bool any = File.ReadAllLines(AlsaDevices).Any(l => l.Contains(kind, StringComparison.OrdinalIgnoreCase));
        return any ? null : $"no {kind} device ({AlsaDevices} lists no device with '{kind}')";
    }
}
