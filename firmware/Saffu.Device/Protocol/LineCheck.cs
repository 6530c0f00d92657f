using Saffu.Runtime.Text;

namespace Saffu.Device.Protocol
{
    /// <summary>The framing checks of a complete line (docs/serial-protocol.md): UTF-8, control bytes, blank.</summary>
    public static class LineCheck
    {
        /// <summary>The error code for the line, null when it may be read. Turns each TAB into a space (TAB counts as one).</summary>
        public static string? Check(byte[] line, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (line[i] == (byte)'\t') line[i] = (byte)' ';
                else if (line[i] < 0x20) return ErrorCodes.ControlChar;
            }
            return Utf8.IsValid(line, 0, count) ? null : ErrorCodes.BadUtf8;
        }

        /// <summary>True when the line holds nothing but spaces and TABs.</summary>
        public static bool IsBlank(byte[] line, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (line[i] != (byte)' ' && line[i] != (byte)'\t') return false;
            }
            return true;
        }
    }
}
