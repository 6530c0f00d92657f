using System.Collections;

namespace Saffu.Device.Tests
{
    /// <summary>Every record the device's log holds, as its `record` lines (log dump in pages of 256).</summary>
    public static class LogDump
    {
        public static string[] All(TestDevice d)
        {
            ArrayList records = new ArrayList();
            long from = 0;
            while (true)
            {
                string[] lines = d.Send("log dump " + from + " 256");
                for (int i = 0; i < lines.Length - 1; i++) records.Add(lines[i]);
                string last = lines[lines.Length - 1];
                if (Fields.Raw(last, "more") != "true") break;
                from = Fields.Int(lines[lines.Length - 2], "seq") + 1;
            }
            string[] r = new string[records.Count];
            for (int i = 0; i < r.Length; i++) r[i] = (string)records[i]!;
            return r;
        }

        /// <summary>Index of the line in lines, −1 when absent.</summary>
        public static int IndexOf(string[] lines, string line)
        {
            for (int i = 0; i < lines.Length; i++) if (lines[i] == line) return i;
            return -1;
        }
    }
}
