namespace Saffu.Device.Storage
{
    /// <summary>Little-endian reads and writes into byte arrays (the device's flash layouts).</summary>
    public static class Bytes
    {
        public static void Put16(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        public static void Put32(byte[] b, int at, uint v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        public static int Get16(byte[] b, int at) { return b[at] | (b[at + 1] << 8); }

        public static uint Get32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }

        public static int Align4(int n) { return (n + 3) & ~3; }
    }
}
