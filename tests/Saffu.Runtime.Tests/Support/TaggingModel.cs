namespace Saffu.Runtime.Tests
{
    /// <summary>
    /// A handcrafted lights model whose answers are known: every word has a one-hot code (b ≥ V),
    /// the document part votes "on" → HassTurnOn, "off" → HassTurnOff, anything else → &lt;none&gt;,
    /// and the tag head gives each word a fixed tag (kitchen/living → B-area, room → I-area,
    /// &lt;num&gt; → B-brightness, percent → I-brightness, others O).
    /// </summary>
    public static class TaggingModel
    {
        public static readonly string[] Words =
        {
            "<sod>", "<oov>", "<num>", "turn", "on", "the", "kitchen", "light", "to", "percent", "living", "room", "off",
        };
        public static readonly string[] Tags = { "O", "B-area", "I-area", "B-brightness", "I-brightness" };
        public const int TurnOn = 0, TurnOff = 1, None = 2;

        public static TestModelSpec Create()
        {
            TestModelSpec m = new TestModelSpec();
            m.Words = Words;
            m.Bits = 16;
            m.PrependSod = true;
            m.SodId = 0;
            m.OovId = 1;
            m.NumId = 2;
            m.Document = true;
            m.TagHead = true;
            m.LabelDim = 3;
            m.Intents = new string[] { "HassTurnOn", "HassTurnOff", "<none>" };
            m.MaxWords = 10;
            m.NoneIntent = None;
            m.RejectThreshold = 20000;
            m.EarlyThreshold = 30000;
            m.EarlyMinWords = 2;
            // "on" and "off" vote strongly (q 2000 ≈ 62 real), every other word weakly for <none> (q 100).
            m.DocumentU = WordVotes(new int[] { 2, 2, 2, 2, 0, 2, 2, 2, 2, 2, 2, 2, 1 },
                new int[] { 100, 100, 100, 100, 2000, 100, 100, 100, 100, 100, 100, 100, 2000 }, 3);
            m.O = Diagonal(3, 3, 2000);
            m.TagLabels = Tags;
            m.TagU = new TestTensor[] { WordVotes(new int[] { 0, 0, 3, 0, 0, 0, 1, 0, 0, 4, 1, 2, 0 }, null, 5) };
            m.TagO = Diagonal(5, 5, 1000);
            return m;
        }

        /// <summary>
        /// b × cols, row w (word w's one-hot bit) has q = strength[w] (2000 when null) in column
        /// vote[w], 0 elsewhere; m = 2^15, e = 20 so that P = q · 2^11 in Q16 (q = 2000 ≈ 62.5 real).
        /// </summary>
        static TestTensor WordVotes(int[] vote, int[]? strength, int cols)
        {
            TestTensor t = new TestTensor(16, cols, 16, false);
            for (int w = 0; w < vote.Length; w++) t.Q[w * cols + vote[w]] = strength == null ? 2000 : strength[w];
            t.M[0] = 32768;
            t.E[0] = 20;
            return t;
        }

        /// <summary>rows × cols with q on the diagonal; m = 2^15, e = 16: logits = h · q (Q16).</summary>
        public static TestTensor Diagonal(int rows, int cols, int q)
        {
            TestTensor t = new TestTensor(rows, cols, 16, false);
            for (int i = 0; i < rows && i < cols; i++) t.Q[i * cols + i] = q;
            t.M[0] = 32768;
            t.E[0] = 16;
            return t;
        }
    }
}
