namespace Saffu.Runtime.Model
{
    /// <summary>
    /// The blueprint of a loaded model: the Config section, plus the dimensions of the tag head and
    /// the Decision section (docs/model-blob.md §1, §9, §10). Checked by the loader; read-only outside the runtime.
    /// </summary>
    public sealed class ModelConfig
    {
        public int VocabSize { get; internal set; }      // V, 2..65535
        public int Bits { get; internal set; }           // b, 1..4096
        public int MaxPopcount { get; internal set; }    // the longest bit list (rank V−1's code unless grown)
        public int GrownFrom { get; internal set; }      // first id with a one-hot grown bit; 0 = not grown
        public bool PrependSod { get; internal set; }
        public bool HasBlock { get; internal set; }
        public bool HasRadial { get; internal set; }
        public bool HasDocument { get; internal set; }
        public bool HasTagHead { get; internal set; }
        public int OovId { get; internal set; }
        public int SodId { get; internal set; }          // 0xFFFF when none
        public int NumId { get; internal set; }          // 0xFFFF when none
        public int LabelDim { get; internal set; }       // b', columns of every U
        public int FactorRank { get; internal set; }     // R of the factored context U (§14); 0 = dense
        public int IntentCount { get; internal set; }    // I
        public int BlockSize { get; internal set; }      // B (0 without block)
        public int RadialSize { get; internal set; }     // r (0 without radial)
        public int MaxWords { get; internal set; }       // positions per utterance, <sod> included

        // Tag head (zero without one).
        public int TagCount { get; internal set; }       // G
        public int TagOffsets { get; internal set; }     // R_T
        public bool TagIncludesIntentParts { get; internal set; }

        // Decision.
        public int NoneIntent { get; internal set; }     // 0xFFFF when none
        public int RejectThreshold { get; internal set; }  // Q15
        public int EarlyThreshold { get; internal set; }   // Q15, 0xFFFF = never
        public int EarlyMinWords { get; internal set; }
        public int Temperature { get; internal set; }      // Q16, informational

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
