namespace Saffu.Runtime.Blob
{
    /// <summary>
    /// The Anchors section (docs/model-blob.md §16): a bit per word id, checked once here so the
    /// session reads the bits in place, blind. Optional: a blob without it decides without anchors.
    /// </summary>
    internal sealed partial class BlobLoader
    {
        int anchorsAt = -1;   // blob offset of the anchor bits, −1 without the section

        bool ReadAnchors()
        {
            if (Find(SectionKind.Anchors) < 0) return true;
            Enter(SectionKind.Anchors);
            if (!Need(4, BlobError.BadAnchors, "Anchors header")) return false;
            int v = config.VocabSize, count = LittleEndian.U16(b, cur), reserved = LittleEndian.U16(b, cur + 2);
            if (count != v)
                return Fail(BlobError.BadAnchors, "Anchors count is " + count + "; expected vocabSize " + v);
            if (reserved != 0)
                return Fail(BlobError.BadAnchors, "Anchors reserved field is " + reserved + "; expected 0");
            int bytes = (v + 7) / 8, length = (4 + bytes + 3) & ~3;
            if (end - start != length)
                return Fail(BlobError.BadAnchors, "Anchors section is " + (end - start) + " bytes; expected " + length + " (4 + ceil(" + v + " / 8) padded to 4)");
            int bits = start + 4;
            return CheckAnchorPadding(bits, bytes, v) && CheckAnchorMarks(bits, bytes);
        }

        /// <summary>The bits past id V − 1 in the last byte and the padding bytes are zero.</summary>
        bool CheckAnchorPadding(int bits, int bytes, int v)
        {
            int last = b[bits + bytes - 1];
            if (v % 8 != 0 && (last >> (v % 8)) != 0)
                return Fail(BlobError.BadAnchors, "Anchors byte " + (bytes - 1) + " is 0x" + last.ToString("X2") + ", marking ids past " + (v - 1) + "; expected bits " + (v % 8) + "..7 to be 0");
            for (int at = bits + bytes; at < end; at++)
            {
                if (b[at] != 0)
                    return Fail(BlobError.BadAnchors, "Anchors padding byte at section offset " + (at - start) + " is 0x" + b[at].ToString("X2") + "; expected 0");
            }
            return true;
        }

        /// <summary>At least one word is marked, and not the &lt;sod&gt; id.</summary>
        bool CheckAnchorMarks(int bits, int bytes)
        {
            bool any = false;
            for (int k = 0; k < bytes && !any; k++) any = b[bits + k] != 0;
            if (!any)
                return Fail(BlobError.BadAnchors, "Anchors section marks no word; expected at least one anchor (a model without anchors has no Anchors section)");
            int sod = config.SodId;
            if (sod != BlobFormat.NoId && (b[bits + (sod >> 3)] & (1 << (sod & 7))) != 0)
                return Fail(BlobError.BadAnchors, "Anchors section marks the <sod> id " + sod + "; expected <sod> unmarked (its position never counts)");
            anchorsAt = bits;
            return true;
        }
    }
}
