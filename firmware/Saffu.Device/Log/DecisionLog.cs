using Saffu.Device.State;
using Saffu.Device.Storage;

namespace Saffu.Device.Log
{
    /// <summary>
    /// The append-only decision log ring (docs/decision-log.md, The ring): records with CRCs in one
    /// region, the oldest overwritten when full, recovered at open by a scan. The chain of records a
    /// dump returns runs from the oldest (just after the write position) in ascending seq.
    /// </summary>
    public sealed class DecisionLog
    {
        public const string RegionName = "log";
        public const int RegionBytes = 49152;

        readonly IRegion region;
        readonly RegionWindow window;
        readonly Counters counters;
        readonly int size;
        int writePos;              // where the next record goes (before a wrap)
        int oldestPos = -1, oldestLength;
        long oldestSeq = -1;
        int foundLength;           // set by Valid: the record's length
        long foundSeq;             // set by Valid: the record's seq
        int cursorPos = -1;        // dump cursor: the record in Record
        long cursorSeq;

        public DecisionLog(IRegionStore store, Counters counters)
        {
            region = store.Open(RegionName, RegionBytes);
            window = new RegionWindow(region);
            this.counters = counters;
            size = region.Size;
            Open();
        }

        /// <summary>The record being appended, or the one the dump cursor is on.</summary>
        public LogRecord Record { get; } = new LogRecord();

        /// <summary>Bytes of the record buffer and the read window.</summary>
        public int RamBytes { get { return Record.RamBytes + window.RamBytes; } }

        /// <summary>Records in the chain.</summary>
        public int Records { get; private set; }
        /// <summary>Bytes the chain's records take.</summary>
        public int UsedBytes { get; private set; }
        public int CapacityBytes { get { return size; } }
        /// <summary>The seq the next record gets.</summary>
        public long NextSeq { get; private set; }
        /// <summary>The oldest record's seq, −1 when empty.</summary>
        public long FirstSeq { get { return Records == 0 ? -1 : oldestSeq; } }
        /// <summary>Records lost to overwriting since the last clear: the first seq held minus the seq floor.</summary>
        public long Overwritten
        {
            get
            {
                long first = Records == 0 ? NextSeq : oldestSeq;
                return first > counters.SeqFloor ? first - counters.SeqFloor : 0;
            }
        }

        /// <summary>Appends Record (built and finished by the caller, with seq NextSeq); returns its seq.</summary>
        public long Append()
        {
            int length = Record.Length;
            int p = writePos;
            bool wrapped = p + length > size;
            if (wrapped) p = 0;
            while (Records > 0 && InTheWay(oldestPos, p, length, wrapped)) DropOldest();
            region.Write(p, Record.Bytes, 0, length);
            region.Flush();
            window.Invalidate();
            long seq = Record.Seq;
            if (Records == 0)
            {
                oldestPos = p;
                oldestLength = length;
                oldestSeq = seq;
            }
            Records++;
            UsedBytes += length;
            writePos = p + length == size ? 0 : p + length;
            NextSeq = seq + 1;
            return seq;
        }

        /// <summary>Zeroes the region after raising the seq floor, so seq numbers never repeat.</summary>
        public void Clear()
        {
            counters.RaiseSeqFloor((uint)NextSeq);
            byte[] zeros = new byte[RegionWindow.WindowBytes];
            for (int at = 0; at < size; at += zeros.Length) region.Write(at, zeros, 0, size - at < zeros.Length ? size - at : zeros.Length);
            region.Flush();
            window.Invalidate();
            Open();
        }

        /// <summary>Moves the dump cursor to the first record with seq ≥ fromSeq and loads it into Record; false when none.</summary>
        public bool SeekFirst(long fromSeq)
        {
            cursorPos = Records == 0 ? -1 : oldestPos;
            cursorSeq = oldestSeq;
            while (cursorPos >= 0 && cursorSeq < fromSeq) Advance();
            return Load();
        }

        /// <summary>Moves the dump cursor to the next record in the chain; false past the newest.</summary>
        public bool MoveNext()
        {
            if (cursorPos < 0) return false;
            Advance();
            return Load();
        }

