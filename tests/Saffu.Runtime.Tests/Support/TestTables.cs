using Saffu.Runtime.Arithmetic;

namespace Saffu.Runtime.Tests
{
    /// <summary>The MathTables section bytes and a view over them, from MathTableValues.</summary>
    public static class TestTables
    {
        public static byte[] SectionBytes()
        {
            byte[] bytes = new byte[MathTables.SectionBytes];
            int at = 0;
            for (int k = 0; k < MathTables.Entries; k++) { PutInt(bytes, at, MathTableValues.Exp2[k]); at += 4; }
            for (int k = 0; k < MathTables.Entries; k++) { PutInt(bytes, at, MathTableValues.Log2[k]); at += 4; }
            PutInt(bytes, at, MathTableValues.Log2E);
            PutInt(bytes, at + 4, MathTableValues.Ln2);
            return bytes;
        }

        public static MathTables Create()
        {
            return new MathTables(SectionBytes(), 0);
        }

        static void PutInt(byte[] bytes, int at, int v)
        {
            bytes[at] = (byte)v;
            bytes[at + 1] = (byte)(v >> 8);
            bytes[at + 2] = (byte)(v >> 16);
            bytes[at + 3] = (byte)(v >> 24);
        }
    }
}
