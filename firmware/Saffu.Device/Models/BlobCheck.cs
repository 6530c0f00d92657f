using Saffu.Device.Log;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Device.Models
{
    /// <summary>
    /// The blob checks an upload gets before it may be activated, read from flash through the
    /// RegionWindow's 512 bytes so the running model stays the only one in RAM
    /// (docs/serial-protocol.md, upload end): the loader's checks of the header, the header CRC,
    /// the section table, the config, which sections are present and every dimension (section
    /// lengths, counts against the config, each tensor's shape, bits and scales). What needs the
    /// blob in RAM (UTF-8 of the strings, sorted vocabulary, math table values, action map phrases,
    /// the RAM limit) is left to the full loader at `activate`, which keeps the running model when
    /// it refuses. Messages follow the loader's (docs/model-blob.md, errors).
    /// </summary>
    public sealed partial class BlobCheck
    {
        const int ConfigKind = 1, VocabularyKind = 2, IntentsKind = 3, MathTablesKind = 4, BlockKind = 5, RadialKind = 6,
            DocumentKind = 7, IntentHeadKind = 8, TagHeadKind = 9, DecisionKind = 10, ActionMapKind = 12, AnchorsKind = 16;
        const int MathTablesBytes = 2064;

        RegionWindow w = null!;
        int total, sectionCount, tableEnd;
        readonly int[] kinds = new int[BlobFormat.MaxSections];
        readonly int[] offsets = new int[BlobFormat.MaxSections];
        readonly int[] lengths = new int[BlobFormat.MaxSections];
        readonly int[] flags = new int[BlobFormat.MaxSections];
        // Config.
        int vocab, bits, labelDim, intents, blockSize, radialSize, tagCount, tagOffsets;
        bool hasBlock, hasRadial, hasDocument, hasTagHead, tagIntentParts;
        int start, cur, end;   // the section being checked

        public BlobError Error { get; private set; }
        public string Message { get; private set; } = "";

        /// <summary>Checks the length bytes at the start of the window's region; false with Error and Message on the first problem.</summary>
        public bool Check(RegionWindow window, int length)
        {
            w = window;
            total = length;
            Error = BlobError.None;
            Message = "";
            return CheckHeader() && CheckHeaderCrc() && CheckTable() && CheckConfig() && CheckPresence() && CheckSections();
        }

        bool CheckHeader()
        {
            if (total < BlobFormat.MinPrefix) return Fail(BlobError.Truncated, "blob has " + total + " bytes but its header needs at least " + BlobFormat.MinPrefix);
            if (w.Byte(0) != BlobFormat.Magic0 || w.Byte(1) != BlobFormat.Magic1 || w.Byte(2) != BlobFormat.Magic2 || w.Byte(3) != BlobFormat.Magic3)
                return Fail(BlobError.BadMagic, "blob does not start with 53 41 46 55 (\"SAFU\")");
            int version = w.U16(4);
            if (version == 0 || version > BlobFormat.Version)
                return Fail(BlobError.UnsupportedVersion, "blob is version " + version + " but this runtime reads up to " + BlobFormat.Version);
            if (total < BlobFormat.HeaderSize) return Fail(BlobError.Truncated, "blob has " + total + " bytes but its header needs " + BlobFormat.HeaderSize);
            int headerSize = w.U16(6);
            long stated = w.U32(8);
            if (headerSize < BlobFormat.HeaderSize) return Fail(BlobError.BadHeader, "headerSize is " + headerSize + " but must be at least " + BlobFormat.HeaderSize);
            if (stated < BlobFormat.MinBlobBytes || stated > BlobFormat.MaxBlobBytes)
                return Fail(BlobError.BadHeader, "totalLength is " + stated + " but must be " + BlobFormat.MinBlobBytes + ".." + BlobFormat.MaxBlobBytes);
            if (stated != total) return Fail(stated > total ? BlobError.Truncated : BlobError.BadHeader, "blob has " + total + " bytes but its header says totalLength " + stated);
            sectionCount = w.U16(16);
            if (sectionCount < 1 || sectionCount > BlobFormat.MaxSections)
                return Fail(BlobError.BadHeader, "sectionCount is " + sectionCount + " but must be 1.." + BlobFormat.MaxSections);
            if (w.U16(18) != 0 || w.U32(24) != 0 || w.U32(28) != 0) return Fail(BlobError.BadHeader, "header flags or reserved bytes are not zero");
            long table = w.U32(20);
            if (table != headerSize || table % 4 != 0)
                return Fail(BlobError.BadHeader, "sectionTableOffset is " + table + " but must equal headerSize " + headerSize + " and be a multiple of 4");
            long tableEndLong = table + (long)sectionCount * BlobFormat.SectionEntrySize;
            if (tableEndLong > total) return Fail(BlobError.BadHeader, "section table ends at " + tableEndLong + " but the blob's totalLength is " + total);
            tableEnd = (int)tableEndLong;
            return true;
        }

        bool CheckHeaderCrc()
        {
            uint crc = w.CrcUpdate(Crc32.Initial, 0, BlobFormat.CrcOffset);
            crc = Crc32.UpdateZeros(crc, 4);
            crc = Crc32.Final(w.CrcUpdate(crc, BlobFormat.CrcOffset + 4, total - BlobFormat.CrcOffset - 4));
            uint stored = w.U32(BlobFormat.CrcOffset);
            if (stored == crc) return true;
            return Fail(BlobError.ChecksumMismatch, "header CRC-32 is " + ModelStore.Hex(stored) + " but the bytes give " + ModelStore.Hex(crc));
        }

        bool CheckTable()
        {
            int tableAt = tableEnd - sectionCount * BlobFormat.SectionEntrySize;
            for (int i = 0; i < sectionCount; i++)
            {
                int e = tableAt + i * BlobFormat.SectionEntrySize;
                kinds[i] = w.U16(e);
                flags[i] = w.U16(e + 2);
                long offset = w.U32(e + 4), length = w.U32(e + 8);
                int alignment = w.U16(e + 12);
                if ((flags[i] & ~BlobFormat.SectionRequired) != 0 || w.U16(e + 14) != 0)
                    return Fail(BlobError.BadHeader, "table entry " + i + " has flags " + flags[i] + " or a non-zero reserved field; expected only bit 0 (required) and 0");
                if (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8 && alignment != 16)
                    return Fail(BlobError.SectionOutOfRange, Describe(i) + " has alignment " + alignment + "; expected 1, 2, 4, 8 or 16");
                if (offset < tableEnd) return Fail(BlobError.SectionOutOfRange, Describe(i) + " starts before the end of the section table at " + tableEnd);
                if (offset + length > total) return Fail(BlobError.SectionOutOfRange, Describe(i) + " ends at " + (offset + length) + ", past the end of the blob at " + total);
                if (offset % alignment != 0) return Fail(BlobError.SectionOutOfRange, Describe(i) + " is not a multiple of its alignment " + alignment);
                offsets[i] = (int)offset;
                lengths[i] = (int)length;
            }
            for (int i = 0; i < sectionCount; i++)
            {
                for (int j = i + 1; j < sectionCount; j++)
                {
                    if (kinds[i] == kinds[j]) return Fail(BlobError.DuplicateSection, "section kind " + kinds[i] + " appears at table entries " + i + " and " + j + "; each kind may appear once");
                }
            }
            for (int i = 0; i < sectionCount; i++)
            {
                for (int j = i + 1; j < sectionCount; j++)
                {
                    if (offsets[i] < offsets[j] + lengths[j] && offsets[j] < offsets[i] + lengths[i] && lengths[i] > 0 && lengths[j] > 0)
                        return Fail(BlobError.SectionOverlap, Describe(i) + " and " + Describe(j) + " share bytes; sections must not overlap");
                }
            }
            for (int i = 0; i < sectionCount; i++)
            {
                bool known = (kinds[i] >= ConfigKind && kinds[i] <= ActionMapKind) || kinds[i] == AnchorsKind;
                if (!known && (flags[i] & BlobFormat.SectionRequired) != 0)
                    return Fail(BlobError.UnknownRequiredSection, "section kind " + kinds[i] + " is required but this runtime does not know it");
            }
            return true;
        }

        string Describe(int i) { return "section kind " + kinds[i] + " (table entry " + i + ")"; }

        int Find(int kind)
        {
            for (int i = 0; i < sectionCount; i++) if (kinds[i] == kind) return i;
            return -1;
        }

        bool Fail(BlobError error, string message)
        {
            Error = error;
            Message = message;
            return false;
        }
    }
}
