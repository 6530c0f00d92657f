using Saffu.Runtime.Text;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// Every buffer a session uses, allocated once (llama2.c's RunState). Shapes in brackets;
    /// W = CodeWindow = max(B, r, 1), k = MaxPopcount, L = b', M = maxWords, G = tags, S = slots.
    /// </summary>
    public sealed class RunState
    {
        // Codes of the last W positions, ring slot (p − 1) mod W.
        public readonly short[] CodeBits;   // [W × k] sorted bit lists
        public readonly int[] CodeCount;    // [W] popcount of each
        // Cached projections P = x_w · U (Q16).
        public readonly int[] BlockP;       // [B × L] row = index in the current block
        public readonly int[] RadialP;      // [r × L] ring slot (p − 1) mod r
        public readonly int[] DocumentG;    // [L] g_D = Σ_p P_UD[w_p]
        public readonly int[] TagQ;         // [R_T × R_T × G] ring slot (p − 1) mod R_T: q_j(w_p), j = 0..R_T−1 (Q15)
        // Scratch of one step.
        public readonly int[] Compare;      // [W] c (Q15)
        public readonly int[] AttendRow;    // [W] cache row of attention index i
        public readonly int[] Z;            // [W] z (Q16)
        public readonly int[] Attention;    // [W] a (Q15)
        public readonly int[] G;            // [max(L, G)] g or P (Q16)
        public readonly int[] H;            // [parts × L] s_B; s_R; s_D (Q15)
        public readonly int[] Logits;       // [I] (Q16)
        public readonly int[] Intent;       // [I] y (Q15)
        public readonly int[] TagIn;        // [TagInputs] h_tag (Q15)
        public readonly int[] TagScores;    // [G] (Q16)
        public readonly int[] Factor;       // [R] t = x_w·A of a factored U (docs/model-blob.md §14); empty when dense
        // Per position of the utterance (index t − 1).
        public readonly int[] WordIds;      // [M]
        public readonly int[] Numbers;      // [M] number value, −1 for words
        public readonly byte[] Tags;        // [M] tag argmax (G ≤ 64)
        // Slots: first span of each.
        public readonly int[] SlotStart;    // [S] position, −1 = none
        public readonly int[] SlotEnd;      // [S]
        /// <summary>Tokens of a line (capacity M − 1 with &lt;sod&gt;, else M).</summary>
        public readonly TokenBuffer Tokens;

        public RunState(ModelConfig c, int slotCount)
        {
            int w = Window(c), l = c.LabelDim, m = c.MaxWords, g = c.TagCount, rt = c.TagOffsets;
            CodeBits = new short[w * c.MaxPopcount];
            CodeCount = new int[w];
            BlockP = new int[c.BlockSize * l];
            RadialP = new int[c.RadialSize * l];
            DocumentG = new int[c.HasDocument ? l : 0];
            TagQ = new int[rt * rt * g];
            Compare = new int[w];
            AttendRow = new int[w];
            Z = new int[w];
            Attention = new int[w];
            G = new int[l > g ? l : g];
            H = new int[c.Parts * l];
            Logits = new int[c.IntentCount];
            Intent = new int[c.IntentCount];
            TagIn = new int[c.HasTagHead ? c.TagInputs : 0];
            TagScores = new int[g];
            Factor = new int[c.FactorRank];
            WordIds = new int[m];
            Numbers = new int[m];
            Tags = new byte[m];
            SlotStart = new int[slotCount];
            SlotEnd = new int[slotCount];
            Tokens = new TokenBuffer(TokenCapacity(c));
        }

        public static int Window(ModelConfig c)
        {
            int w = c.CodeWindow;
            return w < 1 ? 1 : w;
        }

        public static int TokenCapacity(ModelConfig c)
        {
            return c.PrependSod ? c.MaxWords - 1 : c.MaxWords;
        }

        /// <summary>What the constructor will allocate, computed before allocating (bytes).</summary>
        public static long RamBytesFor(ModelConfig c, int slotCount)
        {
            long w = Window(c), l = c.LabelDim, m = c.MaxWords, g = c.TagCount, rt = c.TagOffsets;
            long ints = w + c.BlockSize * l + c.RadialSize * l + (c.HasDocument ? l : 0) + rt * rt * g
                + 4 * w + (l > g ? l : g) + c.Parts * l + 2L * c.IntentCount
                + (c.HasTagHead ? c.TagInputs : 0) + g + c.FactorRank + 2 * m + 2L * slotCount;
            long tokens = TokenCapacity(c);
            return 4 * ints + 2 * w * c.MaxPopcount + m
                + tokens * (TokenBuffer.MaxTokenBytes + 8) + TokenBuffer.MaxTokenBytes;
        }

        /// <summary>Element count × element size of every array above, as allocated.</summary>
        public long RamBytes
        {
            get
            {
                long ints = CodeCount.Length + BlockP.Length + RadialP.Length + DocumentG.Length + TagQ.Length
                    + Compare.Length + AttendRow.Length + Z.Length + Attention.Length + G.Length + H.Length
                    + Logits.Length + Intent.Length + TagIn.Length + TagScores.Length + Factor.Length + WordIds.Length
                    + Numbers.Length + SlotStart.Length + SlotEnd.Length
                    + Tokens.Length.Length + Tokens.Values.Length;
                return 4 * ints + 2L * CodeBits.Length + Tags.Length + Tokens.Bytes.Length + Tokens.Scratch.Length;
            }
        }
    }
}
