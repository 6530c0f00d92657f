using Saffu.Device.Storage;

namespace Saffu.Device.State
{
    /// <summary>
    /// Boot counter, the seq floor that keeps log sequence numbers from repeating after a clear, and
    /// the log id (docs/decision-log.md, counters), in a durable pair.
    /// </summary>
    public sealed class Counters
    {
        public const string RegionName = "counters";
        public const int RegionBytes = 128;
        const int PayloadBytes = 12;
        readonly DurablePair pair;
        readonly byte[] payload = new byte[PayloadBytes];

        public Counters(IRegionStore store)
        {
            pair = new DurablePair(store.Open(RegionName, RegionBytes), DurablePair.KindCounters);
            if (pair.Read(payload) == PayloadBytes)
            {
                Boot = Bytes.Get32(payload, 0);
                SeqFloor = Bytes.Get32(payload, 4);
                LogId = Bytes.Get32(payload, 8);
            }
        }

        public int RamBytes { get { return pair.RamBytes + payload.Length; } }

        /// <summary>Boots so far, this one included once StartBoot ran (0 before the first).</summary>
        public uint Boot { get; private set; }
        /// <summary>The log's next seq is at least this (set by log clear).</summary>
        public uint SeqFloor { get; private set; }
        /// <summary>The log's id (0 until the first boot chose it).</summary>
        public uint LogId { get; private set; }

        /// <summary>Counts this boot and writes it (choosing the log id on the first boot from the clock's ticks).</summary>
        public void StartBoot(long ticks)
        {
            Boot++;
            if (LogId == 0) LogId = Mix((uint)ticks ^ (uint)(ticks >> 32) ^ Boot);
            Save();
        }

        /// <summary>Raises the seq floor (before a log clear).</summary>
        public void RaiseSeqFloor(uint floor)
        {
            if (floor <= SeqFloor) return;
            SeqFloor = floor;
            Save();
        }

        void Save()
        {
            Bytes.Put32(payload, 0, Boot);
            Bytes.Put32(payload, 4, SeqFloor);
            Bytes.Put32(payload, 8, LogId);
            pair.Write(payload, PayloadBytes);
        }

        /// <summary>A 32-bit finaliser (murmur3 fmix32) so that close tick counts give unrelated ids; never 0.</summary>
        static uint Mix(uint h)
        {
            h ^= h >> 16;
            h *= 0x85EBCA6B;
            h ^= h >> 13;
            h *= 0xC2B2AE35;
            h ^= h >> 16;
            return h == 0 ? 1 : h;
        }
    }
}
