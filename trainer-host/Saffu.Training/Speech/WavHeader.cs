using System.Buffers.Binary;

namespace Saffu.Training.Speech;

/// <summary>
/// The format of a RIFF/WAVE file as read from its chunks: encoding (1 = PCM, 3 = float, 0xFFFE = extensible),
/// channels, sample rate, bits per sample, where the samples start and how many bytes they take. The recogniser
/// takes 16 kHz mono 16-bit PCM with the canonical 44-byte header (<see cref="IsRecogniserReady"/>); anything
/// else is converted with sox first.
/// </summary>
public sealed record WavHeader(int Encoding, int Channels, int SampleRate, int BitsPerSample, long DataOffset, long DataBytes)
{
    public const int RecogniserRate = 16000;

    public bool IsRecogniserReady => Encoding == 1 && Channels == 1 && SampleRate == RecogniserRate && BitsPerSample == 16 && DataOffset == 44;

    public double Seconds => SampleRate <= 0 || Channels <= 0 || BitsPerSample <= 0 ? 0 : DataBytes / (double)(SampleRate * Channels * (BitsPerSample / 8));

    /// <summary>Reads the header from the first bytes of a file (up to 64 KiB are enough for any header we accept).</summary>
    /// <exception cref="AudioFileException">Not a RIFF/WAVE file, or its fmt or data chunk is missing or malformed.</exception>
    public static WavHeader Parse(ReadOnlySpan<byte> head, long fileLength, string path)
    {
        if (fileLength == 0) throw new AudioFileException(path, "an empty file (0 bytes)", "a WAV file");
        if (head.Length < 12 || !head[..4].SequenceEqual("RIFF"u8) || !head[8..12].SequenceEqual("WAVE"u8))
            throw new AudioFileException(path, "no RIFF/WAVE header", "a WAV file");
        WavHeader? format = null;
        long at = 12;
        while (at + 8 <= head.Length)
        {
            ReadOnlySpan<byte> id = head.Slice((int)at, 4);
            long size = BinaryPrimitives.ReadUInt32LittleEndian(head.Slice((int)at + 4, 4));
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || at + 8 + 16 > head.Length) throw new AudioFileException(path, $"a fmt chunk of {size} bytes", "at least 16 bytes");
                var f = head.Slice((int)at + 8, 16);
                format = new WavHeader(BinaryPrimitives.ReadUInt16LittleEndian(f), BinaryPrimitives.ReadUInt16LittleEndian(f[2..]),
                    (int)BinaryPrimitives.ReadUInt32LittleEndian(f[4..]), BinaryPrimitives.ReadUInt16LittleEndian(f[14..]), 0, 0);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null) throw new AudioFileException(path, "a data chunk before the fmt chunk", "fmt, then data");
                long bytes = Math.Min(size, fileLength - (at + 8));
                if (bytes <= 0) throw new AudioFileException(path, "no audio samples (an empty data chunk)", "a recording");
                if (format.Channels == 0 || format.SampleRate == 0) throw new AudioFileException(path, $"{format.Channels} channel(s) at {format.SampleRate} Hz", "a playable format");
                return format with { DataOffset = at + 8, DataBytes = bytes };
            }
            at += 8 + size + (size & 1);
        }
        throw new AudioFileException(path, format is null ? "no fmt chunk" : "no data chunk (the file ends before its samples)", "a WAV file with fmt and data chunks");
    }

    public static WavHeader Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            var head = new byte[(int)Math.Min(stream.Length, 65536)];
            stream.ReadExactly(head);
            return Parse(head, stream.Length, path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AudioFileException(path, $"a file that cannot be read ({e.Message})", "a readable WAV file");
        }
    }
}

/// <summary>An audio file `saffu listen` cannot use: what was found and what was expected.</summary>
public sealed class AudioFileException(string path, string found, string expected) : Exception($"{path}: {found}; expected {expected}")
{
    public string Path { get; } = path;
}
