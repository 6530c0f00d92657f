using System;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// Structure-aware mutations of a valid blob (docs/model-blob.md): it knows where the header
    /// fields, table entries, config fields, tensor records, vocabulary tables, strings, decision
    /// and math tables are, and sets them to values near the limits the loader checks.
    /// </summary>
    public sealed class BlobMutator
    {
        public const int Kinds = 18;
        public static readonly string[] KindNames =
        {
            "header field", "table field", "table swap", "config field", "tensor field", "vocabulary table",
            "string byte", "string length", "tag head field", "decision field", "math table entry",
            "truncation", "extension", "byte flips", "tensor data", "section length and total", "action map field",
            "anchor field",
        };

        readonly byte[] valid;
        readonly int sections;
        readonly int[] tensors = new int[16];
        int tensorCount;
        readonly int[] strings = new int[64];   // offsets of u8 string lengths (intents, tag labels, trainer)
        int stringCount;
        readonly int[] mapFields = new int[512];   // offsets of the action map's fields (ActionMapFields)
        readonly int[] mapSizes = new int[512];    // their sizes in bytes
        int mapFieldCount;
        readonly int anchorsAt, anchorsLength;   // the Anchors section (−1 without one)

        public BlobMutator(byte[] validBlob)
        {
            valid = validBlob;
            sections = U16(valid, 16);
            for (int kind = 5; kind <= 8; kind++) AddTensors(kind, 0);
            int intents = Section(3);
            AddStrings(intents + 4, U16(valid, intents));
            int tags = Section(9);
            if (tags >= 0)
            {
                int g = U16(valid, tags), end = AddStrings(tags + 8, g);
                AddTensors(9, TestBlobWriter.Align4(end - tags));
            }
            int identity = Section(11);
            if (identity >= 0) AddStrings(identity + 104, 1);
            AddActionMapFields();
            anchorsAt = Section(16);
            anchorsLength = anchorsAt < 0 ? 0 : I32(valid, Entry(TestBlobWriter.EntryOf(valid, 16)) + 8);
        }

        /// <summary>Every field of a valid ActionMap section (docs/action-map.md): counts, actions, names, pins, ids.</summary>
        void AddActionMapFields()
        {
            int at = Section(12);
            if (at < 0) return;
            int start = at, header = ActionMap.UnversionedHeaderBytes;
            if ((U16(valid, at) & ActionMap.VersionFlag) != 0)
            {
                // Layout 7: the version field and the place, lead and device counts too; then the layout 1..6 fields from byte 2.
                for (int k = 0; k < 16; k += 2) AddMapField(at + k, 2);
                AddMapField(at + 16, 1);
                AddMapField(at + 17, 1);
                header = ActionMap.HeaderBytes;
                at += 2;
            }
            int lights = U16(valid, at), areas = U16(valid, at + 2), colors = U16(valid, at + 4), steps = U16(valid, at + 6);
            if (header == ActionMap.UnversionedHeaderBytes)
            {
                for (int k = 0; k < 8; k += 2) AddMapField(at + k, 2);
                AddMapField(at + 8, 1);
            }
            at = start + header;
            int intents = U16(valid, Section(1) + 14);
            for (int i = 0; i < intents; i++) AddMapField(at + i, 1);
            at = start + TestBlobWriter.Align4(at + intents - start);
            for (int a = 0; a < areas; a++) at = AddNames(at);
            for (int i = 0; i < lights; i++)
            {
                for (int k = 0; k < 6; k++) AddMapField(at + k, 1);
                at = AddNames(at + 6);
            }
            for (int c = 0; c < colors; c++) at = AddPhrase(at + 3);
            for (int s = 0; s < steps; s++)
            {
                AddMapField(at, 1);
                at = AddPhrase(at + 1);
            }
        }

        int AddNames(int at)
        {
            AddMapField(at, 1);
            int names = valid[at++];
            for (int n = 0; n < names; n++) at = AddPhrase(at);
            return at;
        }

        int AddPhrase(int at)
        {
            AddMapField(at, 1);
            for (int k = 0; k < valid[at]; k++) AddMapField(at + 1 + 2 * k, 2);
            return at + 1 + 2 * valid[at];
        }

        void AddMapField(int at, int size)
        {
            if (mapFieldCount == mapFields.Length) return;
            mapFields[mapFieldCount] = at;
            mapSizes[mapFieldCount++] = size;
        }

        public int Length { get { return valid.Length; } }

        static int U16(byte[] b, int at) { return b[at] | (b[at + 1] << 8); }
        static int I32(byte[] b, int at) { return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24); }

        int Entry(int i) { return BlobFormat.HeaderSize + i * BlobFormat.SectionEntrySize; }

        /// <summary>Offset of a section kind in the valid blob, or −1.</summary>
        int Section(int kind)
        {
            int i = TestBlobWriter.EntryOf(valid, kind);
            return i < 0 ? -1 : I32(valid, Entry(i) + 4);
        }

        void AddTensors(int kind, int skip)
        {
            int at = Section(kind);
            if (at < 0) return;
            int i = TestBlobWriter.EntryOf(valid, kind), end = at + I32(valid, Entry(i) + 8);
            at += skip;
            while (at < end && tensorCount < tensors.Length)
            {
                tensors[tensorCount++] = at;
                int rows = U16(valid, at), cols = U16(valid, at + 2), bytes = valid[at + 4] / 8;
                int scales = valid[at + 5] == 1 ? cols : 1;
                at += TestBlobWriter.Align4(8 + 4 * scales + rows * cols * bytes);
            }
        }

        int AddStrings(int at, int count)
        {
            for (int i = 0; i < count; i++)
            {
                if (stringCount < strings.Length) strings[stringCount++] = at;
                at += 1 + valid[at];
            }
            return at;
        }

        /// <summary>A mutant of kind (0..Kinds−1); the CRC is recomputed when fixCrc.</summary>
        public byte[] Mutate(TestRandom random, int kind, bool fixCrc)
        {
            byte[] b = (byte[])valid.Clone();
            switch (kind)
            {
                case 0: HeaderField(b, random); break;
                case 1: TableField(b, random); break;
                case 2: TableSwap(b, random); break;
                case 3: Field(b, random, Section(1) + 2 * random.Next(12), 2); break;
                case 4: TensorField(b, random); break;
                case 5: VocabularyTable(b, random); break;
                case 6: StringByte(b, random); break;
                case 7: b[strings[random.Next(stringCount)]] = (byte)Interesting(random, b[0], 1); break;
                case 8: TagHeadField(b, random); break;
                case 9: Field(b, random, Section(10) + 2 * random.Next(6), 2); break;
                case 10: Field(b, random, Section(4) + 4 * random.Next(516), 4); break;
                case 11: b = Truncate(b, random, fixCrc); break;
                case 12: b = Extend(b, random, fixCrc); break;
                case 13: for (int n = 1 + random.Next(8); n > 0; n--) b[random.Next(b.Length)] ^= (byte)(1 + random.Next(255)); break;
                case 14: TensorData(b, random); break;
                case 16: ActionMapField(b, random); break;
                case 17: AnchorField(b, random); break;
                default: SectionLength(b, random); break;
            }
            if (fixCrc) TestBlobWriter.FixCrc(b);
            return b;
        }

        /// <summary>Sets the little-endian field of size bytes at 'at' to a value near a limit.</summary>
        static void Field(byte[] b, TestRandom random, int at, int size)
        {
            if (at < 0 || at + size > b.Length) return;
            int old = size == 1 ? b[at] : size == 2 ? U16(b, at) : I32(b, at);
            int v = Interesting(random, old, size);
            for (int k = 0; k < size; k++) b[at + k] = (byte)(v >> (8 * k));
        }

        static readonly int[] Limits = { 0, 1, 2, 3, 4, 5, 7, 8, 12, 15, 16, 17, 24, 31, 32, 33, 62, 63, 64, 65, 127, 128, 255, 256, 4095, 4096, 4097, 32767, 32768, 65535 };

        static int Interesting(TestRandom random, int old, int size)
        {
            int r = random.Next(10);
            if (r < 3) return Limits[random.Next(Limits.Length)];
            if (r < 5) return old + random.Range(-4, 4);
            if (r == 5) return old * 2;
            if (r == 6) return old / 2;
            if (r == 7) return size == 4 ? random.Range(int.MinValue, int.MaxValue) : random.Next(1 << (8 * size));
            if (r == 8) return -1;
            return old ^ (1 << random.Next(8 * size));
        }

        void HeaderField(byte[] b, TestRandom random)
        {
            int f = random.Next(7);
            if (f == 0) Field(b, random, 4, 2);
            else if (f == 1) Field(b, random, 6, 2);
            else if (f == 2) Field(b, random, 8, 4);
            else if (f == 3) Field(b, random, 16, 2);
            else if (f == 4) Field(b, random, 18, 2);
            else if (f == 5) Field(b, random, 20, 4);
            else b[24 + random.Next(8)] = (byte)(1 + random.Next(255));
        }

        void TableField(byte[] b, TestRandom random)
        {
            int e = Entry(random.Next(sections)), f = random.Next(6);
            if (f == 0) Field(b, random, e, 2);
            else if (f == 1) Field(b, random, e + 2, 2);
            else if (f == 2) Field(b, random, e + 4, 4);
            else if (f == 3) Field(b, random, e + 8, 4);
            else if (f == 4) Field(b, random, e + 12, 2);
            else Field(b, random, e + 14, 2);
        }

        void TableSwap(byte[] b, TestRandom random)
        {
            int x = Entry(random.Next(sections)), y = Entry(random.Next(sections));
            int from = random.Chance(50) ? 0 : 4, count = random.Chance(50) ? 4 : 8;
            for (int k = from; k < from + count; k++)
            {
                byte t = b[x + k];
                b[x + k] = b[y + k];
                if (random.Chance(70)) b[y + k] = t;
            }
        }

        void TensorField(byte[] b, TestRandom random)
        {
            int at = tensors[random.Next(tensorCount)], f = random.Next(6);
            if (f == 0) Field(b, random, at, 2);
            else if (f == 1) Field(b, random, at + 2, 2);
            else if (f == 2) b[at + 4] = (byte)(random.Chance(50) ? (b[at + 4] == 8 ? 16 : 8) : Interesting(random, b[at + 4], 1));
            else if (f == 3) b[at + 5] = (byte)(random.Chance(50) ? 1 - b[at + 5] : Interesting(random, b[at + 5], 1));
            else if (f == 4) Field(b, random, at + 8, 2);
            else Field(b, random, at + 10, 1);
        }

        void VocabularyTable(byte[] b, TestRandom random)
        {
            int at = Section(2), v = U16(b, at), f = random.Next(5);
            if (f == 0) Field(b, random, at, 2);
            else if (f == 1) Field(b, random, at + 4, 4);
            else if (f == 2) Field(b, random, at + 8 + 4 * random.Next(v + 1), 4);
            else if (f == 3) Field(b, random, at + 8 + 4 * (v + 1) + 2 * random.Next(v), 2);
            else
            {
                int sorted = at + 8 + 4 * (v + 1), i = random.Next(v), j = random.Next(v);
                for (int k = 0; k < 2; k++)
                {
                    byte t = b[sorted + 2 * i + k];
                    b[sorted + 2 * i + k] = b[sorted + 2 * j + k];
                    b[sorted + 2 * j + k] = t;
                }
            }
        }

        static readonly int[] Utf8Edges = { 0x00, 0x09, 0x1F, 0x20, 0x2D, 0x41, 0x5F, 0x61, 0x7A, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF };

        void StringByte(byte[] b, TestRandom random)
        {
            int at;
            if (random.Chance(50))
            {
                int vocab = Section(2), v = U16(b, vocab), strings0 = vocab + TestBlobWriter.Align4(8 + 4 * (v + 1) + 2 * v);
                at = strings0 + random.Next(I32(valid, vocab + 4));
            }
            else
            {
                int s = strings[random.Next(stringCount)];
                at = s + 1 + random.Next(valid[s]);
            }
            b[at] = (byte)(random.Chance(70) ? Utf8Edges[random.Next(Utf8Edges.Length)] : random.Next(256));
        }

        void TagHeadField(byte[] b, TestRandom random)
        {
            int at = Section(9);
            if (at < 0) at = Section(1);   // no tag head: hit the config flags instead
            int f = random.Next(3);
            if (f == 0) Field(b, random, at, 2);
            else if (f == 1) Field(b, random, at + 2, 2);
            else b[at + 4 + (at == Section(1) ? 1 : 0)] ^= (byte)(1 << random.Next(8));
        }

        /// <summary>An action map field set near a limit (no map: a config field instead).</summary>
        void ActionMapField(byte[] b, TestRandom random)
        {
            if (mapFieldCount == 0) { Field(b, random, Section(1) + 2 * random.Next(12), 2); return; }
            int f = random.Next(mapFieldCount);
            Field(b, random, mapFields[f], mapSizes[f]);
        }

        /// <summary>
        /// An Anchors field near a limit, a flipped bit (an anchor more or less, a padding bit or byte),
        /// every bit cleared or the &lt;sod&gt; bit set (no anchors: a config field instead).
        /// </summary>
        void AnchorField(byte[] b, TestRandom random)
        {
            if (anchorsAt < 0) { Field(b, random, Section(1) + 2 * random.Next(12), 2); return; }
            int f = random.Next(6), sod = U16(valid, Section(1) + 8);
            if (f == 0) Field(b, random, anchorsAt, 2);
            else if (f == 1) Field(b, random, anchorsAt + 2, 2);
            else if (f == 4) { for (int k = 4; k < anchorsLength; k++) b[anchorsAt + k] = 0; }
            else if (f == 5 && sod != 0xFFFF) b[anchorsAt + 4 + (sod >> 3)] |= (byte)(1 << (sod & 7));
            else b[anchorsAt + 4 + random.Next(anchorsLength - 4)] ^= (byte)(1 << random.Next(8));
        }

        void TensorData(byte[] b, TestRandom random)
        {
            int at = tensors[random.Next(tensorCount)];
            int cols = U16(b, at + 2), scales = b[at + 5] == 1 ? cols : 1, data = at + 8 + 4 * scales;
            int bytes = U16(b, at) * cols * (b[at + 4] / 8);
            if (data + bytes > b.Length || bytes <= 0) return;
            for (int n = 1 + random.Next(16); n > 0; n--) b[data + random.Next(bytes)] = (byte)random.Next(256);
        }

        static byte[] Truncate(byte[] b, TestRandom random, bool fixLength)
        {
            int length = random.Next(b.Length);
            byte[] cut = new byte[length];
            Array.Copy(b, cut, length);
            if (fixLength && length >= 12) TestBlobWriter.Put32(cut, 8, length);
            return cut;
        }

        static byte[] Extend(byte[] b, TestRandom random, bool fixLength)
        {
            int extra = 1 + random.Next(64);
            byte[] longer = new byte[b.Length + extra];
            Array.Copy(b, longer, b.Length);
            for (int i = b.Length; i < longer.Length; i++) longer[i] = (byte)(random.Chance(50) ? 0 : random.Next(256));
            if (fixLength) TestBlobWriter.Put32(longer, 8, longer.Length);
            return longer;
        }

        /// <summary>A section's length (or offset) moved by a little, sometimes with the blob's totalLength.</summary>
        void SectionLength(byte[] b, TestRandom random)
        {
            int e = Entry(random.Next(sections)), delta = random.Range(-8, 8);
            int field = random.Chance(70) ? 8 : 4;
            TestBlobWriter.Put32(b, e + field, I32(b, e + field) + delta);
        }
    }
}
