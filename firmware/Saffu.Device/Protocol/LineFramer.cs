namespace Saffu.Device.Protocol
{
    /// <summary>
    /// Cuts the serial byte stream into lines (docs/serial-protocol.md, Framing): \n ends a line, a
    /// \r before it is dropped, a line over MaxLineBytes is discarded up to its \n and reported
    /// once, CAN (0x18) drops the line so far. One buffer, allocated once; a half line waits for
    /// the rest (the application drops it when it goes stale).
    /// </summary>
    public sealed class LineFramer
    {
        public const int MaxLineBytes = 1024;
        /// <summary>ASCII CAN: drops the half line held (the host's resynchronisation).</summary>
        public const byte Cancel = 0x18;
        readonly byte[] line = new byte[MaxLineBytes + 1];   // + room for a \r that a \n may follow
        int count;
        bool overlong;

        /// <summary>Bytes of the line buffer.</summary>
        public int RamBytes { get { return line.Length; } }

        /// <summary>True while a half line (or the rest of an over-long one) is held.</summary>
        public bool Pending { get { return count > 0 || overlong; } }

        /// <summary>Drops the half line held, silently.</summary>
        public void Discard()
        {
            count = 0;
            overlong = false;
        }

        public void Feed(byte[] data, int index, int length, ILineHandler handler)
        {
            for (int i = index; i < index + length; i++)
            {
                byte b = data[i];
                if (b == (byte)'\n')
                {
                    EndLine(handler);
                    continue;
                }
                if (b == Cancel)
                {
                    Discard();
                    continue;
                }
                if (overlong) continue;
                if (count == line.Length)
                {
                    overlong = true;
                    count = 0;
                    continue;
                }
                line[count++] = b;
            }
        }

        void EndLine(ILineHandler handler)
        {
            if (overlong)
            {
                overlong = false;
                count = 0;
                handler.OnOverlong();
                return;
            }
            int n = count;
            if (n > 0 && line[n - 1] == (byte)'\r') n--;
            count = 0;
            if (n > MaxLineBytes) handler.OnOverlong();
            else handler.OnLine(line, n);
        }
    }
}
