namespace Saffu.Device.Tests
{
    /// <summary>Reads one key of an answer line (the device writes flat keys in a fixed order; the first match wins).</summary>
    public static class Fields
    {
        /// <summary>The raw JSON value text after "key": (up to the next , or } at depth 0), or null.</summary>
        public static string? Raw(string line, string key)
        {
            string probe = "\"" + key + "\":";
            int at = line.IndexOf(probe);
            if (at < 0) return null;
            int start = at + probe.Length, depth = 0;
            bool inString = false;
            for (int i = start; i < line.Length; i++)
            {
                char c = line[i];
                if (inString)
                {
                    if (c == '\\') i++;
                    else if (c == '"') inString = false;
                    continue;
                }
                if (c == '"') inString = true;
                else if (c == '{' || c == '[') depth++;
                else if ((c == '}' || c == ']') && depth > 0) depth--;
                else if ((c == ',' || c == '}' || c == ']') && depth == 0) return line.Substring(start, i - start);
            }
            return line.Substring(start);
        }

        public static string? Str(string line, string key)
        {
            string? raw = Raw(line, key);
            if (raw == null || raw == "null") return null;
            return raw.Substring(1, raw.Length - 2);
        }

        public static long Int(string line, string key)
        {
            string? raw = Raw(line, key);
            return raw == null || raw == "null" ? -1 : long.Parse(raw);
        }

        public static string Type(string line) { return Str(line, "type")!; }
    }
}
