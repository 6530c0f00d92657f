namespace Saffu.Device.Protocol
{
    /// <summary>
    /// One request line read (docs/serial-protocol.md, Request line): the optional id, the command
    /// word (lower case) and the rest of the line, verbatim but trimmed.
    /// </summary>
    public sealed class Request
    {
        public const int MaxIdDigits = 9;

        Request(int id, string command, string rest)
        {
            Id = id;
            Command = command;
            Rest = rest;
        }

        /// <summary>The request id, −1 when the line has none.</summary>
        public int Id { get; }
        /// <summary>The command word, lower case ("" when the line held only an id).</summary>
        public string Command { get; }
        /// <summary>Everything after the command word and its spaces, without trailing spaces.</summary>
        public string Rest { get; }

        /// <summary>Parses a line that passed LineCheck. Null when the first word is digits but too long for an id.</summary>
        public static Request? Parse(string line)
        {
            int at = SkipSpace(line, 0);
            int end = WordEnd(line, at);
            int id = -1;
            if (end > at && AllDigits(line, at, end))
            {
                if (end - at > MaxIdDigits) return null;
                id = int.Parse(line.Substring(at, end - at));
                at = SkipSpace(line, end);
                end = WordEnd(line, at);
            }
            string command = line.Substring(at, end - at).ToLower();
            int restAt = SkipSpace(line, end);
            int restEnd = line.Length;
            while (restEnd > restAt && IsSpace(line[restEnd - 1])) restEnd--;
            return new Request(id, command, line.Substring(restAt, restEnd - restAt));
        }

        /// <summary>The words of Rest (split at spaces and TABs).</summary>
        public string[] Words()
        {
            int n = 0;
            for (int at = SkipSpace(Rest, 0); at < Rest.Length; at = SkipSpace(Rest, WordEnd(Rest, at))) n++;
            string[] words = new string[n];
            int k = 0;
            for (int at = SkipSpace(Rest, 0); at < Rest.Length; )
            {
                int end = WordEnd(Rest, at);
                words[k++] = Rest.Substring(at, end - at);
                at = SkipSpace(Rest, end);
            }
            return words;
        }

        /// <summary>The id as the first word of a line that could not be parsed further, or −1 (for error answers).</summary>
        public static int IdOf(string line)
        {
            int at = SkipSpace(line, 0);
            int end = WordEnd(line, at);
            if (end == at || end - at > MaxIdDigits || !AllDigits(line, at, end)) return -1;
            return int.Parse(line.Substring(at, end - at));
        }

        static bool IsSpace(char c) { return c == ' ' || c == '\t'; }

        static int SkipSpace(string s, int at)
        {
            while (at < s.Length && IsSpace(s[at])) at++;
            return at;
        }

        static int WordEnd(string s, int at)
        {
            while (at < s.Length && !IsSpace(s[at])) at++;
            return at;
        }

        static bool AllDigits(string s, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
            }
            return true;
        }
    }
}
