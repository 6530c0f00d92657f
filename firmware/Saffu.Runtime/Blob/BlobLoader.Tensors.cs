using Saffu.Runtime.Actions;
using Saffu.Runtime.Model;

namespace Saffu.Runtime.Blob
{
    /// <summary>Tensor records, the context and head sections, and the RAM check (docs/model-blob.md §5–§9).</summary>
    internal sealed partial class BlobLoader
    {
        /// <summary>
        /// A tensor record at the cursor with the shape the section gives, whose every column
        /// shift e + qIn − 16 lies in 0..62 (qIn: Q format of the input the runtime multiplies by).
        /// </summary>
        Tensor? ReadTensor(string what, int rows, int cols, int qIn)
        {
            if (!Need(BlobFormat.TensorHeaderBytes, BlobError.BadTensor, what + " header")) return null;
            int r = LittleEndian.U16(b, cur), c = LittleEndian.U16(b, cur + 2), bits = b[cur + 4], mode = b[cur + 5];
            if (r != rows || c != cols)
                return Null(Fail(BlobError.BadTensor, what + " is " + r + "×" + c + "; expected " + rows + "×" + cols));
            if ((bits != 8 && bits != 16) || mode > 1)
                return Null(Fail(BlobError.BadTensor, what + " has bits " + bits + " and scaleMode " + mode + "; expected 8 or 16, and 0 or 1"));
            cur += BlobFormat.TensorHeaderBytes;
            int scales = mode == 1 ? cols : 1, scaleAt = cur;
            if (!Need(4L * scales, BlobError.BadTensor, what + " scales")) return null;
            for (int j = 0; j < scales; j++)
            {
                int m = LittleEndian.U16(b, cur), e = b[cur + 2];
                if (m == 0 || e > BlobFormat.MaxExponent || e + qIn - 16 < 0 || e + qIn - 16 > BlobFormat.MaxExponent)
                    return Null(Fail(BlobError.BadTensor, what + " scale " + j + " is m " + m + ", e " + e + "; expected m 1..65535 and e "
                        + (16 - qIn) + ".." + BlobFormat.MaxExponent + " (the runtime shifts by e + " + qIn + " − 16)"));
                cur += 4;
            }
            int dataAt = cur;
            if (!Need((long)rows * cols * (bits / 8), BlobError.BadTensor, what + " data")) return null;
            cur += rows * cols * (bits / 8);
            if (!Pad(BlobError.BadTensor, what)) return null;
            return new Tensor(b, rows, cols, bits, mode == 1, scaleAt, dataAt);
        }

        static Tensor? Null(bool failed)
        {
            return null;
        }

        bool ReadContexts()
        {
            ModelConfig c = config;
            if (c.HasBlock)
            {
                Enter(SectionKind.BlockContext);
                weights.BlockW = ReadTensor("BlockContext W", c.BlockSize, c.BlockSize, 15);
                if (weights.BlockW == null) return false;
                if (c.FactorRank == 0 && (weights.BlockU = ReadTensor("BlockContext U", c.Bits, c.LabelDim, 0)) == null) return false;
                if (!ExactEnd(BlobError.BadTensor, "BlockContext")) return false;
            }
            if (c.HasRadial)
            {
                Enter(SectionKind.RadialContext);
                weights.RadialW = ReadTensor("RadialContext W", c.RadialSize, c.RadialSize, 15);
                if (weights.RadialW == null) return false;
                if (c.FactorRank == 0 && (weights.RadialU = ReadTensor("RadialContext U", c.Bits, c.LabelDim, 0)) == null) return false;
                if (!ExactEnd(BlobError.BadTensor, "RadialContext")) return false;
            }
            if (c.HasDocument)
            {
                Enter(SectionKind.DocumentContext);
                if (c.FactorRank == 0 && (weights.DocumentU = ReadTensor("DocumentContext U", c.Bits, c.LabelDim, 0)) == null) return false;
                if (!ExactEnd(BlobError.BadTensor, "DocumentContext")) return false;
            }
            return true;
        }

