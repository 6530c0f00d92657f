using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Device.Models
{
    /// <summary>Config, presence and the dimensions of every known section (docs/model-blob.md §1–§16).</summary>
    public sealed partial class BlobCheck
    {
        bool CheckConfig()
        {
            if (!Enter(ConfigKind, "every blob has one")) return false;
            if (end - start != BlobFormat.ConfigBytes) return Fail(BlobError.BadDimensions, "Config section is " + (end - start) + " bytes; expected " + BlobFormat.ConfigBytes);
            vocab = w.U16(start);
            bits = w.U16(start + 2);
            int maxPopcount = w.Byte(start + 4), f = w.Byte(start + 5);
            hasBlock = (f & BlobFormat.FlagBlock) != 0;
            hasRadial = (f & BlobFormat.FlagRadial) != 0;
            hasDocument = (f & BlobFormat.FlagDocument) != 0;
            hasTagHead = (f & BlobFormat.FlagTagHead) != 0;
            int oov = w.U16(start + 6), sod = w.U16(start + 8), num = w.U16(start + 10);
            labelDim = w.U16(start + 12);
            intents = w.U16(start + 14);
            blockSize = w.U16(start + 16);
            radialSize = w.U16(start + 18);
            int maxWords = w.U16(start + 20);
            if ((f & ~63) != 0) return Fail(BlobError.BadDimensions, "Config flags are " + f + "; only bits 0..5 are defined");
            if (!hasBlock && !hasRadial && !hasDocument) return Fail(BlobError.BadDimensions, "Config flags name no context; expected at least one of block, radial, document");
            if (vocab < 2) return Fail(BlobError.BadDimensions, "vocabSize is " + vocab + "; expected 2..65535");
            if (bits < 1 || bits > BlobFormat.MaxBits) return Fail(BlobError.BadDimensions, "bits is " + bits + "; expected 1.." + BlobFormat.MaxBits);
            int grownFrom = w.U16(start + 22);
            if (((f & BlobFormat.FlagGrownCodes) != 0) != (grownFrom != 0))
                return Fail(BlobError.BadDimensions, "Config flag grownCodes and grownFrom " + grownFrom + " disagree; expected the flag set exactly when grownFrom is not 0");
            if (grownFrom != 0 && BitCipher.BaseBits(vocab, bits, grownFrom) == 0)
                return Fail(BlobError.BadDimensions, "grownFrom is " + grownFrom + " with vocabSize " + vocab + " and bits " + bits + "; expected 0, or 1..vocabSize−1 leaving ≥ 1 base bits that hold grownFrom codes");
            int expected = BitCipher.MaxPopcount(vocab, bits, grownFrom);
            if (expected == 0) return Fail(BlobError.BadDimensions, "vocabSize " + vocab + " does not fit in " + bits + " bits (at most 2^b − 1 codes)");
            if (maxPopcount != expected) return Fail(BlobError.BadDimensions, "maxPopcount is " + maxPopcount + " but the longest code has popcount " + expected);
            if (oov >= vocab) return Fail(BlobError.BadDimensions, "oovId is " + oov + "; expected < vocabSize " + vocab);
            if (sod >= vocab && sod != BlobFormat.NoId) return Fail(BlobError.BadDimensions, "sodId is " + sod + "; expected < vocabSize " + vocab + " or 0xFFFF");
            if ((f & BlobFormat.FlagPrependSod) != 0 && sod == BlobFormat.NoId) return Fail(BlobError.BadDimensions, "prependSod is set but sodId is 0xFFFF (none)");
            if (num >= vocab && num != BlobFormat.NoId) return Fail(BlobError.BadDimensions, "numId is " + num + "; expected < vocabSize " + vocab + " or 0xFFFF");
            return InRange(labelDim, 1, BlobFormat.MaxLabelDim, "labelDim") && InRange(intents, 2, BlobFormat.MaxIntents, "intentCount")
                && InRange(maxWords, 1, BlobFormat.MaxWords, "maxWords")
                && InRange(blockSize, hasBlock ? 1 : 0, hasBlock ? BlobFormat.MaxContext : 0, "blockSize")
                && InRange(radialSize, hasRadial ? 1 : 0, hasRadial ? BlobFormat.MaxContext : 0, "radialSize");
        }

        bool CheckPresence()
        {
            return Expect(VocabularyKind, true, "Vocabulary") && Expect(IntentsKind, true, "Intents") && Expect(MathTablesKind, true, "MathTables")
                && Expect(IntentHeadKind, true, "IntentHead") && Expect(DecisionKind, true, "Decision")
                && Expect(BlockKind, hasBlock, "BlockContext") && Expect(RadialKind, hasRadial, "RadialContext")
                && Expect(DocumentKind, hasDocument, "DocumentContext") && Expect(TagHeadKind, hasTagHead, "TagHead");
        }

        bool CheckSections()
        {
            return CheckMathTables() && CheckVocabulary() && CheckIntents() && CheckDecision() && CheckContexts() && CheckIntentHead()
                && CheckTagHead() && CheckActionMapCounts() && CheckAnchors();
        }

        bool CheckVocabulary()
        {
            Enter(VocabularyKind, "");
            if (!Need(8, BlobError.BadDimensions, "Vocabulary header")) return false;
            int count = w.U16(cur);
            long stringBytes = w.U32(cur + 4);
            if (count != vocab) return Fail(BlobError.BadDimensions, "Vocabulary count is " + count + " but config vocabSize is " + vocab);
            cur += 8;
            if (!Need(4L * (vocab + 1) + 2L * vocab, BlobError.BadDimensions, "Vocabulary offsets and sorted table")) return false;
            cur += 4 * (vocab + 1) + 2 * vocab;
            cur = start + Storage.Bytes.Align4(cur - start);
            if (!Need(stringBytes, BlobError.BadDimensions, "Vocabulary strings")) return false;
            cur += (int)stringBytes;
            return ExactEnd(BlobError.BadDimensions, "Vocabulary");
        }

        bool CheckIntents()
        {
            Enter(IntentsKind, "");
            if (!Need(4, BlobError.BadDimensions, "Intents header")) return false;
            int count = w.U16(cur);
            if (count != intents) return Fail(BlobError.BadDimensions, "Intents count is " + count + " but config intentCount is " + intents);
            cur += 4;
            return SkipNames(count, BlobFormat.MaxIntentNameBytes, "intent name") && ExactEnd(BlobError.BadDimensions, "Intents");
        }

        bool CheckMathTables()
        {
            Enter(MathTablesKind, "");
            if (end - start == MathTablesBytes) return true;
            return Fail(BlobError.BadTable, "MathTables section is " + (end - start) + " bytes; expected " + MathTablesBytes);
        }

        bool CheckDecision()
        {
            Enter(DecisionKind, "");
            if (end - start != BlobFormat.DecisionBytes) return Fail(BlobError.BadDimensions, "Decision section is " + (end - start) + " bytes; expected " + BlobFormat.DecisionBytes);
            int none = w.U16(start), reject = w.U16(start + 2), early = w.U16(start + 4), minWords = w.U16(start + 6);
            long temperature = w.U32(start + 8);
            if (none >= intents && none != BlobFormat.NoId) return Fail(BlobError.BadDimensions, "noneIntent is " + none + "; expected < intentCount " + intents + " or 0xFFFF");
            if (early > 32768 && early != BlobFormat.NoEarlyDecision) return Fail(BlobError.BadDimensions, "earlyThreshold is " + early + "; expected 0..32768 or 0xFFFF");
            return InRange(reject, 0, 32768, "rejectThreshold") && InRange(minWords, 1, BlobFormat.MaxWords, "earlyMinWords")
                && InRange(temperature, 1, BlobFormat.MaxTemperature, "temperature");
        }

        bool CheckContexts()
        {
            if (hasBlock && !(Enter(BlockKind, "") && Tensor("BlockContext W", blockSize, blockSize, 15) && Tensor("BlockContext U", bits, labelDim, 0) && ExactEnd(BlobError.BadTensor, "BlockContext"))) return false;
            if (hasRadial && !(Enter(RadialKind, "") && Tensor("RadialContext W", radialSize, radialSize, 15) && Tensor("RadialContext U", bits, labelDim, 0) && ExactEnd(BlobError.BadTensor, "RadialContext"))) return false;
            return !hasDocument || (Enter(DocumentKind, "") && Tensor("DocumentContext U", bits, labelDim, 0) && ExactEnd(BlobError.BadTensor, "DocumentContext"));
        }

        int Parts { get { return (hasBlock ? 1 : 0) + (hasRadial ? 1 : 0) + (hasDocument ? 1 : 0); } }

        bool CheckIntentHead()
        {
            Enter(IntentHeadKind, "");
            return Tensor("IntentHead O", Parts * labelDim, intents, 15) && ExactEnd(BlobError.BadTensor, "IntentHead");
        }

        bool CheckTagHead()
        {
            if (!hasTagHead) return true;
            Enter(TagHeadKind, "");
            if (!Need(8, BlobError.BadDimensions, "TagHead header")) return false;
            tagCount = w.U16(cur);
            tagOffsets = w.U16(cur + 2);
            int f = w.Byte(cur + 4);
            tagIntentParts = (f & 1) != 0;
            if (!InRange(tagCount, BlobFormat.MinTags, BlobFormat.MaxTags, "tagCount") || !InRange(tagOffsets, 1, BlobFormat.MaxTagOffsets, "tag offsets")) return false;
            if (f > 1) return Fail(BlobError.BadDimensions, "TagHead flags are " + f + "; only bit 0 is defined");
            cur += 8;
            if (!SkipNames(tagCount, 2 + BlobFormat.MaxSlotNameBytes, "tag label")) return false;
            for (int j = 0; j < tagOffsets; j++)
            {
                if (!Tensor("TagHead U_T" + j, bits, tagCount, 0)) return false;
            }
            int inputs = tagOffsets * tagCount + (tagIntentParts ? Parts * labelDim : 0);
            return Tensor("TagHead O_tag", inputs, tagCount, 15) && ExactEnd(BlobError.BadTensor, "TagHead");
        }

        /// <summary>The ActionMap header's counts and the intent actions' bytes, of layouts 7 and 8 or of layouts 1..6 (docs/action-map.md).</summary>
        bool CheckActionMapCounts()
        {
            if (Find(ActionMapKind) < 0) return true;
            Enter(ActionMapKind, "");
            if (!Need(2, BlobError.BadActionMap, "ActionMap header")) return false;
            int first = w.U16(cur);
            if ((first & ActionMap.VersionFlag) == 0)
            {
                if (!Need(ActionMap.UnversionedHeaderBytes, BlobError.BadActionMap, "ActionMap header")) return false;
                return MapCounts(first, w.U16(cur + 2), w.U16(cur + 4), w.U16(cur + 6), w.Byte(cur + 8), ActionMap.UnversionedHeaderBytes);
            }
            int version = first & ~ActionMap.VersionFlag;
            if (version < ActionMap.FirstVersionedLayout || version > ActionMap.Version)
                return Fail(BlobError.BadActionMap, "ActionMap is version " + version + " but this runtime reads versions 1.." + ActionMap.Version);
            if (!Need(ActionMap.HeaderBytes, BlobError.BadActionMap, "ActionMap header")) return false;
            int places = w.U16(cur + 10), leads = w.U16(cur + 12), devices = w.U16(cur + 14);
            if (places > ActionMap.MaxPlaces || leads > ActionMap.MaxLeads || devices > ActionMap.MaxDevices)
                return Fail(BlobError.BadActionMap, "ActionMap counts places " + places + ", leads " + leads + ", devices " + devices
                    + "; expected 0.." + ActionMap.MaxPlaces + ", 0.." + ActionMap.MaxLeads + ", 0.." + ActionMap.MaxDevices);
            return MapCounts(w.U16(cur + 2), w.U16(cur + 4), w.U16(cur + 6), w.U16(cur + 8), w.Byte(cur + 16), ActionMap.HeaderBytes);
        }

        /// <summary>The header's light, area, colour and step counts and stepPercent in range, then the intent actions' bytes.</summary>
        bool MapCounts(int lights, int areas, int colors, int steps, int stepPercent, int headerBytes)
        {
            if (lights < 1 || lights > ActionMap.MaxLights || areas < 1 || areas > ActionMap.MaxAreas || colors > ActionMap.MaxColors
                || steps > ActionMap.MaxSteps || stepPercent < 1 || stepPercent > 100)
                return Fail(BlobError.BadActionMap, "ActionMap counts lights " + lights + ", areas " + areas + ", colours " + colors + ", steps " + steps + ", stepPercent " + stepPercent
                    + "; expected 1..64, 1..64, 0..64, 0..255, 1..100");
            return Need(headerBytes + intents, BlobError.BadActionMap, "ActionMap intent actions");
        }

        bool CheckAnchors()
        {
            if (Find(AnchorsKind) < 0) return true;
            Enter(AnchorsKind, "");
            int expected = Storage.Bytes.Align4(4 + (vocab + 7) / 8);
            if (end - start != expected) return Fail(BlobError.BadAnchors, "Anchors section is " + (end - start) + " bytes; expected " + expected + " for vocabSize " + vocab);
            int count = w.U16(start);
            if (count != vocab) return Fail(BlobError.BadAnchors, "Anchors count is " + count + " but config vocabSize is " + vocab);
            return true;
        }

        /// <summary>A tensor record at the cursor: shape, bits, scale mode, every scale's m and e, data and padding (docs/model-blob.md, Tensor record).</summary>
        bool Tensor(string what, int rows, int cols, int qIn)
        {
            if (!Need(BlobFormat.TensorHeaderBytes, BlobError.BadTensor, what + " header")) return false;
            int r = w.U16(cur), c = w.U16(cur + 2), tensorBits = w.Byte(cur + 4), mode = w.Byte(cur + 5);
            if (r != rows || c != cols) return Fail(BlobError.BadTensor, what + " is " + r + "×" + c + "; expected " + rows + "×" + cols);
            if ((tensorBits != 8 && tensorBits != 16) || mode > 1) return Fail(BlobError.BadTensor, what + " has bits " + tensorBits + " and scaleMode " + mode + "; expected 8 or 16, and 0 or 1");
            cur += BlobFormat.TensorHeaderBytes;
            int scales = mode == 1 ? cols : 1;
            if (!Need(4L * scales, BlobError.BadTensor, what + " scales")) return false;
            for (int j = 0; j < scales; j++, cur += 4)
            {
                int m = w.U16(cur), e = w.Byte(cur + 2);
                if (m == 0 || e > BlobFormat.MaxExponent || e + qIn - 16 < 0 || e + qIn - 16 > BlobFormat.MaxExponent)
                    return Fail(BlobError.BadTensor, what + " scale " + j + " is m " + m + ", e " + e + "; expected m 1..65535 and e " + (16 - qIn) + ".." + BlobFormat.MaxExponent);
            }
            long data = (long)rows * cols * (tensorBits / 8);
            if (!Need(data, BlobError.BadTensor, what + " data")) return false;
            cur += (int)data;
            int padded = start + Storage.Bytes.Align4(cur - start);
            if (padded > end) return Fail(BlobError.BadTensor, what + " padding runs past its section");
            cur = padded;
            return true;
        }

        /// <summary>count u8-length strings of 1..maxBytes at the cursor, then the padding to 4.</summary>
        bool SkipNames(int count, int maxBytes, string what)
        {
            for (int i = 0; i < count; i++)
            {
                if (!Need(1, BlobError.BadDimensions, what + " " + i)) return false;
                int n = w.Byte(cur);
                if (n < 1 || n > maxBytes) return Fail(BlobError.BadString, what + " " + i + " has " + n + " bytes; expected 1.." + maxBytes);
                if (!Need(1 + n, BlobError.BadDimensions, what + " " + i)) return false;
                cur += 1 + n;
            }
            cur = start + Storage.Bytes.Align4(cur - start);
            return cur <= end || Fail(BlobError.BadDimensions, what + " padding runs past its section");
        }

        /// <summary>Positions the cursor on kind's section; false (MissingSection) when it is absent and why is given.</summary>
        bool Enter(int kind, string why)
        {
            int i = Find(kind);
            if (i < 0) return Fail(BlobError.MissingSection, "the blob has no section of kind " + kind + " but " + why);
            start = offsets[i];
            cur = start;
            end = start + lengths[i];
            return true;
        }

        bool Expect(int kind, bool wanted, string name)
        {
            bool present = Find(kind) >= 0;
            if (present == wanted) return true;
            return Fail(BlobError.MissingSection, wanted ? "the blob has no " + name + " section (kind " + kind + ") but the config needs it"
                : "the blob has a " + name + " section (kind " + kind + ") but its config flag is clear");
        }

        bool Need(long n, BlobError error, string what)
        {
            if (n <= end - cur) return true;
            return Fail(error, what + " needs " + n + " bytes at section offset " + (cur - start) + " but the section has " + (end - cur) + " left");
        }

        bool ExactEnd(BlobError error, string what)
        {
            if (cur == end) return true;
            return Fail(error, what + " section is " + (end - start) + " bytes but its contents need " + (cur - start));
        }

        bool InRange(long value, long lo, long hi, string what)
        {
            if (value >= lo && value <= hi) return true;
            return Fail(BlobError.BadDimensions, what + " is " + value + "; expected " + lo + ".." + hi);
        }
    }
}
