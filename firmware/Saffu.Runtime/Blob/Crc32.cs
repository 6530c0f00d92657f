namespace Saffu.Runtime.Blob
{
    /// <summary>
    /// CRC-32 (IEEE 802.3: reflected polynomial 0xEDB88320, init and final xor 0xFFFFFFFF), a
    /// nibble at a time with a 16-entry table: 64 bytes of table instead of 1 KB.
    /// </summary>
    public static class Crc32
    {
        static readonly uint[] Nibble =
        {
            0x00000000, 0x1DB71064, 0x3B6E20C8, 0x26D930AC, 0x76DC4190, 0x6B6B51F4, 0x4DB26158, 0x5005713C,
            0xEDB88320, 0xF00F9344, 0xD6D6A3E8, 0xCB61B38C, 0x9B64C2B0, 0x86D3D2D4, 0xA00AE278, 0xBDBDF21C,
        };

        public static uint Compute(byte[] data, int offset, int length)
        {
            return Final(Update(Initial, data, offset, length));
        }

        public const uint Initial = 0xFFFFFFFF;

        public static uint Update(uint crc, byte[] data, int offset, int length)
        {
            uint[] table = Nibble;
            int end = offset + length;
            for (int i = offset; i < end; i++)
            {
                crc ^= data[i];
                crc = (crc >> 4) ^ table[crc & 15];
                crc = (crc >> 4) ^ table[crc & 15];
            }
            return crc;
        }

        /// <summary>Feeds n zero bytes (the blob's CRC field is hashed as zeros).</summary>
        public static uint UpdateZeros(uint crc, int n)
        {
            for (int i = 0; i < n; i++)
            {
                crc = (crc >> 4) ^ Nibble[crc & 15];
                crc = (crc >> 4) ^ Nibble[crc & 15];
            }
            return crc;
        }

        public static uint Final(uint crc)
        {
            return crc ^ 0xFFFFFFFF;
        }

        /// <summary>The blob checksum: every byte, with bytes CrcOffset..CrcOffset+3 taken as zero.</summary>
        public static uint OfBlob(byte[] blob, int length)
        {
            uint crc = Update(Initial, blob, 0, BlobFormat.CrcOffset);
            crc = UpdateZeros(crc, 4);
            crc = Update(crc, blob, BlobFormat.CrcOffset + 4, length - BlobFormat.CrcOffset - 4);
            return Final(crc);
        }
    }
}
