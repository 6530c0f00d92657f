using Saffu.Device.Storage;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;

namespace Saffu.Device.Log
{
    /// <summary>
    /// One decision log record in a buffer allocated once (docs/decision-log.md, Log record): built
    /// field by field for an append, or read back from flash for a dump.
    /// </summary>
    public sealed class LogRecord
    {
        public const int Magic = 0x4C44;   // bytes 44 4C, "DL"
        public const int FixedBytes = 56;
        public const int StringCount = 8;  // top, reason, actionKind, action, actionReason, name, area, color
        public const int MinBytes = 72;    // fixed part + empty text and strings + CRC, rounded up to 4
        public const int MaxBytes = 2048;
        public const int MaxTextBytes = 1024;
        public const int MaxStringBytes = 255;
        public const int HashBytes = 32;
        public const int FlagUnderstood = 1, FlagTextCut = 2, FlagTruncated = 4;
        /// <summary>Flag bit 3: a correction was decided on the words after its taking back (docs/action-map.md step 0).</summary>
        public const int FlagCorrected = 8;
        public const int HashAt = 16, ConfidenceAt = 48, FlagsAt = 50, StepAt = 51, BrightnessAt = 52, PinCountAt = 54, TextAt = 56;

        /// <summary>The record's bytes, Length of them.</summary>
        public readonly byte[] Bytes = new byte[MaxBytes];
        int at;

        public int Length { get; private set; }

        /// <summary>Bytes of the record buffer and the string scratch.</summary>
        public int RamBytes { get { return Bytes.Length + scratch.Length; } }

        public uint Seq { get { return Storage.Bytes.Get32(Bytes, 4); } }
        public uint Boot { get { return Storage.Bytes.Get32(Bytes, 8); } }
        public uint UptimeMs { get { return Storage.Bytes.Get32(Bytes, 12); } }
        public int ConfidenceQ15 { get { return Storage.Bytes.Get16(Bytes, ConfidenceAt); } }
        public int Flags { get { return Bytes[FlagsAt]; } }
        public bool Understood { get { return (Flags & FlagUnderstood) != 0; } }
        public int Step { get { return (sbyte)Bytes[StepAt]; } }
        public int Brightness { get { return (short)Storage.Bytes.Get16(Bytes, BrightnessAt); } }
        public int PinCount { get { return Bytes[PinCountAt]; } }
        public int TextLength { get { return Storage.Bytes.Get16(Bytes, TextAt); } }

        /// <summary>Offset of string k's length byte (0 top … 7 color).</summary>
        public int StringAt(int k)
        {
            int p = TextAt + 2 + TextLength;
            for (int i = 0; i < k; i++) p += 1 + Bytes[p];
            return p;
        }

        /// <summary>Offset of the first pin command.</summary>
        public int PinsAt { get { int p = StringAt(StringCount - 1); return p + 1 + Bytes[p]; } }

        /// <summary>Starts a record: the fixed fields (hash null: zeros).</summary>
        public void Begin(uint seq, uint boot, uint uptimeMs, byte[]? modelHash, int hashAt, int confidenceQ15, bool understood, bool truncated, int step, int brightness)
        {
            for (int i = 0; i < FixedBytes; i++) Bytes[i] = 0;
            Storage.Bytes.Put16(Bytes, 0, Magic);
            Storage.Bytes.Put32(Bytes, 4, seq);
            Storage.Bytes.Put32(Bytes, 8, boot);
            Storage.Bytes.Put32(Bytes, 12, uptimeMs);
            if (modelHash != null) System.Array.Copy(modelHash, hashAt, Bytes, HashAt, HashBytes);
            Storage.Bytes.Put16(Bytes, ConfidenceAt, confidenceQ15);
            Bytes[FlagsAt] = (byte)((understood ? FlagUnderstood : 0) | (truncated ? FlagTruncated : 0));
            Bytes[StepAt] = (byte)(sbyte)step;
            Storage.Bytes.Put16(Bytes, BrightnessAt, brightness);
            at = TextAt;
        }

        /// <summary>Marks the record begun as a correction (flag bit 3).</summary>
        public void MarkCorrected() { Bytes[FlagsAt] |= FlagCorrected; }

        /// <summary>
        /// The transcript (valid UTF-8), cut at a character boundary to what fits: at most
        /// MaxTextBytes, and room left for reserve more bytes (the strings and pins still to come).
        /// </summary>
        public void Text(byte[] text, int index, int count, int reserve)
        {
            int room = MaxBytes - TextAt - 2 - reserve - 4 - 3;
            int n = Cut(text, index, count, room < MaxTextBytes ? room : MaxTextBytes);
            if (n < count) Bytes[FlagsAt] |= FlagTextCut;
            Storage.Bytes.Put16(Bytes, at, n);
            System.Array.Copy(text, index, Bytes, at + 2, n);
            at += 2 + n;
        }

        /// <summary>Bytes the strings and pins will need at most (for Text's reserve).</summary>
        public static int Reserve(string?[] strings, int pinCount)
        {
            int n = 0;
            for (int i = 0; i < strings.Length; i++) n += 1 + (strings[i] == null ? 0 : MaxStringBytes);
            return n + 4 * pinCount;
        }

        /// <summary>One string field (null or "" → empty), cut to 255 bytes at a character boundary.</summary>
        public void String(string? s)
        {
            int n = 0;
            if (s != null) n = Saffu.Runtime.Text.Utf8.Encode(s.Length > MaxStringChars ? s.Substring(0, MaxStringChars) : s, scratch);
            n = Cut(scratch, 0, n, MaxStringBytes);
            Bytes[at] = (byte)n;
            System.Array.Copy(scratch, 0, Bytes, at + 1, n);
            at += 1 + n;
        }

        /// <summary>The plan's pin commands (none unless it acted).</summary>
        public void Pins(PinCommands commands, bool acted)
        {
            int n = acted ? commands.Count : 0;
            Bytes[PinCountAt] = (byte)n;
            for (int i = 0; i < n; i++)
            {
                Bytes[at] = (byte)commands.Pin(i);
                Bytes[at + 1] = (byte)commands.Kind(i);
                Storage.Bytes.Put16(Bytes, at + 2, commands.Level(i));
                at += 4;
            }
        }

        /// <summary>Pads, sets the length and appends the CRC; the record is then Bytes[0..Length).</summary>
        public void Finish()
        {
            int crcAt = Storage.Bytes.Align4(at);
            while (at < crcAt) Bytes[at++] = 0;
            Length = crcAt + 4;
            Storage.Bytes.Put16(Bytes, 2, Length);
            Storage.Bytes.Put32(Bytes, crcAt, Crc32.Compute(Bytes, 0, crcAt));
        }

        /// <summary>Marks Bytes as holding a record of that length read from flash.</summary>
        internal void Loaded(int length) { Length = length; }

        // scratch for encoding a string field before it is cut to 255 bytes: at most MaxStringChars
        // UTF-16 units are encoded (3 bytes each at most).
        const int MaxStringChars = 170;
        readonly byte[] scratch = new byte[3 * MaxStringChars];

        /// <summary>The longest prefix of at most max bytes that ends at a UTF-8 character boundary.</summary>
        static int Cut(byte[] b, int index, int count, int max)
        {
            if (count <= max) return count;
            int n = max < 0 ? 0 : max;
            while (n > 0 && (b[index + n] & 0xC0) == 0x80) n--;
            return n;
        }
    }
}
