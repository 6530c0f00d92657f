using Saffu.Device.Platform;

namespace Saffu.Device.Protocol
{
    /// <summary>
    /// Writes one JSON answer line (docs/serial-protocol.md, Answer lines) straight to the serial
    /// output through a small buffer: keys in the order they are written, integers only (plus the
    /// decimal confidence), strings escaped as the page says. Nesting up to 8 levels.
    /// </summary>
    public sealed class JsonLine
    {
        const int MaxDepth = 8;
        readonly ISerialOutput output;
        readonly byte[] buffer = new byte[256];
        readonly bool[] needComma = new bool[MaxDepth];
        readonly byte[] closer = new byte[MaxDepth];
        int count;
        int depth;

        public JsonLine(ISerialOutput output)
        {
            this.output = output;
        }

        /// <summary>Bytes of its buffers.</summary>
        public int RamBytes { get { return buffer.Length + needComma.Length + closer.Length; } }

        /// <summary>Starts a line: {"id":ID,"type":"TYPE" (id &lt; 0 is null).</summary>
        public void Begin(int id, string type)
        {
            count = 0;
            depth = 0;
            Open('{');
            Key("id");
            if (id < 0) Null(); else Int(id);
            Key("type");
            String(type);
        }

        /// <summary>Closes every open object or array, ends the line with \n and sends it.</summary>
        public void End()
        {
            while (depth > 0) Close();
            Byte((byte)'\n');
            Flush();
        }

        /// <summary>Writes ,"key": (the comma when a value came before at this level).</summary>
        public void Key(string key)
        {
            Comma();
            Quoted(key);
            Byte((byte)':');
            needComma[depth - 1] = false;
        }

        /// <summary>Opens an object ('{') or array ('[') as the next value.</summary>
        public void Open(char bracket)
        {
            Comma();
            Byte((byte)bracket);
            closer[depth] = (byte)(bracket == '{' ? '}' : ']');
            needComma[depth++] = false;
        }

        /// <summary>Closes the innermost object or array.</summary>
        public void Close()
        {
            Byte(closer[depth - 1]);
            depth--;
            if (depth > 0) needComma[depth - 1] = true;
        }

        public void Null() { Comma(); Ascii("null"); Done(); }

        public void Bool(bool value) { Comma(); Ascii(value ? "true" : "false"); Done(); }

        public void Int(long value)
        {
            Comma();
            Ascii(value.ToString());
            Done();
        }

        /// <summary>A string value, or null.</summary>
        public void String(string? value)
        {
            if (value == null) { Null(); return; }
            Comma();
            Quoted(value);
            Done();
        }

        /// <summary>A string value from UTF-8 bytes already checked valid (no decoding, no allocation).</summary>
        public void Utf8String(byte[] bytes, int index, int length)
        {
            Comma();
            Byte((byte)'"');
            for (int i = index; i < index + length; i++) Escaped(bytes[i]);
            Byte((byte)'"');
            Done();
        }

        /// <summary>Q15 0..32768 as a decimal with four places: round(q × 10000 / 32768) (docs/serial-protocol.md, say).</summary>
        public void Q15Decimal(int q)
        {
            Comma();
            int v = (int)(((long)q * 10000 + 16384) / 32768);
            Ascii(v >= 10000 ? "1" : "0");
            Byte((byte)'.');
            int frac = v >= 10000 ? 0 : v;
            for (int d = 1000; d >= 1; d /= 10) Byte((byte)('0' + frac / d % 10));
            Done();
        }

        /// <summary>Eight lower-case hex digits.</summary>
        public void Hex32(uint value)
        {
            Comma();
            Byte((byte)'"');
            for (int shift = 28; shift >= 0; shift -= 4) Byte(HexDigit((int)(value >> shift) & 15));
            Byte((byte)'"');
            Done();
        }

        /// <summary>Bytes as lower-case hex, or null when every byte is zero and zeroIsNull.</summary>
        public void Hex(byte[] bytes, int index, int length, bool zeroIsNull)
        {
            bool zero = true;
            for (int i = index; i < index + length; i++) if (bytes[i] != 0) zero = false;
            if (zero && zeroIsNull) { Null(); return; }
            Comma();
            Byte((byte)'"');
            for (int i = index; i < index + length; i++)
            {
                Byte(HexDigit(bytes[i] >> 4));
                Byte(HexDigit(bytes[i] & 15));
            }
            Byte((byte)'"');
            Done();
        }

        static byte HexDigit(int d) { return (byte)(d < 10 ? '0' + d : 'a' + d - 10); }

        void Comma()
        {
            if (depth > 0 && needComma[depth - 1]) Byte((byte)',');
        }

        void Done()
        {
            if (depth > 0) needComma[depth - 1] = true;
        }

        void Quoted(string s)
        {
            Byte((byte)'"');
            for (int i = 0; i < s.Length; i++)
            {
                int c = s[i];
                if (c < 0x80) Escaped((byte)c);
                else if (c < 0x800)
                {
                    Byte((byte)(0xC0 | (c >> 6)));
                    Byte((byte)(0x80 | (c & 0x3F)));
                }
                else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < s.Length && s[i + 1] >= 0xDC00 && s[i + 1] <= 0xDFFF)
                {
                    int cp = 0x10000 + ((c - 0xD800) << 10) + (s[++i] - 0xDC00);
                    Byte((byte)(0xF0 | (cp >> 18)));
                    Byte((byte)(0x80 | ((cp >> 12) & 0x3F)));
                    Byte((byte)(0x80 | ((cp >> 6) & 0x3F)));
                    Byte((byte)(0x80 | (cp & 0x3F)));
                }
                else
                {
                    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;   // a lone surrogate
                    Byte((byte)(0xE0 | (c >> 12)));
                    Byte((byte)(0x80 | ((c >> 6) & 0x3F)));
                    Byte((byte)(0x80 | (c & 0x3F)));
                }
            }
            Byte((byte)'"');
        }

        void Escaped(byte b)
        {
            if (b == '"' || b == '\\')
            {
                Byte((byte)'\\');
                Byte(b);
            }
            else if (b < 0x20)
            {
                Ascii("\\u00");
                Byte(HexDigit(b >> 4));
                Byte(HexDigit(b & 15));
            }
            else Byte(b);
        }

        void Ascii(string s)
        {
            for (int i = 0; i < s.Length; i++) Byte((byte)s[i]);
        }

        void Byte(byte b)
        {
            if (count == buffer.Length) Flush();
            buffer[count++] = b;
        }

        void Flush()
        {
            if (count > 0) output.Write(buffer, 0, count);
            count = 0;
        }
    }
}
