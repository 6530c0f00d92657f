namespace Saffu.Runtime.Tests
{
    /// <summary>The shape of a random test model.</summary>
    public sealed class TestShape
    {
        public int Vocab = 40, Bits = 16, LabelDim = 4, Intents = 5, BlockSize = 4, RadialSize = 3, MaxWords = 12;
        public bool Sod = true, Block = true, Radial = true, Document = true, TagHead = true;
        public int Tags = 5, TagOffsets = 2;
        public bool TagIncludesIntentParts = true;
        public int TensorBits = 16;
        public bool PerColumn = true;
    }

    /// <summary>Seeded random models: integer weights with realistic scales (reals of a few units).</summary>
    public static class TestModels
    {
        static readonly string[] SlotNames = { "area", "name", "brightness", "color", "room", "level", "zone", "mode" };

        public static TestModelSpec Random(TestShape shape, ulong seed)
        {
            TestRandom random = new TestRandom(seed);
            TestModelSpec m = new TestModelSpec();
            m.Words = Words(shape.Vocab, shape.Sod);
            m.Bits = shape.Bits;
            m.PrependSod = shape.Sod;
            m.SodId = shape.Sod ? 0 : 0xFFFF;
            m.OovId = 1;
            m.NumId = 2;
            m.Block = shape.Block;
            m.Radial = shape.Radial;
            m.Document = shape.Document;
            m.TagHead = shape.TagHead;
            m.LabelDim = shape.LabelDim;
            m.BlockSize = shape.BlockSize;
            m.RadialSize = shape.RadialSize;
            m.MaxWords = shape.MaxWords;
            m.Intents = new string[shape.Intents];
            for (int i = 0; i < shape.Intents; i++) m.Intents[i] = i == shape.Intents - 1 ? "<none>" : "Intent" + i;
            m.NoneIntent = shape.Intents - 1;
            m.RejectThreshold = 8000 + random.Next(16000);
            m.EarlyThreshold = random.Chance(20) ? 0xFFFF : 16000 + random.Next(16000);
            m.EarlyMinWords = 1 + random.Next(3);
            Weights(m, shape, random);
            return m;
        }

        static void Weights(TestModelSpec m, TestShape shape, TestRandom random)
        {
            int bits = shape.TensorBits, l = shape.LabelDim;
            if (m.Block) { m.BlockW = Tensor(random, shape.BlockSize, shape.BlockSize, bits, shape.PerColumn); m.BlockU = Tensor(random, shape.Bits, l, bits, shape.PerColumn); }
            if (m.Radial) { m.RadialW = Tensor(random, shape.RadialSize, shape.RadialSize, bits, shape.PerColumn); m.RadialU = Tensor(random, shape.Bits, l, bits, shape.PerColumn); }
            if (m.Document) m.DocumentU = Tensor(random, shape.Bits, l, bits, shape.PerColumn);
            m.O = Tensor(random, m.Parts * l, shape.Intents, bits, shape.PerColumn);
            if (!m.TagHead) return;
            m.TagLabels = TagLabels(shape.Tags);
            m.TagIncludesIntentParts = shape.TagIncludesIntentParts;
            m.TagU = new TestTensor[shape.TagOffsets];
            for (int j = 0; j < shape.TagOffsets; j++) m.TagU[j] = Tensor(random, shape.Bits, shape.Tags, bits, shape.PerColumn);
            int inputs = shape.TagOffsets * shape.Tags + (shape.TagIncludesIntentParts ? m.Parts * l : 0);
            m.TagO = Tensor(random, inputs, shape.Tags, bits, shape.PerColumn);
        }

        /// <summary>Random q over the full range of bits, m in 2^15..2^16−1, e so that |real| ≲ 4.</summary>
        public static TestTensor Tensor(TestRandom random, int rows, int cols, int bits, bool perColumn)
        {
            TestTensor t = new TestTensor(rows, cols, bits, perColumn);
            int qMax = (1 << (bits - 1)) - 1;
            for (int i = 0; i < t.Q.Length; i++) t.Q[i] = random.Range(-qMax, qMax);
            int eBase = bits == 16 ? 29 : 21;
            for (int j = 0; j < t.M.Length; j++)
            {
                t.M[j] = 32768 + random.Next(32768);
                t.E[j] = eBase + random.Next(3);
            }
            return t;
        }

        /// <summary>Vocabulary by id: &lt;sod&gt; (or a word), &lt;oov&gt;, &lt;num&gt;, then distinct words.</summary>
        public static string[] Words(int count, bool sod)
        {
            string[] words = new string[count];
            for (int i = 0; i < count; i++) words[i] = Word(i);
            if (count > 0) words[0] = sod ? "<sod>" : Word(count);
            if (count > 1) words[1] = "<oov>";
            if (count > 2) words[2] = "<num>";
            return words;
        }

        /// <summary>A distinct lower-case word for each i ("ba", "be", ... then longer).</summary>
        public static string Word(int i)
        {
            string consonants = "bdfgklmnprstvz", vowels = "aeiou";
            string word = "";
            int n = i;
            do
            {
                word += consonants[n % consonants.Length].ToString() + vowels[(n / consonants.Length) % vowels.Length].ToString();
                n /= consonants.Length * vowels.Length;
            }
            while (n > 0);
            return word;
        }

        /// <summary>O, then B-x / I-x pairs over distinct slot names.</summary>
        public static string[] TagLabels(int count)
        {
            string[] labels = new string[count];
            labels[0] = "O";
            for (int i = 1; i < count; i++)
            {
                labels[i] = ((i % 2) == 1 ? "B-" : "I-") + SlotNames[((i - 1) / 2) % SlotNames.Length] + ((i - 1) / 16 > 0 ? "_" + ((char)('a' + (i - 1) / 16)).ToString() : "");
            }
            return labels;
        }
    }
}
