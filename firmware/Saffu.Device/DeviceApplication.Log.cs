using Saffu.Device.Log;
using Saffu.Device.Protocol;
using Saffu.Device.Storage;

namespace Saffu.Device
{
    /// <summary>`log dump FROM [MAX]` and `log clear` (docs/serial-protocol.md; records: docs/decision-log.md).</summary>
    public sealed partial class DeviceApplication
    {
        public const int DefaultDumpMax = 64, MaxDump = 256;

        void LogCommand(Request r)
        {
            string[] words = r.Words();
            if (words.Length == 1 && words[0] == "clear")
            {
                log.Clear();
                json.Begin(r.Id, "log_cleared");
                json.Key("next_seq");
                json.Int(log.NextSeq);
                json.End();
                return;
            }
            if (words.Length < 2 || words.Length > 3 || words[0] != "dump")
            {
                Error(r.Id, ErrorCodes.BadArgument, "log takes dump FROM [MAX] or clear, got \"" + r.Rest + "\"");
                return;
            }
            uint from;
            int max = DefaultDumpMax;
            if (!TryParseUInt(words[1], out from))
            {
                Error(r.Id, ErrorCodes.BadArgument, "log dump FROM \"" + words[1] + "\": expected a sequence number 0..4294967295");
                return;
            }
            if (words.Length == 3 && (!int.TryParse(words[2], out max) || max < 1 || max > MaxDump))
            {
                Error(r.Id, ErrorCodes.BadArgument, "log dump MAX \"" + words[2] + "\": expected 1.." + MaxDump);
                return;
            }
            Dump(r.Id, from, max);
        }

        void Dump(int id, long from, int max)
        {
            int sent = 0;
            bool more = false;
            for (bool ok = log.SeekFirst(from); ok; ok = log.MoveNext())
            {
                if (sent == max)
                {
                    more = true;
                    break;
                }
                WriteRecord(id, log.Record);
                sent++;
            }
            json.Begin(id, "log");
            json.Key("count");
            json.Int(sent);
            json.Key("first_seq");
            if (log.FirstSeq < 0) json.Null(); else json.Int(log.FirstSeq);
            json.Key("next_seq");
            json.Int(log.NextSeq);
            json.Key("more");
            json.Bool(more);
            json.End();
        }

        /// <summary>One `record` line: the keys of docs/decision-log.md's JSON Lines, without pulled_at.</summary>
        void WriteRecord(int id, LogRecord rec)
        {
            byte[] b = rec.Bytes;
            json.Begin(id, "record");
            json.Key("log_id");
            json.Hex32(counters.LogId);
            json.Key("seq");
            json.Int(rec.Seq);
            json.Key("boot");
            json.Int(rec.Boot);
            json.Key("uptime_ms");
            json.Int(rec.UptimeMs);
            json.Key("model_hash");
            json.Hex(b, LogRecord.HashAt, LogRecord.HashBytes, true);
            json.Key("text");
            json.Utf8String(b, LogRecord.TextAt + 2, rec.TextLength);
            json.Key("intent");
            if (rec.Understood) RecordString(rec, 0); else json.Null();
            json.Key("understood");
            json.Bool(rec.Understood);
            json.Key("confidence");
            json.Q15Decimal(rec.ConfidenceQ15);
            json.Key("confidence_q15");
            json.Int(rec.ConfidenceQ15);
            json.Key("slots");
            json.Open('{');
            RecordSlot(rec, 5, "name");
            RecordSlot(rec, 6, "area");
            RecordSlot(rec, 7, "color");
            if (rec.Step != 0) { json.Key("step"); json.String(rec.Step > 0 ? "up" : "down"); }
            if (rec.Brightness >= 0) { json.Key("brightness"); json.Int(rec.Brightness); }
            json.Close();
            json.Key("action");
            if (!rec.Understood) json.Null();
            else
            {
                json.Open('{');
                json.Key("kind");
                RecordString(rec, 2);
                json.Key("action");
                RecordString(rec, 3);
                json.Key("reason");
                RecordString(rec, 4);
                json.Key("pins");
                json.Open('[');
                int at = rec.PinsAt;
                for (int i = 0; i < rec.PinCount; i++, at += 4) WritePin(b[at], (Saffu.Runtime.Actions.PinKind)b[at + 1], Bytes.Get16(b, at + 2));
                json.Close();
                json.Close();
            }
            json.Key("top");
            RecordString(rec, 0);
            json.Key("reason");
            RecordString(rec, 1);
            json.Key("truncated");
            json.Bool((rec.Flags & LogRecord.FlagTruncated) != 0);
            json.Key("text_cut");
            json.Bool((rec.Flags & LogRecord.FlagTextCut) != 0);
            json.Key("corrected");
            json.Bool((rec.Flags & LogRecord.FlagCorrected) != 0);
            json.End();
        }

        /// <summary>String field k of the record as a JSON string, null when empty.</summary>
        void RecordString(LogRecord rec, int k)
        {
            int at = rec.StringAt(k);
            int n = rec.Bytes[at];
            if (n == 0) json.Null(); else json.Utf8String(rec.Bytes, at + 1, n);
        }

        void RecordSlot(LogRecord rec, int k, string key)
        {
            int at = rec.StringAt(k);
            int n = rec.Bytes[at];
            if (n == 0) return;
            json.Key(key);
            json.Utf8String(rec.Bytes, at + 1, n);
        }

        static bool TryParseUInt(string s, out uint value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > 10) return false;
            long v = 0;
            for (int i = 0; i < s.Length; i++)
            {
                if (s[i] < '0' || s[i] > '9') return false;
                v = v * 10 + (s[i] - '0');
            }
            if (v > uint.MaxValue) return false;
            value = (uint)v;
            return true;
        }
    }
}
