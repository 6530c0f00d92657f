using System.Text;

namespace Saffu.Training.DeviceLink;

/// <summary>
/// Cuts a byte stream into lines ending in '\n' (a '\r' before it is dropped), decoding each as strict UTF-8.
/// A line longer than <see cref="MaxLineBytes"/> or not valid UTF-8 is reported once as a protocol problem and the
/// rest of it is skipped up to its line end, so the next line is read cleanly (resynchronisation).
/// </summary>
public sealed class LineAssembler
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);
    private readonly byte[] _buffer;
    private int _length;
    private bool _skipping;

    public LineAssembler(int maxLineBytes)
    {
        if (maxLineBytes < 1) throw new ArgumentOutOfRangeException(nameof(maxLineBytes));
        _buffer = new byte[maxLineBytes];
    }

    public int MaxLineBytes => _buffer.Length;

    /// <summary>True while bytes of an unfinished line are held.</summary>
    public bool HasPartialLine => _length > 0 || _skipping;

    /// <summary>
    /// Adds one byte; returns a line when this byte completed one. Throws <see cref="DeviceLinkException"/>
    /// (<see cref="DeviceLinkError.Protocol"/>) when a line grows over the limit or a completed line is not UTF-8.
    /// </summary>
    public string? Add(byte b)
    {
        if (b == (byte)'\n')
        {
            bool wasSkipping = _skipping;
            int length = _length;
            _length = 0;
            _skipping = false;
            if (wasSkipping) return null;
            if (length > 0 && _buffer[length - 1] == (byte)'\r') length--;
            try
            {
                return Strict.GetString(_buffer, 0, length);
            }
            catch (DecoderFallbackException)
            {
                throw new DeviceLinkException(DeviceLinkError.Protocol, $"the device sent a line of {length} bytes that is not valid UTF-8");
            }
        }
        if (_skipping) return null;
        if (_length == _buffer.Length)
        {
            _skipping = true;
            _length = 0;
            throw new DeviceLinkException(DeviceLinkError.Protocol, $"the device sent a line longer than {_buffer.Length:N0} bytes (the protocol's maximum)");
        }
        _buffer[_length++] = b;
        return null;
    }

    /// <summary>Forgets any partial line.</summary>
    public void Clear()
    {
        _length = 0;
        _skipping = false;
    }
}
