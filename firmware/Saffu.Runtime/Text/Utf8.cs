namespace Saffu.Runtime.Text
{
    /// <summary>UTF-8 checks and decoding without System.Text (nanoFramework's mscorlib has no Encoding).</summary>
    public static class Utf8
    {
        /// <summary>
        /// True when bytes[offset..offset+length) is valid UTF-8: no overlong forms, no surrogates,
        /// nothing above U+10FFFF, and (as blob strings require) no byte below 0x20.
        /// </summary>
        public static bool IsValid(byte[] bytes, int offset, int length)
        {
            int i = offset, end = offset + length;
            while (i < end)
            {
                int n = SequenceLength(bytes, i, end);
                if (n == 0) return false;
                i += n;
            }
            return true;
        }

        /// <summary>Bytes of the valid sequence starting at i (1..4), or 0 when it is invalid.</summary>
        static int SequenceLength(byte[] s, int i, int end)
        {
            int b0 = s[i];
            if (b0 < 0x20) return 0;
            if (b0 < 0x80) return 1;
            int n, min;
            if (b0 >= 0xC2 && b0 <= 0xDF) { n = 2; min = 0x80; }
            else if (b0 >= 0xE0 && b0 <= 0xEF) { n = 3; min = 0x800; }
            else if (b0 >= 0xF0 && b0 <= 0xF4) { n = 4; min = 0x10000; }
            else return 0;
            if (i + n > end) return 0;
            int cp = b0 & (0x7F >> n);
            for (int k = 1; k < n; k++)
            {
                int b = s[i + k];
                if ((b & 0xC0) != 0x80) return 0;
                cp = (cp << 6) | (b & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
            return n;
        }

        /// <summary>Decodes UTF-8 to a string (astral characters as surrogate pairs, invalid bytes as U+FFFD). Allocates.</summary>
        public static string Decode(byte[] bytes, int offset, int length)
        {
            char[] chars = new char[length];
            int count = 0, i = offset, end = offset + length;
            while (i < end)
            {
                if (bytes[i] < 0x80) { chars[count++] = (char)bytes[i++]; continue; }
                int n = SequenceLength(bytes, i, end);
                if (n == 0) { chars[count++] = '\uFFFD'; i++; continue; }
                int cp = bytes[i] & (0x7F >> n);
                for (int k = 1; k < n; k++) cp = (cp << 6) | (bytes[i + k] & 0x3F);
                i += n;
                if (cp >= 0x10000)
                {
                    cp -= 0x10000;
                    chars[count++] = (char)(0xD800 + (cp >> 10));
                    chars[count++] = (char)(0xDC00 + (cp & 0x3FF));
                }
                else chars[count++] = (char)cp;
            }
            return new string(chars, 0, count);
        }
    
        /// <summary>
        /// Encodes text to UTF-8 into output (room for 3 bytes per char; surrogate pairs become
        /// 4-byte sequences, a lone surrogate U+FFFD). Returns the byte count.
        /// </summary>
        public static int Encode(string text, byte[] output)
        {
            int n = 0;
            for (int i = 0; i < text.Length; i++)
            {
                int c = text[i];
                if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.Length && text[i + 1] >= 0xDC00 && text[i + 1] <= 0xDFFF)
                {
                    c = 0x10000 + ((c - 0xD800) << 10) + (text[i + 1] - 0xDC00);
                    i++;
                }
                else if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
                n = Put(output, n, c);
            }
            return n;
        }

        static int Put(byte[] o, int n, int c)
        {
            if (c < 0x80) { o[n] = (byte)c; return n + 1; }
            if (c < 0x800) { o[n] = (byte)(0xC0 | (c >> 6)); o[n + 1] = (byte)(0x80 | (c & 0x3F)); return n + 2; }
            if (c < 0x10000)
            {
                o[n] = (byte)(0xE0 | (c >> 12));
                o[n + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                o[n + 2] = (byte)(0x80 | (c & 0x3F));
                return n + 3;
            }
            o[n] = (byte)(0xF0 | (c >> 18));
            o[n + 1] = (byte)(0x80 | ((c >> 12) & 0x3F));
            o[n + 2] = (byte)(0x80 | ((c >> 6) & 0x3F));
            o[n + 3] = (byte)(0x80 | (c & 0x3F));
            return n + 4;
        }
    }
}
