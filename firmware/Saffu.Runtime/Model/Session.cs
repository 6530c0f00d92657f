using Saffu.Runtime.Arithmetic;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// Streaming inference, one word at a time (docs/saffu-model.md §2–§4): Reset, then Push each
    /// word id; intent scores, the decision and the tags are current after every push. The cache
    /// (codes, projections, g_D, tag units) makes each push cost what §5 lists, and Push allocates
    /// nothing.
    /// </summary>
    public sealed class Session
    {
        readonly SaffuModel model;
        readonly ModelConfig c;
        readonly ModelWeights w;
        readonly RunState s;
        readonly WordVectors? vectors;   // co-occurrence vectors (docs/model-blob.md §17); null = bit-cipher codes
        readonly int window, kMax, l, uniformTagQ;
        int position;      // t: positions pushed, <sod> included
        int blockStart;    // p0 of the current block
        int top = -1;
        int earlyPosition = -1, earlyIntent = -1;
        int anchorWords;   // positions pushed since Reset whose word is an anchor (docs/saffu-model.md §3)

        internal Session(SaffuModel model, RunState state)
        {
            this.model = model;
            c = model.Config;
            w = model.Weights;
            s = state;
            vectors = model.Vectors;
            window = RunState.Window(c);
            kMax = c.MaxPopcount;
            l = c.LabelDim;
            uniformTagQ = c.TagCount > 0 ? (FixedMath.One16 + c.TagCount) / (2 * c.TagCount) : 0;
            Decision = new Decision(this);
            Reset();
        }

        public SaffuModel Model { get { return model; } }
        public RunState State { get { return s; } }
        /// <summary>The decision so far: a view that reads this session (allocated once).</summary>
        public Decision Decision { get; }

        /// <summary>Positions pushed since Reset, &lt;sod&gt; included (t).</summary>
        public int Position { get { return position; } }
        /// <summary>Words pushed since Reset, &lt;sod&gt; not counted.</summary>
        public int Words { get { return c.PrependSod && position > 0 ? position - 1 : position; } }
        /// <summary>Anchor words pushed since Reset (0 when the model has no anchors; &lt;sod&gt; never counts).</summary>
        public int AnchorWords { get { return anchorWords; } }
        /// <summary>Integer multiplies since Reset (docs/saffu-model.md §5), &lt;sod&gt; included.</summary>
        public long MacCount { get; private set; }
        /// <summary>Integer multiplies of the last successful Push.</summary>
        public long LastMacCount { get; private set; }

        /// <summary>Starts a new utterance; pushes &lt;sod&gt; when the model prepends it.</summary>
        public void Reset()
        {
            position = 0;
            blockStart = 1;
            top = -1;
            earlyPosition = -1;
            earlyIntent = -1;
            anchorWords = 0;
            MacCount = 0;
            LastMacCount = 0;
            for (int j = 0; j < s.DocumentG.Length; j++) s.DocumentG[j] = 0;
            for (int k = 0; k < s.SlotStart.Length; k++) { s.SlotStart[k] = -1; s.SlotEnd[k] = -1; }
            if (c.PrependSod) Push(c.SodId, -1);
        }

        /// <summary>
        /// One step: advances position t by the word id (numberValue: a &lt;num&gt;'s value, else −1).
        /// Follows docs/saffu-model.md §4 top to bottom.
        /// </summary>
        public PushResult Push(int wordId, int numberValue)
        {
            if (wordId < 0 || wordId >= c.VocabSize) return PushResult.BadWordId;
            if (position >= c.MaxWords) return PushResult.TooManyWords;
            long macsBefore = MacCount;
            int t = ++position;
            s.WordIds[t - 1] = wordId;
            s.Numbers[t - 1] = numberValue;
            if (model.IsAnchor(wordId)) anchorWords++;

            // 1. The pivot's code (or stored vector), and its projections P = x_w·U cached per position.
            int code = (t - 1) % window;
            if (vectors == null) s.CodeCount[code] = BitCipher.Code(wordId, c.VocabSize, c.Bits, c.GrownFrom, s.CodeBits, code * kMax);
            if (c.HasBlock)
            {
                if ((t - 1) % c.BlockSize == 0) blockStart = t;
                Project(w.BlockU, w.BlockF, code, wordId, s.BlockP, (t - blockStart) * l);
            }
            if (c.HasRadial) Project(w.RadialU, w.RadialF, code, wordId, s.RadialP, ((t - 1) % c.RadialSize) * l);
            if (c.HasDocument)
            {
                Project(w.DocumentU, w.DocumentF, code, wordId, s.G, 0);
                for (int j = 0; j < l; j++) s.DocumentG[j] = FixedMath.Saturate((long)s.DocumentG[j] + s.G[j]);
            }
            if (c.HasTagHead) ProjectTagUnits(code, wordId, t);

            // 2–4. Each context gives a b'-vector s in Q15: h = [s_B; s_R; s_D].
            int part = 0;
            if (c.HasBlock) Attend(w.BlockW!, BlockComparisons(t), s.BlockP, part++ * l);
            if (c.HasRadial) Attend(w.RadialW!, RadialComparisons(t), s.RadialP, part++ * l);
            if (c.HasDocument) Softmax(s.DocumentG, 0, l, s.H, part * l);

            // 5. Intent head: y = softmax(h·O); tag head: argmax(h_tag·O_tag).
            MatVec(w.O!, s.H, s.H.Length, s.Logits);
            top = Softmax(s.Logits, 0, c.IntentCount, s.Intent, 0);
            if (c.HasTagHead)
            {
                s.Tags[t - 1] = (byte)TagOf(t);
                UpdateSlots(t);
            }
            UpdateEarlyDecision(t);
            LastMacCount = MacCount - macsBefore;
            return PushResult.Ok;
        }

        /// <summary>
        /// Tokenizes a line (docs/tokenizer.md), looks each token up in the vocabulary (a miss is
        /// oovId) and pushes it after what was pushed so far. TooManyWords when tokens were dropped.
        /// </summary>
        public PushResult PushLine(string line)
        {
            TokenBuffer tokens = s.Tokens;
            model.Vocabulary.Tokenize(line, tokens);
            for (int i = 0; i < tokens.Count; i++)
            {
                PushResult r = Push(model.Vocabulary.Find(tokens, i, c.OovId), tokens.Values[i]);
                if (r != PushResult.Ok) return r;
            }
            return tokens.Truncated ? PushResult.TooManyWords : PushResult.Ok;
        }

        /// <summary>Reset, then PushLine: the decision for one whole transcript.</summary>
        public PushResult RunLine(string line)
        {
            Reset();
            return PushLine(line);
        }

        /// <summary>
        /// Runs the words at WordIds[from..Position) again as a new utterance (docs/saffu-model.md §6): Reset, then each one
        /// pushed with its number, read in place — a word only moves to a lower index, after it was read. The action map's
        /// correction rule decides on the words after a taking back this way. BadWordId, changing nothing, unless
        /// <paramref name="from"/> lies after the first word and before Position.
        /// </summary>
        public PushResult RunFrom(int from)
        {
            int end = position;
            if (from <= position - Words || from >= end) return PushResult.BadWordId;
            Reset();
            for (int i = from; i < end; i++)
            {
                PushResult r = Push(s.WordIds[i], s.Numbers[i]);
                if (r != PushResult.Ok) return r;
            }
            return PushResult.Ok;
        }

        /// <summary>A context's projection: through the rank when its U is factored (docs/model-blob.md §14), else dense.</summary>
        void Project(Tensor? u, FactoredU? factored, int code, int wordId, int[] output, int offset)
        {
            if (factored == null)
            {
                Project(u!, code, wordId, output, offset);
                return;
            }
            factored.Project(s.CodeBits, code * kMax, s.CodeCount[code], s.Factor, output, offset);
            MacCount += factored.Rank + (long)factored.Rank * l;   // one scale multiply per r, then R·b′
        }

        /// <summary>P[j] = RoundDiv(RoundShift(Σ_{i∈S} q[i,j]·m_j, e_j − 16), k), Q16 (§4 step 1); with vectors ProjectVector.</summary>
        void Project(Tensor u, int code, int wordId, int[] output, int offset)
        {
            if (vectors != null)
            {
                ProjectVector(u, wordId, output, offset);
                return;
            }
            int k = s.CodeCount[code];
            for (int j = 0; j < u.Cols; j++)
            {
                long sum = u.SumRows(s.CodeBits, code * kMax, k, j) * u.Mantissa(j);
                output[offset + j] = FixedMath.Saturate(FixedMath.RoundDiv(FixedMath.RoundShift(sum, u.Exponent(j) - 16), k));
            }
            MacCount += u.Cols;
        }

        /// <summary>
        /// P[j] = Saturate(RoundShift(Σ_e q_e·U.q[bit_e, j]·m_j, e_j − 16 + Qw)), Q16: the stored vector's weights
        /// (Q(Qw)) times the rows of U (docs/model-blob.md §17). One multiply per entry and column, one per column scale.
        /// </summary>
        void ProjectVector(Tensor u, int wordId, int[] output, int offset)
        {
            WordVectors x = vectors!;
            int first = x.First(wordId), last = x.End(wordId), shift = x.WeightShift - 16;
            for (int j = 0; j < u.Cols; j++)
            {
                long sum = x.Project(u, first, last, j) * u.Mantissa(j);
                output[offset + j] = FixedMath.Saturate(FixedMath.RoundShift(sum, u.Exponent(j) + shift));
            }
            MacCount += (long)(last - first) * u.Cols + u.Cols;
        }

        /// <summary>q_j(w_t) = softmax(P_UTj[w_t]) for every offset j, into the tag ring (Q15).</summary>
        void ProjectTagUnits(int code, int wordId, int t)
        {
            int g = c.TagCount, ring = ((t - 1) % c.TagOffsets) * c.TagOffsets * g;
            for (int j = 0; j < c.TagOffsets; j++)
            {
                Project(w.TagU![j], code, wordId, s.G, 0);
                Softmax(s.G, 0, g, s.TagQ, ring + j * g);
            }
        }

        /// <summary>c_i = c(w_{p0+i}, w_t) over the current block; returns n (§2 Block).</summary>
        int BlockComparisons(int t)
        {
            int n = t - blockStart + 1;
            for (int i = 0; i < n; i++)
            {
                s.Compare[i] = Comparison(blockStart + i, t);
                s.AttendRow[i] = i;
            }
            return n;
        }

        /// <summary>c_i = c(w_{t−i}, w_t) over the last r words; returns n = min(t, r) (§2 Radial).</summary>
        int RadialComparisons(int t)
        {
            int n = t < c.RadialSize ? t : c.RadialSize;
            for (int i = 0; i < n; i++)
            {
                s.Compare[i] = Comparison(t - i, t);
                s.AttendRow[i] = (t - i - 1) % c.RadialSize;
            }
            return n;
        }

        /// <summary>
        /// c(w_pa, w_pb) of positions pa, pb (Q15, §4 step 2): RoundDiv(|S_a ∩ S_b|·2^15, k_a·k_b), a merge of the cached
        /// bit lists; with vectors x_a·x_b, a merge of the stored entries (one multiply per shared bit).
        /// </summary>
        int Comparison(int pa, int pb)
        {
            if (vectors != null)
            {
                int c15 = vectors.Compare(s.WordIds[pa - 1], s.WordIds[pb - 1], out int shared);
                MacCount += shared;
                return c15;
            }
            int a = (pa - 1) % window, b = (pb - 1) % window;
            int ka = s.CodeCount[a], kb = s.CodeCount[b];
            int common = BitCipher.Intersect(s.CodeBits, a * kMax, ka, s.CodeBits, b * kMax, kb);
            MacCount++;
            return (int)FixedMath.RoundDiv((long)common << 15, ka * kb);
        }

        /// <summary>
        /// z = c·W (leading n×n), a = softmax(z), g = Σ_i a_i·P[row_i], h[offset..] = softmax(g) (§4 steps 3–4).
        /// </summary>
        void Attend(Tensor weights, int n, int[] cache, int offset)
        {
            for (int j = 0; j < n; j++) s.Z[j] = weights.MatVecQ16(s.Compare, 0, n, 15, j);
            MacCount += n * n + n;
            Softmax(s.Z, 0, n, s.Attention, 0);
            for (int j = 0; j < l; j++)
            {
                long sum = 0;
                for (int i = 0; i < n; i++) sum += (long)s.Attention[i] * cache[s.AttendRow[i] * l + j];
                s.G[j] = FixedMath.Saturate(FixedMath.RoundShift(sum, 15));
            }
            MacCount += n * l;
            Softmax(s.G, 0, l, s.H, offset);
        }

        /// <summary>output[col] = MatVecQ16(input, 15, T, col) for every column (rows = T.Rows = inputs).</summary>
        void MatVec(Tensor t, int[] input, int rows, int[] output)
        {
            for (int j = 0; j < t.Cols; j++) output[j] = t.MatVecQ16(input, 0, rows, 15, j);
            MacCount += rows * t.Cols + t.Cols;
        }

        int Softmax(int[] x, int xOffset, int n, int[] p, int pOffset)
        {
            MacCount += 2 * n;
            return FixedMath.Softmax(w.Tables!, x, xOffset, n, p, pOffset);
        }

        /// <summary>Tag of word t: argmax of [q_0..q_{R_T−1} (; h)]·O_tag, ties lowest (§2 Tag head).</summary>
        int TagOf(int t)
        {
            int g = c.TagCount, at = 0;
            for (int j = 0; j < c.TagOffsets; j++)
            {
                int ring = ((t - j - 1) % c.TagOffsets) * c.TagOffsets * g + j * g;
                for (int k = 0; k < g; k++) s.TagIn[at++] = t - j >= 1 ? s.TagQ[ring + k] : uniformTagQ;
            }
            if (c.TagIncludesIntentParts)
            {
                for (int k = 0; k < s.H.Length; k++) s.TagIn[at++] = s.H[k];
            }
            MatVec(w.TagO!, s.TagIn, at, s.TagScores);
            int best = 0;
            for (int k = 1; k < g; k++)
            {
                if (s.TagScores[k] > s.TagScores[best]) best = k;
            }
            return best;
        }

        /// <summary>
        /// B-x starts the first span of x; I-x extends x's span when it ended at t−1, else starts it,
        /// taking over another slot's span that ended at t−1 (§3: "the kitchen" then "light").
        /// </summary>
        void UpdateSlots(int t)
        {
            if (c.PrependSod && t == 1) return;
            int tag = s.Tags[t - 1], slot = model.Slots.SlotOf(tag);
            if (slot < 0) return;
            bool inside = model.Slots.Inside(tag);
            if (s.SlotStart[slot] >= 0)
            {
                if (inside && s.SlotEnd[slot] == t - 1) s.SlotEnd[slot] = t;
                return;
            }
            s.SlotStart[slot] = t;
            s.SlotEnd[slot] = t;
            if (inside) TakeOverSpanEndingAt(t - 1, slot);
        }

        void TakeOverSpanEndingAt(int end, int slot)
        {
            for (int k = 0; k < s.SlotStart.Length; k++)
            {
                if (k == slot || s.SlotEnd[k] != end) continue;
                s.SlotStart[slot] = s.SlotStart[k];
                s.SlotStart[k] = -1;
                s.SlotEnd[k] = -1;
                return;
            }
        }

        void UpdateEarlyDecision(int t)
        {
            if (earlyPosition >= 0 || c.EarlyThreshold == 0xFFFF || !Anchored) return;
            if (top == c.NoneIntent || s.Intent[top] < c.EarlyThreshold || Words < c.EarlyMinWords) return;
            earlyPosition = t;
            earlyIntent = top;
        }

        /// <summary>No anchors in the model, or at least one anchor word pushed (docs/saffu-model.md §3).</summary>
        internal bool Anchored { get { return anchorWords > 0 || !model.HasAnchors; } }
        internal int Top { get { return top; } }
        internal int EarlyPosition { get { return earlyPosition; } }
        internal int EarlyIntent { get { return earlyIntent; } }
    }
}
