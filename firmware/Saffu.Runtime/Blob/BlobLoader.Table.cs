namespace Saffu.Runtime.Blob
{
    /// <summary>The section table: read in place, no copies (docs/model-blob.md, Section table entry).</summary>
    internal sealed partial class BlobLoader
    {
        const int LastContiguousKind = (int)SectionKind.ActionMap;   // kinds 1..12, 14, 16, 17 are known; 13 and 15 are not

        static bool IsKnown(int kind)
        {
            return (kind >= 1 && kind <= LastContiguousKind) || kind == (int)SectionKind.Anchors || kind == (int)SectionKind.WordVectors
                || kind == (int)SectionKind.FactoredTensors;
        }

        int EntryAt(int i) { return tableAt + i * BlobFormat.SectionEntrySize; }
        int KindOf(int i) { return LittleEndian.U16(b, EntryAt(i)); }
        int FlagsOf(int i) { return LittleEndian.U16(b, EntryAt(i) + 2); }
        long OffsetOf(int i) { return LittleEndian.U32(b, EntryAt(i) + 4); }
        long LengthOf(int i) { return LittleEndian.U32(b, EntryAt(i) + 8); }
        int AlignmentOf(int i) { return LittleEndian.U16(b, EntryAt(i) + 12); }

        bool CheckSectionTable()
        {
            for (int i = 0; i < sectionCount; i++)
            {
                if (!CheckEntry(i)) return false;
            }
            for (int i = 0; i < sectionCount; i++)
            {
                for (int j = i + 1; j < sectionCount; j++)
                {
                    if (KindOf(i) == KindOf(j))
                        return Fail(BlobError.DuplicateSection, "section kind " + KindOf(i) + " appears at table entries " + i + " and " + j + "; each kind may appear once");
                }
            }
            for (int i = 0; i < sectionCount; i++)
            {
                for (int j = i + 1; j < sectionCount; j++)
                {
                    if (Overlap(i, j))
                        return Fail(BlobError.SectionOverlap, Describe(i) + " and " + Describe(j) + " share bytes; sections must not overlap");
                }
            }
            return CheckRequiredKinds();
        }

        bool CheckEntry(int i)
        {
            int flags = FlagsOf(i), reserved = LittleEndian.U16(b, EntryAt(i) + 14), alignment = AlignmentOf(i);
            if ((flags & ~BlobFormat.SectionRequired) != 0 || reserved != 0)
                return Fail(BlobError.BadHeader, "table entry " + i + " has flags 0x" + flags.ToString("X4") + " and reserved " + reserved + "; expected only bit 0 (required) and 0");
            if (alignment != 1 && alignment != 2 && alignment != 4 && alignment != 8 && alignment != 16)
                return Fail(BlobError.SectionOutOfRange, Describe(i) + " has alignment " + alignment + "; expected 1, 2, 4, 8 or 16");
            long tableEnd = tableAt + (long)sectionCount * BlobFormat.SectionEntrySize;
            if (OffsetOf(i) < tableEnd)
                return Fail(BlobError.SectionOutOfRange, Describe(i) + " starts before the end of the section table at " + tableEnd);
            if (OffsetOf(i) + LengthOf(i) > total)
                return Fail(BlobError.SectionOutOfRange, Describe(i) + " ends at " + (OffsetOf(i) + LengthOf(i)) + ", past the end of the blob at " + total);
            if (OffsetOf(i) % alignment != 0)
                return Fail(BlobError.SectionOutOfRange, Describe(i) + " is not a multiple of its alignment " + alignment);
            return true;
        }

        bool Overlap(int i, int j)
        {
            return OffsetOf(i) < OffsetOf(j) + LengthOf(j) && OffsetOf(j) < OffsetOf(i) + LengthOf(i);
        }

        bool CheckRequiredKinds()
        {
            for (int i = 0; i < sectionCount; i++)
            {
                int kind = KindOf(i);
                if (!IsKnown(kind) && (FlagsOf(i) & BlobFormat.SectionRequired) != 0)
                    return Fail(BlobError.UnknownRequiredSection, "section kind " + kind + " is required but this runtime does not know it (it reads kinds 1.." + LastContiguousKind + ", 14, 16 and 17)");
            }
            return true;
        }

        string Describe(int i)
        {
            return "section " + i + " (kind " + KindOf(i) + ", bytes " + OffsetOf(i) + ".." + (OffsetOf(i) + LengthOf(i)) + ")";
        }

        /// <summary>Entry index of kind, or −1.</summary>
        int Find(SectionKind kind)
        {
            for (int i = 0; i < sectionCount; i++)
            {
                if (KindOf(i) == (int)kind) return i;
            }
            return -1;
        }

        /// <summary>Present iff wanted; MissingSection otherwise.</summary>
        bool Expect(SectionKind kind, bool wanted, string why)
        {
            bool present = Find(kind) >= 0;
            if (present == wanted) return true;
            if (wanted) return Fail(BlobError.MissingSection, "the blob has no " + Name(kind) + " section (kind " + (int)kind + ") but " + why);
            return Fail(BlobError.MissingSection, "the blob has a " + Name(kind) + " section (kind " + (int)kind + ") but " + why);
        }

        static string Name(SectionKind kind)
        {
            switch (kind)
            {
                case SectionKind.Config: return "Config";
                case SectionKind.Vocabulary: return "Vocabulary";
                case SectionKind.Intents: return "Intents";
                case SectionKind.MathTables: return "MathTables";
                case SectionKind.BlockContext: return "BlockContext";
                case SectionKind.RadialContext: return "RadialContext";
                case SectionKind.DocumentContext: return "DocumentContext";
                case SectionKind.IntentHead: return "IntentHead";
                case SectionKind.TagHead: return "TagHead";
                case SectionKind.Decision: return "Decision";
                case SectionKind.ActionMap: return "ActionMap";
                case SectionKind.Anchors: return "Anchors";
                case SectionKind.FactoredTensors: return "FactoredTensors";
                default: return "Identity";
            }
        }
    }
}
