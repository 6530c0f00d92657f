namespace Saffu.Training.Speech;

/// <summary>
/// Makes an audio file recogniser-ready (16 kHz mono 16-bit PCM WAV, docs/voice.md §4): a file that already is
/// one is used as it is; any other WAV is converted with `sox FILE -r 16000 -c 1 -b 16 -e signed-integer OUT.wav`
/// into a temporary folder the caller owns.
/// </summary>
public static class AudioConversion
{
    public const string Sox = "sox";

    /// <returns>The path to recognise and the recording's length in seconds.</returns>
    /// <exception cref="AudioFileException">Unreadable, empty, not a WAV, or sox could not convert it.</exception>
    public static (string Path, double Seconds) Prepare(string path, string tempFolder, int index)
    {
        WavHeader header = WavHeader.Read(path);
        if (header.IsRecogniserReady) return (path, header.Seconds);
        string output = System.IO.Path.Combine(tempFolder, $"c{index:D6}.wav");
        if (Tools.Find(Sox) is null)
            throw new AudioFileException(path, $"{header.SampleRate} Hz, {header.Channels} channel(s), {header.BitsPerSample}-bit (sox is not installed to convert it)",
                "16 kHz mono 16-bit PCM, or sox (run tools/setup-speech)");
        try
        {
            Tools.Run(Sox, [path, "-r", "16000", "-c", "1", "-b", "16", "-e", "signed-integer", output], out _);
        }
        catch (RecogniserException e)
        {
            throw new AudioFileException(path, $"a WAV sox cannot convert ({e.Message})", "a WAV sox can read");
        }
        return (output, WavHeader.Read(output).Seconds);
    }
}
