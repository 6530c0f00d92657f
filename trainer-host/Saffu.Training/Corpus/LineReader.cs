using System.Text;

namespace Saffu.Training.Corpus;

/// <summary>One physical line: its text, or why it has none.</summary>
/// <param name="Number">1-based line number.</param>
/// <param name="Text">The decoded line without its line break; null when <see cref="Problem"/> is set.</param>
/// <param name="Problem">Too long or not UTF-8; the line was consumed, so the next line is read normally.</param>
public readonly record struct RawLine(int Number, string? Text, DatasetException? Problem);

/// <summary>
/// Splits a byte stream into lines (LF or CRLF), streaming: a line over the byte limit is skipped
/// without being held in memory, and every line is decoded with a throwing UTF-8 decoder. A UTF-8
/// byte order mark at the start is dropped.
/// </summary>
public sealed class LineReader
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    readonly Stream stream;
    readonly string path;
    readonly int maxLineBytes;
    readonly byte[] buffer = new byte[64 * 1024];
    int bufferStart, bufferEnd;
    bool endOfStream;
    int lineNumber;

    public LineReader(Stream stream, string path, int maxLineBytes)
    {
        this.stream = stream;
        this.path = path;
        this.maxLineBytes = maxLineBytes;
    }

    /// <summary>Every line in order; a final line without a line break counts, an empty tail does not.</summary>
    public IEnumerable<RawLine> Lines()
    {
        var line = new MemoryStream();
        while (TryReadLine(line, out bool tooLong, out long bytes))
        {
            lineNumber++;
            yield return tooLong ? TooLong(bytes) : Decode(line);
        }
    }

    /// <summary>Reads bytes up to the next LF; false at the end of the stream with nothing read.</summary>
    bool TryReadLine(MemoryStream line, out bool tooLong, out long bytes)
    {
        line.SetLength(0);
        tooLong = false;
        bytes = 0;
        bool any = false;
        while (true)
        {
            if (bufferStart == bufferEnd && !Fill()) return any;
            any = true;
            int newline = Array.IndexOf(buffer, (byte)'\n', bufferStart, bufferEnd - bufferStart);
            int end = newline < 0 ? bufferEnd : newline;
            int count = end - bufferStart;
            bytes += count;
            if (!tooLong && bytes > maxLineBytes + 1) tooLong = true; // +1: a CR before the LF
            if (!tooLong) line.Write(buffer, bufferStart, count);
            bufferStart = newline < 0 ? bufferEnd : newline + 1;
            if (newline >= 0) break;
        }
        if (!tooLong && bytes > maxLineBytes && !EndsWithCr(line)) tooLong = true;
        return true;
    }

    bool Fill()
    {
        if (endOfStream) return false;
        bufferStart = 0;
        bufferEnd = stream.Read(buffer, 0, buffer.Length);
        if (bufferEnd == 0) endOfStream = true;
        return bufferEnd > 0;
    }

    static bool EndsWithCr(MemoryStream line) => line.Length > 0 && line.GetBuffer()[line.Length - 1] == (byte)'\r';

    RawLine Decode(MemoryStream line)
    {
        byte[] bytes = line.GetBuffer();
        int start = 0, length = (int)line.Length;
        if (length > 0 && bytes[length - 1] == (byte)'\r') length--;
        if (lineNumber == 1 && length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            start = 3;
            length -= 3;
        }
        try
        {
            return new RawLine(lineNumber, StrictUtf8.GetString(bytes, start, length), null);
        }
        catch (DecoderFallbackException e)
        {
            int at = e.Index >= 0 ? e.Index : 0;
            string found = $"invalid UTF-8 at byte {at + 1} of the line";
            return new RawLine(lineNumber, null,
                new DatasetException(DatasetError.InvalidUtf8, path, lineNumber, found, "UTF-8 text"));
        }
    }

    RawLine TooLong(long bytes) => new(lineNumber, null, new DatasetException(DatasetError.LineTooLong, path,
        lineNumber, $"a line of {bytes:N0} bytes", $"at most {maxLineBytes:N0} bytes a line"));
}
