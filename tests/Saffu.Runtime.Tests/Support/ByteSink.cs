using System;

namespace Saffu.Runtime.Tests
{
    /// <summary>A growable little-endian byte buffer (no generic collections on nanoFramework).</summary>
    public sealed class ByteSink
    {
        byte[] buffer = new byte[64];

        public int Length { get; private set; }

        void Room(int n)
        {
            if (Length + n <= buffer.Length) return;
            int size = buffer.Length * 2;
            while (size < Length + n) size *= 2;
            byte[] bigger = new byte[size];
            Array.Copy(buffer, bigger, Length);
            buffer = bigger;
        }

        public void U8(int v) { Room(1); buffer[Length++] = (byte)v; }
        public void U16(int v) { U8(v); U8(v >> 8); }
        public void U32(int v) { U16(v); U16(v >> 16); }
        public void Zeros(int n) { for (int i = 0; i < n; i++) U8(0); }
        public void Pad4() { while (Length % 4 != 0) U8(0); }

        public void Bytes(byte[] bytes)
        {
            Room(bytes.Length);
            Array.Copy(bytes, 0, buffer, Length, bytes.Length);
            Length += bytes.Length;
        }

        public void Sink(ByteSink other)
        {
            Bytes(other.ToArray());
        }

        public byte[] ToArray()
        {
            byte[] bytes = new byte[Length];
            Array.Copy(buffer, bytes, Length);
            return bytes;
        }
    }
}
