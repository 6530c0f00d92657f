namespace Saffu.Runtime.Blob
{
    /// <summary>Little-endian reads at a byte offset; callers have checked the bytes exist.</summary>
    public static class LittleEndian
    {
        public static int U8(byte[] b, int at)
        {
            return b[at];
        }

        public static int U16(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8);
        }

        public static int I16(byte[] b, int at)
        {
            return (short)(b[at] | (b[at + 1] << 8));
        }

        public static int I32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        /// <summary>A u32 as a non-negative long (the whole range, no sign surprises).</summary>
        public static long U32(byte[] b, int at)
        {
            return (long)(uint)I32(b, at);
        }

        public static long I64(byte[] b, int at)
        {
            return (long)(uint)I32(b, at) | ((long)I32(b, at + 4) << 32);
        }
    }
}
