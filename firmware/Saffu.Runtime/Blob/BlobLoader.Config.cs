using Saffu.Runtime.Model;

namespace Saffu.Runtime.Blob
{
    /// <summary>Config, Decision and which sections must be present (docs/model-blob.md §1, §10).</summary>
    internal sealed partial class BlobLoader
    {
        int start, cur, end;   // the section being read: [start, end), cursor cur

        /// <summary>Positions the cursor on kind's section (present: CheckPresence ran).</summary>
        void Enter(SectionKind kind)
        {
            int i = Find(kind);
            start = (int)OffsetOf(i);
            cur = start;
            end = start + (int)LengthOf(i);
        }

        /// <summary>n more bytes inside the section, else error naming what.</summary>
        bool Need(long n, BlobError error, string what)
        {
            if (n <= end - cur) return true;
            return Fail(error, what + " needs " + n + " bytes at section offset " + (cur - start) + " but the section has " + (end - cur) + " left");
        }

        /// <summary>Skips zero padding to the next multiple of 4 from the section start.</summary>
        bool Pad(BlobError error, string what)
        {
            int pad = (4 - (cur - start) % 4) % 4;
            if (!Need(pad, error, what + " padding")) return false;
            cur += pad;
            return true;
        }

        bool ExactEnd(BlobError error, string what)
        {
            if (cur == end) return true;
            return Fail(error, what + " section is " + (end - start) + " bytes but its contents need " + (cur - start));
        }

        bool ReadConfig()
        {
            if (!Expect(SectionKind.Config, true, "every blob has one")) return false;
            Enter(SectionKind.Config);
            if (end - start != BlobFormat.ConfigBytes)
                return Fail(BlobError.BadDimensions, "Config section is " + (end - start) + " bytes; expected " + BlobFormat.ConfigBytes);
            ModelConfig c = config;
            c.VocabSize = LittleEndian.U16(b, start);
            c.Bits = LittleEndian.U16(b, start + 2);
            c.MaxPopcount = b[start + 4];
            int flags = b[start + 5];
            c.PrependSod = (flags & BlobFormat.FlagPrependSod) != 0;
            c.HasBlock = (flags & BlobFormat.FlagBlock) != 0;
            c.HasRadial = (flags & BlobFormat.FlagRadial) != 0;
            c.HasDocument = (flags & BlobFormat.FlagDocument) != 0;
            c.HasTagHead = (flags & BlobFormat.FlagTagHead) != 0;
            c.OovId = LittleEndian.U16(b, start + 6);
            c.SodId = LittleEndian.U16(b, start + 8);
            c.NumId = LittleEndian.U16(b, start + 10);
            c.LabelDim = LittleEndian.U16(b, start + 12);
            c.IntentCount = LittleEndian.U16(b, start + 14);
            c.BlockSize = LittleEndian.U16(b, start + 16);
            c.RadialSize = LittleEndian.U16(b, start + 18);
            c.MaxWords = LittleEndian.U16(b, start + 20);
            c.GrownFrom = LittleEndian.U16(b, start + 22);
            return CheckCodes(flags) && CheckIds() && CheckSizes();
        }

        bool CheckCodes(int flags)
        {
            ModelConfig c = config;
            if ((flags & ~63) != 0)
                return Fail(BlobError.BadDimensions, "Config flags are 0x" + flags.ToString("X2") + "; only bits 0..5 are defined");
            if (((flags & BlobFormat.FlagGrownCodes) != 0) != (c.GrownFrom != 0))
                return Fail(BlobError.BadDimensions, "Config flag grownCodes is " + ((flags & BlobFormat.FlagGrownCodes) != 0 ? "set" : "clear")
                    + " but grownFrom is " + c.GrownFrom + "; expected the flag set exactly when grownFrom is not 0");
            if (!c.HasBlock && !c.HasRadial && !c.HasDocument)
                return Fail(BlobError.BadDimensions, "Config flags 0x" + flags.ToString("X2") + " name no context; expected at least one of block, radial, document");
            if (c.VocabSize < 2)
                return Fail(BlobError.BadDimensions, "vocabSize is " + c.VocabSize + "; expected 2..65535");
            if (c.Bits < 1 || c.Bits > BlobFormat.MaxBits)
                return Fail(BlobError.BadDimensions, "bits is " + c.Bits + "; expected 1.." + BlobFormat.MaxBits);
            if (c.GrownFrom != 0 && BitCipher.BaseBits(c.VocabSize, c.Bits, c.GrownFrom) == 0)
                return Fail(BlobError.BadDimensions, "grownFrom is " + c.GrownFrom + " with vocabSize " + c.VocabSize + " and bits " + c.Bits
                    + "; expected 0, or 1..vocabSize−1 with the first bits − (vocabSize − grownFrom) ≥ 1 bits holding grownFrom codes");
            int expected = BitCipher.MaxPopcount(c.VocabSize, c.Bits, c.GrownFrom);
            if (expected == 0)
                return Fail(BlobError.BadDimensions, "vocabSize " + c.VocabSize + " does not fit in " + c.Bits + " bits (at most 2^b − 1 codes)");
            if (c.MaxPopcount != expected)
                return Fail(BlobError.BadDimensions, "maxPopcount is " + c.MaxPopcount + " but the longest code has popcount " + expected);
            return true;
        }

