namespace Saffu.Runtime.Text
{
    /// <summary>
    /// Transcript text to word and number tokens, exactly as docs/tokenizer.md says. The trainer
    /// compiles this same file, so host and device can never disagree. Allocates nothing.
    /// </summary>
    public static class Tokenizer
    {
        public const int MaxNumber = 999999999;
        public const string NumWord = "<num>";
        public const string OovWord = "<oov>";
        public const string PercentWord = "percent";

        // Number words (rule 5) and their values: 0..19 units and teens, 20..90 tens, 100 hundred.
        static readonly string[] NumberWords =
        {
            "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
            "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety", "hundred",
        };
        static readonly int[] NumberValues =
        {
            0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19,
            20, 30, 40, 50, 60, 70, 80, 90, 100,
        };

        // Where a number phrase stands (phrase := small [hundred [small]] | hundred [small]).
        const int PhaseNone = 0;        // no phrase pending
        const int PhaseTens = 1;        // "twenty": may take a unit ≠ zero or hundred
        const int PhaseSmall = 2;       // a whole small: may take hundred
        const int PhaseHundred = 3;     // "... hundred": may take a small
        const int PhaseHundredTens = 4; // "... hundred twenty": may take a unit ≠ zero

        /// <summary>Replaces output's tokens with the tokens of text (null is an empty line).</summary>
        public static void Tokenize(string text, TokenBuffer output)
        {
            output.Clear();
            if (text == null) return;
            int phase = PhaseNone, value = 0;
            int i = 0, n = text.Length;
            while (i < n)
            {
                char c = Fold(text[i]);
                if (IsLetter(c))
                {
                    i = ScanWord(text, i, output.Scratch, out int length);
                    if (length > TokenBuffer.MaxTokenBytes)
                    {
                        FlushPhrase(output, ref phase, ref value);
                        AppendAscii(output, OovWord, -1);
                        continue;
                    }
                    int number = NumberWordValue(output.Scratch, length);
                    if (number >= 0) FeedPhrase(output, number, ref phase, ref value);
                    else
                    {
                        FlushPhrase(output, ref phase, ref value);
                        Append(output, output.Scratch, length, -1);
                    }
                }
                else if (c >= '0' && c <= '9')
                {
                    FlushPhrase(output, ref phase, ref value);
                    i = ScanDigits(text, i, out int digits);
                    AppendAscii(output, NumWord, digits);
                }
                else
                {
                    if (c == '%')
                    {
                        FlushPhrase(output, ref phase, ref value);
                        AppendAscii(output, PercentWord, -1);
                    }
                    i++;
                }
            }
            FlushPhrase(output, ref phase, ref value);
        }

        /// <summary>Rule 1: ASCII and Latin-1 capitals to lower case; nothing else changes.</summary>
        public static char Fold(char c)
        {
            if (c >= 'A' && c <= 'Z') return (char)(c + 0x20);
            if (c >= '\u00C0' && c <= '\u00DE' && c != '\u00D7') return (char)(c + 0x20);
            return c;
        }

        /// <summary>Rule 2: a letter, for an already folded code unit.</summary>
        public static bool IsLetter(char c)
        {
            if (c >= 'a' && c <= 'z') return true;
            if (c < '\u00C0' || c == '\u00D7' || c == '\u00F7') return false;
            if (c >= '\u2000' && c <= '\u2BFF') return false;
            if (c >= '\u3000' && c <= '\u303F') return false;
            if (c >= '\uD800' && c <= '\uDFFF') return false;
            if (c >= '\uFE30' && c <= '\uFE4F') return false;
            if (c >= '\uFF00' && c <= '\uFF20') return false;
            if (c == '\uFEFF' || c >= '\uFFF0') return false;
            return true;
        }

        static bool IsApostrophe(char c)
        {
            return c == '\'' || c == '\u2019';
        }

