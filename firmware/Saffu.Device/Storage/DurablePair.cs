using Saffu.Runtime.Blob;

namespace Saffu.Device.Storage
{
    /// <summary>
    /// A small record kept as two copies in one region (docs/decision-log.md, Durable pair): a write
    /// goes to the older copy with the next generation, so a cut at any byte leaves the previous
    /// value readable.
    /// </summary>
    public sealed class DurablePair
    {
        public const uint Magic = 0x31524453;   // "SDR1"
        public const int HeaderBytes = 12, CrcBytes = 4;
        public const int KindActive = 1, KindCounters = 2, KindSettings = 3, KindLights = 4, KindUpload = 5;

        readonly IRegion region;
        readonly int kind;
        readonly int half;
        readonly byte[] copy;   // [half] one copy's bytes
        uint generation;        // of the newest valid copy, 0 when none
        int newest = -1;        // 0 or 1, −1 when neither copy is valid

        public DurablePair(IRegion region, int kind)
        {
            this.region = region;
            this.kind = kind;
            half = region.Size / 2;
            copy = new byte[half];
            Read(null);
        }

        /// <summary>The largest payload a copy holds.</summary>
        public int MaxPayload { get { return half - HeaderBytes - CrcBytes - 3; } }

        /// <summary>Bytes of the copy buffer.</summary>
        public int RamBytes { get { return copy.Length; } }

        /// <summary>Generation of the newest valid copy (0 when none): a write count, for tests.</summary>
        public uint Generation { get { return generation; } }

        /// <summary>Reads the newest valid copy's payload into payload (null: only finds the newest copy); its length, or −1 when neither copy is valid.</summary>
        public int Read(byte[]? payload)
        {
            newest = -1;
            generation = 0;
            int length = -1;
            for (int c = 0; c < 2; c++)
            {
                int n = ReadCopy(c);
                if (n < 0) continue;
                uint g = Bytes.Get32(copy, 4);
                if (newest >= 0 && g <= generation) continue;
                newest = c;
                generation = g;
                length = n;
                if (payload != null) System.Array.Copy(copy, HeaderBytes, payload, 0, n);
            }
            return length;
        }

        /// <summary>Writes payload[0..count) as the next generation into the other copy, then flushes.</summary>
        public void Write(byte[] payload, int count)
        {
            if (count < 0 || count > MaxPayload) throw new System.ArgumentOutOfRangeException("count");
            int target = newest == 0 ? 1 : 0;
            for (int i = 0; i < copy.Length; i++) copy[i] = 0;
            Bytes.Put32(copy, 0, Magic);
            Bytes.Put32(copy, 4, generation + 1);
            Bytes.Put16(copy, 8, kind);
            Bytes.Put16(copy, 10, count);
            System.Array.Copy(payload, 0, copy, HeaderBytes, count);
            int crcAt = HeaderBytes + Bytes.Align4(count);
            Bytes.Put32(copy, crcAt, Crc32.Compute(copy, 0, crcAt));
            region.Write(target * half, copy, 0, crcAt + CrcBytes);
            region.Flush();
            newest = target;
            generation++;
        }

        /// <summary>Copy c's payload length when it is valid, else −1 (copy holds its bytes).</summary>
        int ReadCopy(int c)
        {
            region.Read(c * half, copy, 0, half);
            if (Bytes.Get32(copy, 0) != Magic || Bytes.Get16(copy, 8) != kind) return -1;
            int n = Bytes.Get16(copy, 10);
            if (n > MaxPayload) return -1;
            int crcAt = HeaderBytes + Bytes.Align4(n);
            return Bytes.Get32(copy, crcAt) == Crc32.Compute(copy, 0, crcAt) ? n : -1;
        }
    }
}