        bool CheckIds()
        {
            ModelConfig c = config;
            if (c.OovId >= c.VocabSize)
                return Fail(BlobError.BadDimensions, "oovId is " + c.OovId + "; expected < vocabSize " + c.VocabSize);
            if (c.SodId >= c.VocabSize && c.SodId != BlobFormat.NoId)
                return Fail(BlobError.BadDimensions, "sodId is " + c.SodId + "; expected < vocabSize " + c.VocabSize + " or 0xFFFF");
            if (c.PrependSod && c.SodId == BlobFormat.NoId)
                return Fail(BlobError.BadDimensions, "prependSod is set but sodId is 0xFFFF (none)");
            if (c.NumId >= c.VocabSize && c.NumId != BlobFormat.NoId)
                return Fail(BlobError.BadDimensions, "numId is " + c.NumId + "; expected < vocabSize " + c.VocabSize + " or 0xFFFF");
            return true;
        }

        bool CheckSizes()
        {
            ModelConfig c = config;
            if (!InRange(c.LabelDim, 1, BlobFormat.MaxLabelDim, "labelDim")) return false;
            if (!InRange(c.IntentCount, 2, BlobFormat.MaxIntents, "intentCount")) return false;
            if (!InRange(c.MaxWords, 1, BlobFormat.MaxWords, "maxWords")) return false;
            if (!InRange(c.BlockSize, c.HasBlock ? 1 : 0, c.HasBlock ? BlobFormat.MaxContext : 0, c.HasBlock ? "blockSize" : "blockSize (block flag clear)")) return false;
            return InRange(c.RadialSize, c.HasRadial ? 1 : 0, c.HasRadial ? BlobFormat.MaxContext : 0, c.HasRadial ? "radialSize" : "radialSize (radial flag clear)");
        }

        bool InRange(long value, long lo, long hi, string what)
        {
            if (value >= lo && value <= hi) return true;
            return Fail(BlobError.BadDimensions, what + " is " + value + "; expected " + lo + ".." + hi);
        }

        bool CheckPresence()
        {
            ModelConfig c = config;
            return Expect(SectionKind.Vocabulary, true, "every blob has one")
                && Expect(SectionKind.Intents, true, "every blob has one")
                && Expect(SectionKind.MathTables, true, "every blob has one")
                && Expect(SectionKind.IntentHead, true, "every blob has one")
                && Expect(SectionKind.Decision, true, "every blob has one")
                && Expect(SectionKind.BlockContext, c.HasBlock, c.HasBlock ? "config flag block is set" : "config flag block is clear")
                && Expect(SectionKind.RadialContext, c.HasRadial, c.HasRadial ? "config flag radial is set" : "config flag radial is clear")
                && Expect(SectionKind.DocumentContext, c.HasDocument, c.HasDocument ? "config flag document is set" : "config flag document is clear")
                && Expect(SectionKind.TagHead, c.HasTagHead, c.HasTagHead ? "config flag tagHead is set" : "config flag tagHead is clear");
        }

        bool ReadDecision()
        {
            Enter(SectionKind.Decision);
            if (end - start != BlobFormat.DecisionBytes)
                return Fail(BlobError.BadDimensions, "Decision section is " + (end - start) + " bytes; expected " + BlobFormat.DecisionBytes);
            ModelConfig c = config;
            c.NoneIntent = LittleEndian.U16(b, start);
            c.RejectThreshold = LittleEndian.U16(b, start + 2);
            c.EarlyThreshold = LittleEndian.U16(b, start + 4);
            c.EarlyMinWords = LittleEndian.U16(b, start + 6);
            long temperature = LittleEndian.U32(b, start + 8);
            if (c.NoneIntent >= c.IntentCount && c.NoneIntent != BlobFormat.NoId)
                return Fail(BlobError.BadDimensions, "noneIntent is " + c.NoneIntent + "; expected < intentCount " + c.IntentCount + " or 0xFFFF");
            if (c.EarlyThreshold > 32768 && c.EarlyThreshold != BlobFormat.NoEarlyDecision)
                return Fail(BlobError.BadDimensions, "earlyThreshold is " + c.EarlyThreshold + "; expected 0..32768 or 0xFFFF");
            if (!InRange(c.RejectThreshold, 0, 32768, "rejectThreshold") || !InRange(c.EarlyMinWords, 1, BlobFormat.MaxWords, "earlyMinWords")) return false;
            if (!InRange(temperature, 1, BlobFormat.MaxTemperature, "temperature")) return false;
            c.Temperature = (int)temperature;
            return true;
        }
    }
}