        bool Load()
        {
            if (cursorPos < 0) return false;
            Valid(cursorPos);
            window.Copy(cursorPos, Record.Bytes, 0, foundLength);
            Record.Loaded(foundLength);
            return true;
        }

        void Advance()
        {
            Valid(cursorPos);
            int from = Wrap(cursorPos + foundLength);
            cursorPos = Seek(from, Distance(from, writePos), cursorSeq);
            if (cursorPos >= 0) cursorSeq = foundSeq;
        }

        /// <summary>Finds the head and the chain (docs/decision-log.md, Opening).</summary>
        void Open()
        {
            Records = 0;
            UsedBytes = 0;
            oldestPos = -1;
            oldestSeq = -1;
            long headSeq = -1;
            int headPos = -1, headLength = 0;
            for (int p = 0; p + LogRecord.MinBytes <= size; )
            {
                if (!Valid(p)) { p += 4; continue; }
                if (foundSeq > headSeq) { headSeq = foundSeq; headPos = p; headLength = foundLength; }
                p += foundLength;
            }
            writePos = headPos < 0 ? 0 : Wrap(headPos + headLength);
            NextSeq = headSeq + 1 > counters.SeqFloor ? headSeq + 1 : counters.SeqFloor;
            if (headPos < 0) return;
            int at = Seek(writePos, size, -1);
            oldestPos = at;
            oldestSeq = foundSeq;
            oldestLength = foundLength;
            long seq = -1;
            while (at >= 0)
            {
                Records++;
                UsedBytes += foundLength;
                seq = foundSeq;
                int from = Wrap(at + foundLength);
                at = from == writePos ? -1 : Seek(from, Distance(from, writePos), seq);
            }
        }

        /// <summary>Forgets the oldest record (about to be overwritten) and finds the next one in the chain.</summary>
        void DropOldest()
        {
            Records--;
            UsedBytes -= oldestLength;
            if (Records == 0) { oldestPos = -1; return; }
            int from = Wrap(oldestPos + oldestLength);
            int next = Seek(from, Distance(from, writePos), oldestSeq);
            if (next < 0) { Records = 0; UsedBytes = 0; oldestPos = -1; return; }
            oldestPos = next;
            oldestSeq = foundSeq;
            oldestLength = foundLength;
        }

        /// <summary>
        /// True when the record at o lies where a record of that length goes at p: in [p, p + length),
        /// or after a wrap also at or after the old write position (the stretch left at the end).
        /// </summary>
        bool InTheWay(int o, int p, int length, bool wrapped)
        {
            return wrapped ? o < length || o >= writePos : o >= p && o < p + length;
        }

        /// <summary>The first valid record with seq &gt; afterSeq met walking span bytes from `from`; −1 when none.</summary>
        int Seek(int from, int span, long afterSeq)
        {
            int pos = from, walked = 0;
            while (walked < span)
            {
                if (pos + LogRecord.MinBytes > size)
                {
                    walked += size - pos;
                    pos = 0;
                    continue;
                }
                if (Valid(pos))
                {
                    if (foundSeq > afterSeq) return pos;
                    walked += foundLength;
                    pos = Wrap(pos + foundLength);
                }
                else
                {
                    walked += 4;
                    pos = Wrap(pos + 4);
                }
            }
            return -1;
        }

        int Wrap(int pos) { return pos >= size ? pos - size : pos; }

        int Distance(int from, int to) { return to >= from ? to - from : to + size - from; }

        /// <summary>True when a valid record starts at p (magic, length, CRC); sets foundSeq and foundLength.</summary>
        bool Valid(int p)
        {
            if (p + LogRecord.MinBytes > size || window.U16(p) != LogRecord.Magic) return false;
            int length = window.U16(p + 2);
            if (length < LogRecord.MinBytes || length > LogRecord.MaxBytes || (length & 3) != 0 || p + length > size) return false;
            if (window.U32(p + length - 4) != window.Crc(p, length - 4)) return false;
            foundLength = length;
            foundSeq = window.U32(p + 4);
            return true;
        }
    }
}
