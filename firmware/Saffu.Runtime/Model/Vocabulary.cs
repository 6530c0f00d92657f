using Saffu.Runtime.Blob;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// The blob's Vocabulary section, read in place (docs/model-blob.md §2): word id r's UTF-8
    /// bytes, and a table of ids sorted by their bytes for binary search. Nothing is copied.
    /// </summary>
    public sealed class Vocabulary : IWordSet
    {
        readonly byte[] data;
        readonly int offsetsAt;   // u32[V+1], relative to stringsAt
        readonly int sortedAt;    // u16[V]
        readonly int stringsAt;

        internal Vocabulary(byte[] data, int count, int offsetsAt, int sortedAt, int stringsAt)
        {
            this.data = data;
            Count = count;
            this.offsetsAt = offsetsAt;
            this.sortedAt = sortedAt;
            this.stringsAt = stringsAt;
        }

        /// <summary>V, the number of ids.</summary>
        public int Count { get; }

        /// <summary>Blob offset of id's first byte.</summary>
        public int WordStart(int id)
        {
            return stringsAt + LittleEndian.I32(data, offsetsAt + 4 * id);
        }

        public int WordLength(int id)
        {
            return LittleEndian.I32(data, offsetsAt + 4 * id + 4) - LittleEndian.I32(data, offsetsAt + 4 * id);
        }

        /// <summary>The id at position i of the sorted table.</summary>
        public int SortedId(int i)
        {
            return LittleEndian.U16(data, sortedAt + 2 * i);
        }

        /// <summary>The id whose bytes equal bytes[offset..offset+length), or −1. Binary search, no allocation.</summary>
        public int Find(byte[] bytes, int offset, int length)
        {
            int lo = 0, hi = Count - 1;
            while (lo <= hi)
            {
                int mid = (lo + hi) >> 1;
                int id = SortedId(mid);
                int order = Compare(data, WordStart(id), WordLength(id), bytes, offset, length);
                if (order == 0) return id;
                if (order < 0) lo = mid + 1;
                else hi = mid - 1;
            }
            return -1;
        }

        /// <summary>True when the word of id ends with the ASCII characters of suffix (no allocation).</summary>
        public bool EndsWith(int id, string suffix)
        {
            int length = WordLength(id), n = suffix.Length;
            if (length < n) return false;
            int at = WordStart(id) + length - n;
            for (int k = 0; k < n; k++)
            {
                if (data[at + k] != (byte)suffix[k]) return false;
            }
            return true;
        }

        /// <summary>True when bytes[offset..offset+length) is a word of the vocabulary (no allocation).</summary>
        public bool Contains(byte[] bytes, int offset, int length)
        {
            return Find(bytes, offset, length) >= 0;
        }

        /// <summary>
        /// A line's tokens as this vocabulary reads them: the tokenizer, then the fallback for unknown words
        /// ending in 's (docs/tokenizer.md). Allocates nothing.
        /// </summary>
        public void Tokenize(string line, TokenBuffer tokens)
        {
            Tokenizer.Tokenize(line, tokens);
            ApostropheS.Apply(tokens, this);
        }

        /// <summary>Token i of a buffer as an id; a miss is oovId.</summary>
        public int Find(TokenBuffer tokens, int i, int oovId)
        {
            int id = Find(tokens.Bytes, tokens.Offset(i), tokens.Length[i]);
            return id < 0 ? oovId : id;
        }

        /// <summary>Id of an ASCII or other BMP string (host convenience; allocates), or −1.</summary>
        public int Find(string word)
        {
            byte[] bytes = new byte[word.Length * 3];
            int length = Utf8.Encode(word, bytes);
            return Find(bytes, 0, length);
        }

        /// <summary>Word id as a string (allocates: logs, slot text, the host).</summary>
        public string Word(int id)
        {
            if (id < 0 || id >= Count) return "";
            return Utf8.Decode(data, WordStart(id), WordLength(id));
        }

        /// <summary>Unsigned byte order, a prefix before longer words: &lt;0, 0, &gt;0.</summary>
        public static int Compare(byte[] a, int aOffset, int aLength, byte[] b, int bOffset, int bLength)
        {
            int n = aLength < bLength ? aLength : bLength;
            for (int i = 0; i < n; i++)
            {
                int d = a[aOffset + i] - b[bOffset + i];
                if (d != 0) return d;
            }
            return aLength - bLength;
        }
    }
}
