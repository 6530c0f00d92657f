namespace Saffu.Runtime.Model
{
    /// <summary>
    /// The blueprint of a loaded model: the Config section, plus the dimensions of the tag head and
    /// the Decision section (docs/model-blob.md §1, §9, §10). Checked by the loader; read-only after.
    /// </summary>
    public sealed class ModelConfig
    {
        public int VocabSize;      // V, 2..65535
        public int Bits;           // b, 1..4096
        public int MaxPopcount;    // bits of rank V−1's code: the longest bit list
        public bool PrependSod;
        public bool HasBlock, HasRadial, HasDocument, HasTagHead;
        public int OovId;
        public int SodId;          // 0xFFFF when none
        public int NumId;          // 0xFFFF when none
        public int LabelDim;       // b', columns of every U
        public int IntentCount;    // I
        public int BlockSize;      // B (0 without block)
        public int RadialSize;     // r (0 without radial)
        public int MaxWords;       // positions per utterance, <sod> included

        // Tag head (zero without one).
        public int TagCount;       // G
        public int TagOffsets;     // R_T
        public bool TagIncludesIntentParts;

        // Decision.
        public int NoneIntent;     // 0xFFFF when none
        public int RejectThreshold;  // Q15
        public int EarlyThreshold;   // Q15, 0xFFFF = never
        public int EarlyMinWords;
        public int Temperature;      // Q16, informational

        /// <summary>Contexts present (block, radial, document): the parts of h.</summary>
        public int Parts
        {
            get { return (HasBlock ? 1 : 0) + (HasRadial ? 1 : 0) + (HasDocument ? 1 : 0); }
        }

        /// <summary>Positions whose bit lists the session keeps: max(B, r).</summary>
        public int CodeWindow
        {
            get { return BlockSize > RadialSize ? BlockSize : RadialSize; }
        }

        /// <summary>Rows of O_tag: R_T·G + (flag ? parts·b' : 0).</summary>
        public int TagInputs
        {
            get { return TagOffsets * TagCount + (TagIncludesIntentParts ? Parts * LabelDim : 0); }
        }
    }
}
