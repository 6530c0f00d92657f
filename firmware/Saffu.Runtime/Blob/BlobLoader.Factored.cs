using Saffu.Runtime.Model;

namespace Saffu.Runtime.Blob
{
    /// <summary>
    /// The FactoredTensors section (docs/model-blob.md §14): every context U as A (b × R) · B (R × b′), checked once here.
    /// Read before the context sections, which then hold W only (block, radial) or nothing (document).
    /// </summary>
    internal sealed partial class BlobLoader
    {
        const int FactoredHeaderBytes = 4;

        bool ReadFactoredTensors()
        {
            if (Find(SectionKind.FactoredTensors) < 0) return true;
            Enter(SectionKind.FactoredTensors);
            if (!Need(FactoredHeaderBytes, BlobError.BadFactoredTensors, "FactoredTensors header")) return false;
            ModelConfig c = config;
            int rank = b[start], parts = b[start + 1], reserved = LittleEndian.U16(b, start + 2);
            if (rank < 1 || rank >= c.LabelDim)
                return Fail(BlobError.BadFactoredTensors, "FactoredTensors rank is " + rank + "; expected 1.." + (c.LabelDim - 1) + " (below labelDim " + c.LabelDim + ")");
            if (parts != c.Parts)
                return Fail(BlobError.BadFactoredTensors, "FactoredTensors holds " + parts + " factored U; expected " + c.Parts + ", one per context");
            if (reserved != 0)
                return Fail(BlobError.BadFactoredTensors, "FactoredTensors reserved field is " + reserved + "; expected 0");
            if (Find(SectionKind.WordVectors) >= 0)
                return Fail(BlobError.BadFactoredTensors, "the blob has both FactoredTensors and WordVectors; a factored U is read with bit-cipher codes only");
            cur += FactoredHeaderBytes;
            c.FactorRank = rank;
            if (c.HasBlock && (weights.BlockF = ReadFactor("block")) == null) return false;
            if (c.HasRadial && (weights.RadialF = ReadFactor("radial")) == null) return false;
            if (c.HasDocument && (weights.DocumentF = ReadFactor("document")) == null) return false;
            return ExactEnd(BlobError.BadFactoredTensors, "FactoredTensors");
        }

        /// <summary>A and B of one context: the shapes (BadTensor), one scale for B and every column's step-1 shift in 0..62.</summary>
        FactoredU? ReadFactor(string context)
        {
            ModelConfig c = config;
            Tensor? a = ReadTensor("FactoredTensors " + context + " A", c.Bits, c.FactorRank, 16);
            if (a == null) return null;
            Tensor? f = ReadTensor("FactoredTensors " + context + " B", c.FactorRank, c.LabelDim, 16);
            if (f == null) return null;
            if (f.PerColumn)
                return NullFactor(Fail(BlobError.BadFactoredTensors, "FactoredTensors " + context + " B has scaleMode 1; expected 0 (one scale)"));
            for (int r = 0; r < c.FactorRank; r++)
            {
                int shift = FactoredU.ShiftOf(a, f, r);
                if (shift < 0 || shift > BlobFormat.MaxExponent)
                    return NullFactor(Fail(BlobError.BadFactoredTensors, "FactoredTensors " + context + " column " + r + " shift e_A + e_B − 16 − F is " + shift
                        + " (e_A " + a.Exponent(r) + ", e_B " + f.Exponent(0) + ", F " + (f.Bits - 1) + "); expected 0.." + BlobFormat.MaxExponent));
            }
            return new FactoredU(a, f);
        }

        static FactoredU? NullFactor(bool failed)
        {
            return null;
        }
    }
}
