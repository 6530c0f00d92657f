using Saffu.Runtime.Text;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// A list of u8-length-prefixed UTF-8 strings in the blob (intent names, tag labels), read in
    /// place; only the start offsets are kept (int[count], allocated at load).
    /// </summary>
    public sealed class Labels
    {
        readonly byte[] data;
        readonly int[] starts;   // blob offset of each string's first byte (after its length byte)

        internal Labels(byte[] data, int[] starts)
        {
            this.data = data;
            this.starts = starts;
        }

        public int Count { get { return starts.Length; } }

        /// <summary>The blob bytes the labels live in.</summary>
        public byte[] Data { get { return data; } }

        /// <summary>Bytes of RAM this view allocated.</summary>
        public int RamBytes { get { return starts.Length * 4; } }

        public int Start(int i)
        {
            return starts[i];
        }

        public int Length(int i)
        {
            return data[starts[i] - 1];
        }

        /// <summary>Label i as a string (allocates).</summary>
        public string Name(int i)
        {
            if (i < 0 || i >= Count) return "";
            return Utf8.Decode(data, starts[i], Length(i));
        }

        /// <summary>Index of the label spelled name (ASCII or any BMP text), or −1.</summary>
        public int Find(string name)
        {
            byte[] bytes = new byte[name.Length * 3];
            int length = Utf8.Encode(name, bytes);
            for (int i = 0; i < Count; i++)
            {
                if (Vocabulary.Compare(data, starts[i], Length(i), bytes, 0, length) == 0) return i;
            }
            return -1;
        }
    }
}
