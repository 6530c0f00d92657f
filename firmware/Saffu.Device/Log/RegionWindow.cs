using Saffu.Device.Storage;
using Saffu.Runtime.Blob;

namespace Saffu.Device.Log
{
    /// <summary>Reads a region through one 512-byte window (scans at boot, record checks, CRCs).</summary>
    public sealed class RegionWindow
    {
        public const int WindowBytes = 512;
        readonly IRegion region;
        readonly byte[] window = new byte[WindowBytes];
        int start = -1;   // region offset of window[0]; −1 when empty
        int length;

        public RegionWindow(IRegion region)
        {
            this.region = region;
        }

        public int Size { get { return region.Size; } }

        public int RamBytes { get { return window.Length; } }

        /// <summary>Forgets the window (after a write to the region).</summary>
        public void Invalidate() { start = -1; }

        public int Byte(int offset)
        {
            if (start < 0 || offset < start || offset >= start + length) Fill(offset);
            return window[offset - start];
        }

        public int U16(int offset) { return Byte(offset) | (Byte(offset + 1) << 8); }

        public uint U32(int offset) { return (uint)(U16(offset) | (U16(offset + 2) << 16)); }

        /// <summary>CRC-32 of count bytes at offset.</summary>
        public uint Crc(int offset, int count)
        {
            return Crc32.Final(CrcUpdate(Crc32.Initial, offset, count));
        }

        /// <summary>A running CRC-32 (not finalised) continued over count bytes at offset.</summary>
        public uint CrcUpdate(uint crc, int offset, int count)
        {
            while (count > 0)
            {
                if (start < 0 || offset < start || offset >= start + length) Fill(offset);
                int n = start + length - offset;
                if (n > count) n = count;
                crc = Crc32.Update(crc, window, offset - start, n);
                offset += n;
                count -= n;
            }
            return crc;
        }

        /// <summary>Copies count bytes at offset into buffer (straight from the region).</summary>
        public void Copy(int offset, byte[] buffer, int index, int count) { region.Read(offset, buffer, index, count); }

        void Fill(int offset)
        {
            start = offset;
            length = region.Size - offset;
            if (length > WindowBytes) length = WindowBytes;
            region.Read(start, window, 0, length);
        }
    }
}