        bool ReadIntentHead()
        {
            Enter(SectionKind.IntentHead);
            weights.O = ReadTensor("IntentHead O", config.Parts * config.LabelDim, config.IntentCount, 15);
            return weights.O != null && ExactEnd(BlobError.BadTensor, "IntentHead");
        }

        bool ReadTagHead()
        {
            if (!config.HasTagHead) return true;
            Enter(SectionKind.TagHead);
            if (!Need(8, BlobError.BadDimensions, "TagHead header")) return false;
            ModelConfig c = config;
            c.TagCount = LittleEndian.U16(b, cur);
            c.TagOffsets = LittleEndian.U16(b, cur + 2);
            int flags = b[cur + 4];
            c.TagIncludesIntentParts = (flags & 1) != 0;
            if (!InRange(c.TagCount, BlobFormat.MinTags, BlobFormat.MaxTags, "tagCount")) return false;
            if (!InRange(c.TagOffsets, 1, BlobFormat.MaxTagOffsets, "tag offsets")) return false;
            if (flags > 1) return Fail(BlobError.BadDimensions, "TagHead flags are 0x" + flags.ToString("X2") + "; only bit 0 is defined");
            cur += 8;
            tagsFirst = cur;
            if (!ReadNames(c.TagCount, 1, 2 + BlobFormat.MaxSlotNameBytes, "tag label")) return false;
            if (!CheckTagLabels() || !CheckUnique(tagsFirst, c.TagCount, "tag label") || !Pad(BlobError.BadDimensions, "TagHead labels")) return false;
            weights.TagU = new Tensor[c.TagOffsets];
            for (int j = 0; j < c.TagOffsets; j++)
            {
                Tensor? u = ReadTensor("TagHead U_T" + j, c.Bits, c.TagCount, 0);
                if (u == null) return false;
                weights.TagU[j] = u;
            }
            weights.TagO = ReadTensor("TagHead O_tag", c.TagInputs, c.TagCount, 15);
            return weights.TagO != null && ExactEnd(BlobError.BadTensor, "TagHead");
        }

        /// <summary>Each label is `O`, `B-x` or `I-x`, x of lower-case ASCII letters and `_`.</summary>
        bool CheckTagLabels()
        {
            int at = tagsFirst;
            for (int i = 0; i < config.TagCount; i++, at += 1 + b[at])
            {
                int length = b[at];
                bool ok = length == 1 ? b[at + 1] == 'O' : length >= 3 && (b[at + 1] == 'B' || b[at + 1] == 'I') && b[at + 2] == '-';
                for (int k = 3; ok && k <= length; k++) ok = (b[at + k] >= 'a' && b[at + k] <= 'z') || b[at + k] == '_';
                if (!ok)
                    return Fail(BlobError.BadString, "tag label " + i + " is \"" + Text.Utf8.Decode(b, at + 1, length) + "\"; expected O, B-<slot> or I-<slot> (slot: a-z and _, 1..24 bytes)");
            }
            return true;
        }

        SaffuModel? Build(int maxRuntimeBytes)
        {
            Labels intents = new Labels(b, NameStarts(intentsFirst, config.IntentCount));
            Labels tags = new Labels(b, config.HasTagHead ? NameStarts(tagsFirst, config.TagCount) : new int[0]);
            TagSlots slots = new TagSlots(tags);
            long ram = RunState.RamBytesFor(config, slots.Count) + intents.RamBytes + tags.RamBytes + slots.RamBytes
                + (actionMap == null ? 0 : actionMap.RamBytes) + ActionPlanner.RamBytesFor(actionMap == null ? 0 : actionMap.LightCount, actionMap == null ? 0 : actionMap.AreaCount);
            if (ram > maxRuntimeBytes)
            {
                Fail(BlobError.TooLarge, "the model needs " + ram + " bytes of runtime RAM beyond the blob but the limit is " + maxRuntimeBytes);
                return null;
            }
            return new SaffuModel(b, config, weights, vocabulary!, intents, tags, slots, actionMap, anchorsAt, vectors);
        }
    }
}
