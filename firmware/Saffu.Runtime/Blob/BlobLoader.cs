using Saffu.Runtime.Model;

namespace Saffu.Runtime.Blob
{
    /// <summary>
    /// The checks of ModelBlob.Load, in the spec's order: header, CRC, section table, sections,
    /// RAM limit. Each check returns false after recording the first failure.
    /// </summary>
    internal sealed partial class BlobLoader
    {
        readonly byte[] b;
        readonly int given;       // bytes given
        int total;                // header.totalLength
        int tableAt, sectionCount;
        readonly ModelConfig config = new ModelConfig();
        readonly ModelWeights weights = new ModelWeights();
        Vocabulary? vocabulary;
        int intentsFirst, tagsFirst;   // offset of the first name's length byte

        public BlobError Error = BlobError.None;
        public string Message = "";

        public BlobLoader(byte[] bytes)
        {
            b = bytes == null ? new byte[0] : bytes;
            given = b.Length;
        }

        public SaffuModel? Load(int maxRuntimeBytes)
        {
            if (!CheckHeader() || !CheckChecksum() || !CheckSectionTable()) return null;
            if (!ReadConfig() || !CheckPresence()) return null;
            if (!ReadMathTables() || !ReadVocabulary() || !ReadIntents() || !ReadDecision()) return null;
            if (!ReadFactoredTensors() || !ReadContexts() || !ReadIntentHead() || !ReadTagHead() || !ReadIdentity() || !ReadActionMap() || !ReadAnchors()
                || !ReadWordVectors()) return null;
            return Build(maxRuntimeBytes);
        }

        bool Fail(BlobError error, string message)
        {
            Error = error;
            Message = message;
            return false;
        }

        bool CheckHeader()
        {
            if (given < BlobFormat.MinPrefix)
                return Fail(BlobError.Truncated, "blob has " + given + " bytes but its header needs at least " + BlobFormat.MinPrefix);
            if (b[0] != BlobFormat.Magic0 || b[1] != BlobFormat.Magic1 || b[2] != BlobFormat.Magic2 || b[3] != BlobFormat.Magic3)
                return Fail(BlobError.BadMagic, "blob starts with " + Hex(b, 0, 4) + " but a model blob starts with 53 41 46 55 (\"SAFU\")");
            int version = LittleEndian.U16(b, 4);
            if (version == 0 || version > BlobFormat.Version)
                return Fail(BlobError.UnsupportedVersion, "blob is version " + version + " but this runtime reads up to " + BlobFormat.Version);
            if (given < BlobFormat.HeaderSize)
                return Fail(BlobError.Truncated, "blob has " + given + " bytes but its header needs " + BlobFormat.HeaderSize);
            if (!CheckHeaderFields()) return false;
            if (given < total)
                return Fail(BlobError.Truncated, "blob has " + given + " bytes but its header says totalLength " + total);
            if (given > total)
                return Fail(BlobError.BadHeader, "blob has " + given + " bytes but its header says totalLength " + total + " (trailing bytes)");
            return true;
        }

        bool CheckHeaderFields()
        {
            int headerSize = LittleEndian.U16(b, 6);
            long length = LittleEndian.U32(b, 8);
            if (headerSize < BlobFormat.HeaderSize)
                return Fail(BlobError.BadHeader, "headerSize is " + headerSize + " but must be at least " + BlobFormat.HeaderSize);
            if (length < BlobFormat.MinBlobBytes || length > BlobFormat.MaxBlobBytes)
                return Fail(BlobError.BadHeader, "totalLength is " + length + " but must be " + BlobFormat.MinBlobBytes + ".." + BlobFormat.MaxBlobBytes);
            total = (int)length;
            sectionCount = LittleEndian.U16(b, 16);
            if (sectionCount < 1 || sectionCount > BlobFormat.MaxSections)
                return Fail(BlobError.BadHeader, "sectionCount is " + sectionCount + " but must be 1.." + BlobFormat.MaxSections);
            int flags = LittleEndian.U16(b, 18);
            if (flags != 0 || !AllZero(24, 8))
                return Fail(BlobError.BadHeader, "header flags are 0x" + flags.ToString("X4") + " and reserved bytes " + Hex(b, 24, 8) + "; expected all zero");
            long table = LittleEndian.U32(b, 20);
            if (table != headerSize || table % 4 != 0)
                return Fail(BlobError.BadHeader, "sectionTableOffset is " + table + " but must equal headerSize " + headerSize + " and be a multiple of 4");
            tableAt = (int)table;
            long tableEnd = table + (long)sectionCount * BlobFormat.SectionEntrySize;
            if (tableEnd > total)
                return Fail(BlobError.BadHeader, "section table ends at " + tableEnd + " but the blob's totalLength is " + total);
            return true;
        }

        bool CheckChecksum()
        {
            uint stored = (uint)LittleEndian.I32(b, BlobFormat.CrcOffset);
            uint computed = Crc32.OfBlob(b, total);
            if (stored == computed) return true;
            return Fail(BlobError.ChecksumMismatch, "header CRC-32 is 0x" + stored.ToString("X8") + " but the bytes give 0x" + computed.ToString("X8"));
        }

        bool AllZero(int at, int count)
        {
            for (int i = at; i < at + count; i++)
            {
                if (b[i] != 0) return false;
            }
            return true;
        }

        static string Hex(byte[] bytes, int at, int count)
        {
            string text = "";
            for (int i = at; i < at + count && i < bytes.Length; i++)
            {
                if (i > at) text += " ";
                text += bytes[i].ToString("X2");
            }
            return text;
        }
    }
}
