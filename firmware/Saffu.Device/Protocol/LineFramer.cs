namespace Saffu.Device.Protocol
{
    /// <summary>
    /// Cuts the serial byte stream into lines (docs/serial-protocol.md, Framing): \n ends a line, a
    /// \r before it is dropped, a line over MaxLineBytes is discarded up to its \n and reported
    /// once. One buffer, allocated once; a half line waits for the rest.
    /// </summary>
    public sealed class LineFramer
    {
        public const int MaxLineBytes = 1024;
        readonly byte[] line = new byte[MaxLineBytes + 1];   // + room for a \r that a \n may follow
        int count;
        bool overlong;

        /// <summary>Bytes of the half line held.</summary>
        public int Pending { get { return count; } }

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