        /// <summary>
        /// Rule 3: scans the word starting at i into scratch (UTF-8, at most MaxTokenBytes bytes
        /// written) and returns the index after it; length is its full byte count.
        /// </summary>
        static int ScanWord(string text, int i, byte[] scratch, out int length)
        {
            length = 0;
            int n = text.Length;
            while (i < n)
            {
                char c = Fold(text[i]);
                if (IsApostrophe(c) && i + 1 < n && IsLetter(Fold(text[i + 1]))) c = '\'';
                else if (!IsLetter(c)) break;
                length = PutUtf8(scratch, length, c);
                i++;
            }
            return i;
        }

        /// <summary>Writes c (a BMP code unit, not a surrogate) at length if it fits; returns the new length.</summary>
        static int PutUtf8(byte[] scratch, int length, char c)
        {
            int size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
            if (length + size <= TokenBuffer.MaxTokenBytes)
            {
                if (size == 1) scratch[length] = (byte)c;
                else if (size == 2)
                {
                    scratch[length] = (byte)(0xC0 | (c >> 6));
                    scratch[length + 1] = (byte)(0x80 | (c & 0x3F));
                }
                else
                {
                    scratch[length] = (byte)(0xE0 | (c >> 12));
                    scratch[length + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    scratch[length + 2] = (byte)(0x80 | (c & 0x3F));
                }
            }
            return length + size;
        }

        /// <summary>Rule 4: the digit run at i; value saturates at MaxNumber. Returns the index after it.</summary>
        static int ScanDigits(string text, int i, out int value)
        {
            value = 0;
            while (i < text.Length && text[i] >= '0' && text[i] <= '9')
            {
                int d = text[i] - '0';
                value = value > (MaxNumber - 9) / 10 ? MaxNumber : value * 10 + d;
                i++;
            }
            return i;
        }

        /// <summary>The value of a number word (0..20, tens, 100 for hundred), or -1.</summary>
        static int NumberWordValue(byte[] word, int length)
        {
            for (int k = 0; k < NumberWords.Length; k++)
            {
                string s = NumberWords[k];
                if (s.Length != length) continue;
                int j = 0;
                while (j < length && word[j] == s[j]) j++;
                if (j == length) return NumberValues[k];
            }
            return -1;
        }

        /// <summary>Rule 5: extends the pending phrase with a number word (longest match) or ends it.</summary>
        static void FeedPhrase(TokenBuffer output, int w, ref int phase, ref int value)
        {
            bool unit = w < 10, teen = w >= 10 && w < 20, tens = w >= 20 && w < 100, hundred = w == 100;
            if (phase == PhaseTens && unit && w != 0) { phase = PhaseSmall; value += w; return; }
            if ((phase == PhaseTens || phase == PhaseSmall) && hundred) { phase = PhaseHundred; value *= 100; return; }
            if (phase == PhaseHundred && tens) { phase = PhaseHundredTens; value += w; return; }
            if (phase == PhaseHundred && (unit || teen)) { AppendAscii(output, NumWord, value + w); phase = PhaseNone; return; }
            if (phase == PhaseHundredTens && unit && w != 0) { AppendAscii(output, NumWord, value + w); phase = PhaseNone; return; }
            FlushPhrase(output, ref phase, ref value);
            value = w;
            phase = tens ? PhaseTens : hundred ? PhaseHundred : PhaseSmall;
        }

        static void FlushPhrase(TokenBuffer output, ref int phase, ref int value)
        {
            if (phase != PhaseNone) AppendAscii(output, NumWord, value);
            phase = PhaseNone;
            value = 0;
        }

        static void Append(TokenBuffer output, byte[] bytes, int length, int value)
        {
            if (output.Count >= output.Capacity) { output.Truncated = true; return; }
            int at = output.Count * TokenBuffer.MaxTokenBytes;
            for (int k = 0; k < length; k++) output.Bytes[at + k] = bytes[k];
            output.Length[output.Count] = length;
            output.Values[output.Count] = value;
            output.Count++;
        }

        static void AppendAscii(TokenBuffer output, string word, int value)
        {
            if (output.Count >= output.Capacity) { output.Truncated = true; return; }
            int at = output.Count * TokenBuffer.MaxTokenBytes;
            for (int k = 0; k < word.Length; k++) output.Bytes[at + k] = (byte)word[k];
            output.Length[output.Count] = word.Length;
            output.Values[output.Count] = value;
            output.Count++;
        }
    }
}
