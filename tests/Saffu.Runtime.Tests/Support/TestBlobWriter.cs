using System;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// Writes spec-conformant v1 blobs (docs/model-blob.md) from integer tensors: the test-only
    /// stand-in for the trainer's exporter. Portable (runs on nanoFramework too). Sections are
    /// written in kind order, each 4-aligned, and the CRC is filled in last.
    /// </summary>
    public static class TestBlobWriter
    {
        public static byte[] Write(TestModelSpec m)
        {
            ByteSink[] sections = new ByteSink[18];
            sections[1] = Config(m);
            sections[2] = Vocabulary(m.Words);
            sections[3] = Names(m.Intents);
            sections[4] = Tables();
            bool dense = m.FactoredTensors == null || m.KeepDenseU;
            if (m.Block) sections[5] = dense ? Tensors(m.BlockW!, m.BlockU!) : Tensors(m.BlockW!);
            if (m.Radial) sections[6] = dense ? Tensors(m.RadialW!, m.RadialU!) : Tensors(m.RadialW!);
            if (m.Document) sections[7] = dense ? Tensors(m.DocumentU!) : new ByteSink();
            sections[8] = Tensors(m.O!);
            if (m.TagHead) sections[9] = TagHead(m);
            sections[10] = Decision(m);
            if (m.WriteIdentity) sections[11] = Identity(m);
            if (m.ActionMap != null)
            {
                sections[12] = new ByteSink();
                sections[12].Bytes(m.ActionMap);
            }
            if (m.FactoredTensors != null)
            {
                sections[14] = new ByteSink();
                sections[14].Bytes(m.FactoredTensors);
            }
            if (m.Anchors != null)
            {
                sections[16] = new ByteSink();
                sections[16].Bytes(m.Anchors);
            }
            if (m.WordVectors != null)
            {
                sections[17] = new ByteSink();
                sections[17].Bytes(m.WordVectors);
            }
            return Assemble(sections);
        }

        /// <summary>Header + table + the non-null sections (index = kind), CRC filled in.</summary>
        public static byte[] Assemble(ByteSink[] sections)
        {
            int count = 0;
            for (int k = 0; k < sections.Length; k++) if (sections[k] != null) count++;
            int at = BlobFormat.HeaderSize + count * BlobFormat.SectionEntrySize;
            ByteSink blob = new ByteSink();
            blob.Bytes(new byte[] { 0x53, 0x41, 0x46, 0x55 });
            blob.U16(BlobFormat.Version);
            blob.U16(BlobFormat.HeaderSize);
            blob.U32(0);   // totalLength, below
            blob.U32(0);   // crc, below
            blob.U16(count);
            blob.U16(0);
            blob.U32(BlobFormat.HeaderSize);
            blob.Zeros(8);
            for (int k = 0; k < sections.Length; k++)
            {
                if (sections[k] == null) continue;
                blob.U16(k);
                blob.U16(k == 11 ? 0 : 1);
                blob.U32(at);
                blob.U32(sections[k].Length);
                blob.U16(4);
                blob.U16(0);
                at += Align4(sections[k].Length);
            }
            for (int k = 0; k < sections.Length; k++)
            {
                if (sections[k] == null) continue;
                blob.Sink(sections[k]);
                blob.Zeros(Align4(sections[k].Length) - sections[k].Length);
            }
            byte[] bytes = blob.ToArray();
            Put32(bytes, 8, bytes.Length);
            FixCrc(bytes);
            return bytes;
        }

        public static int Align4(int n) { return (n + 3) & ~3; }

        /// <summary>Recomputes the header CRC (after a test edits the bytes).</summary>
        public static void FixCrc(byte[] blob)
        {
            if (blob.Length < BlobFormat.CrcOffset + 4) return;
            Put32(blob, BlobFormat.CrcOffset, (int)Crc32.OfBlob(blob, blob.Length));
        }

        public static void Put16(byte[] b, int at, int v) { b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); }

        public static void Put32(byte[] b, int at, int v)
        {
            b[at] = (byte)v; b[at + 1] = (byte)(v >> 8); b[at + 2] = (byte)(v >> 16); b[at + 3] = (byte)(v >> 24);
        }

        /// <summary>Table entry index of a section kind in a written blob, or −1.</summary>
        public static int EntryOf(byte[] blob, int kind)
        {
            int count = blob[16] | (blob[17] << 8);
            for (int i = 0; i < count; i++)
            {
                int e = BlobFormat.HeaderSize + i * BlobFormat.SectionEntrySize;
                if ((blob[e] | (blob[e + 1] << 8)) == kind) return i;
            }
            return -1;
        }

        /// <summary>Offset of a section kind's first byte in a written blob.</summary>
        public static int SectionOffset(byte[] blob, int kind)
        {
            int e = BlobFormat.HeaderSize + EntryOf(blob, kind) * BlobFormat.SectionEntrySize;
            return blob[e + 4] | (blob[e + 5] << 8) | (blob[e + 6] << 16) | (blob[e + 7] << 24);
        }

        static ByteSink Config(TestModelSpec m)
        {
            ByteSink s = new ByteSink();
            s.U16(m.Words.Length);
            s.U16(m.Bits);
            s.U8(BitCipher.MaxPopcount(m.Words.Length, m.Bits));
            s.U8((m.PrependSod ? 1 : 0) | (m.Block ? 2 : 0) | (m.Radial ? 4 : 0) | (m.Document ? 8 : 0) | (m.TagHead ? 16 : 0));
            s.U16(m.OovId);
            s.U16(m.SodId);
            s.U16(m.NumId);
            s.U16(m.LabelDim);
            s.U16(m.Intents.Length);
            s.U16(m.Block ? m.BlockSize : 0);
            s.U16(m.Radial ? m.RadialSize : 0);
            s.U16(m.MaxWords);
            s.U16(0);
            return s;
        }

        static ByteSink Vocabulary(string[] words)
        {
            int v = words.Length;
            byte[][] utf8 = new byte[v][];
            int total = 0;
            for (int i = 0; i < v; i++) { utf8[i] = Encode(words[i]); total += utf8[i].Length; }
            int[] sorted = SortedIds(utf8);
            ByteSink s = new ByteSink();
            s.U16(v);
            s.U16(0);
            s.U32(total);
            int offset = 0;
            for (int i = 0; i < v; i++) { s.U32(offset); offset += utf8[i].Length; }
            s.U32(offset);
            for (int i = 0; i < v; i++) s.U16(sorted[i]);
            s.Pad4();
            for (int i = 0; i < v; i++) s.Bytes(utf8[i]);
            return s;
        }

        /// <summary>Ids ordered by their bytes (unsigned, a prefix first): insertion sort.</summary>
        public static int[] SortedIds(byte[][] words)
        {
            int[] ids = new int[words.Length];
            for (int i = 0; i < ids.Length; i++)
            {
                int j = i;
                while (j > 0 && Runtime.Model.Vocabulary.Compare(words[ids[j - 1]], 0, words[ids[j - 1]].Length, words[i], 0, words[i].Length) > 0)
                {
                    ids[j] = ids[j - 1];
                    j--;
                }
                ids[j] = i;
            }
            return ids;
        }

        public static byte[] Encode(string text)
        {
            byte[] buffer = new byte[text.Length * 3];
            int n = Utf8.Encode(text, buffer);
            byte[] bytes = new byte[n];
            Array.Copy(buffer, bytes, n);
            return bytes;
        }

        static ByteSink Names(string[] names)
        {
            ByteSink s = new ByteSink();
            s.U16(names.Length);
            s.U16(0);
            NameList(s, names);
            s.Pad4();
            return s;
        }

        static void NameList(ByteSink s, string[] names)
        {
            for (int i = 0; i < names.Length; i++)
            {
                byte[] bytes = Encode(names[i]);
                s.U8(bytes.Length);
                s.Bytes(bytes);
            }
        }

        public static ByteSink Tables()
        {
            ByteSink s = new ByteSink();
            s.Bytes(TestTables.SectionBytes());
            return s;
        }

        static ByteSink Tensors(TestTensor a)
        {
            ByteSink s = new ByteSink();
            Tensor(s, a);
            return s;
        }

        static ByteSink Tensors(TestTensor a, TestTensor b)
        {
            ByteSink s = new ByteSink();
            Tensor(s, a);
            Tensor(s, b);
            return s;
        }

        /// <summary>One tensor record (docs/model-blob.md, Tensor record), 4-aligned at both ends.</summary>
        public static void Tensor(ByteSink s, TestTensor t)
        {
            s.U16(t.Rows);
            s.U16(t.Cols);
            s.U8(t.Bits);
            s.U8(t.PerColumn ? 1 : 0);
            s.U16(0);
            for (int j = 0; j < t.M.Length; j++) { s.U16(t.M[j]); s.U8(t.E[j]); s.U8(0); }
            for (int i = 0; i < t.Q.Length; i++)
            {
                if (t.Bits == 8) s.U8(t.Q[i] & 0xFF);
                else s.U16(t.Q[i] & 0xFFFF);
            }
            s.Pad4();
        }

        static ByteSink TagHead(TestModelSpec m)
        {
            ByteSink s = new ByteSink();
            s.U16(m.TagLabels.Length);
            s.U16(m.TagU.Length);
            s.U8(m.TagIncludesIntentParts ? 1 : 0);
            s.Zeros(3);
            NameList(s, m.TagLabels);
            s.Pad4();
            for (int j = 0; j < m.TagU.Length; j++) Tensor(s, m.TagU[j]);
            Tensor(s, m.TagO!);
            return s;
        }

        static ByteSink Decision(TestModelSpec m)
        {
            ByteSink s = new ByteSink();
            s.U16(m.NoneIntent);
            s.U16(m.RejectThreshold);
            s.U16(m.EarlyThreshold);
            s.U16(m.EarlyMinWords);
            s.U32(m.Temperature);
            return s;
        }

        static ByteSink Identity(TestModelSpec m)
        {
            ByteSink s = new ByteSink();
            for (int i = 0; i < 32; i++) s.U8(i);        // contentHash (not checked on the device)
            s.Zeros(32);                                  // parentHash: none
            for (int i = 0; i < 32; i++) s.U8(255 - i);  // dataHash
            s.U32(0);                                     // createdUnixSeconds = 0
            s.U32(0);
            byte[] trainer = Encode(m.Trainer);
            s.U8(trainer.Length);
            s.Bytes(trainer);
            s.Pad4();
            return s;
        }
    }
}
