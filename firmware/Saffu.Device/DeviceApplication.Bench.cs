using Saffu.Device.Protocol;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Device
{
    /// <summary>`bench [RUNS]`: the runtime timed on the board itself (docs/serial-protocol.md, bench).</summary>
    public sealed partial class DeviceApplication
    {
        public const string BenchSentence = "turn on the kitchen light";
        public const int DefaultBenchRuns = 20, MaxBenchRuns = 1000;

        void Bench(Request r)
        {
            SaffuModel? model = models.Model;
            if (model == null)
            {
                Error(r.Id, ErrorCodes.NoModel, NoModelMessage());
                return;
            }
            int runs = DefaultBenchRuns;
            if (r.Rest.Length > 0 && (!int.TryParse(r.Rest, out runs) || runs < 1 || runs > MaxBenchRuns))
            {
                Error(r.Id, ErrorCodes.BadArgument, "bench RUNS \"" + r.Rest + "\": expected 1.." + MaxBenchRuns);
                return;
            }
            Session session = model.Session;
            TokenBuffer tokens = session.State.Tokens;
            model.Vocabulary.Tokenize(BenchSentence, tokens);
            int n = tokens.Count;
            int[] ids = new int[n];
            int[] values = new int[n];
            for (int i = 0; i < n; i++)
            {
                ids[i] = model.Vocabulary.Find(tokens, i, model.Config.OovId);
                values[i] = tokens.Values[i];
            }
            long macs = 0;
            long start = ports.Clock.Ticks;
            for (int run = 0; run < runs; run++)
            {
                session.Reset();
                for (int i = 0; i < n; i++) session.Push(ids[i], values[i]);
                macs += session.MacCount;
            }
            long ticks = ports.Clock.Ticks - start;
            long words = (long)runs * (n + (model.Config.PrependSod ? 1 : 0));
            json.Begin(r.Id, "bench");
            json.Key("sentence");
            json.String(BenchSentence);
            json.Key("runs");
            json.Int(runs);
            json.Key("words");
            json.Int(words);
            json.Key("ticks");
            json.Int(ticks);
            json.Key("us_per_word");
            json.Int(words == 0 ? 0 : ticks / 10 / words);
            json.Key("macs_per_word");
            json.Int(words == 0 ? 0 : macs / words);
            json.Key("heap_free");
            json.Int(ports.System.FreeHeapBytes());
            json.End();
        }
    }
}
