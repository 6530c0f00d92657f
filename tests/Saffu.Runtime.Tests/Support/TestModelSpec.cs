namespace Saffu.Runtime.Tests
{
    /// <summary>A quantized tensor as integers: q (row-major), and m, e per column or one for all.</summary>
    public sealed class TestTensor
    {
        public int Rows, Cols, Bits = 16;
        public bool PerColumn;
        public int[] Q = new int[0];
        public int[] M = new int[0];
        public int[] E = new int[0];

        public TestTensor(int rows, int cols, int bits, bool perColumn)
        {
            Rows = rows;
            Cols = cols;
            Bits = bits;
            PerColumn = perColumn;
            Q = new int[rows * cols];
            M = new int[perColumn ? cols : 1];
            E = new int[perColumn ? cols : 1];
        }

        public int Mantissa(int col) { return M[PerColumn ? col : 0]; }
        public int Exponent(int col) { return E[PerColumn ? col : 0]; }
    }

    /// <summary>Everything a v1 blob holds, as plain integers and strings (input of TestBlobWriter).</summary>
    public sealed class TestModelSpec
    {
        public string[] Words = new string[0];     // id = rank
        public int Bits;
        public bool PrependSod, Block, Radial, Document, TagHead;
        public int OovId, SodId = 0xFFFF, NumId = 0xFFFF;
        public int LabelDim;
        public string[] Intents = new string[0];
        public int BlockSize, RadialSize, MaxWords;

        public TestTensor? BlockW, BlockU, RadialW, RadialU, DocumentU, O, TagO;
        public TestTensor[] TagU = new TestTensor[0];
        public string[] TagLabels = new string[0];
        public bool TagIncludesIntentParts;

        public int NoneIntent = 0xFFFF, RejectThreshold, EarlyThreshold = 0xFFFF, EarlyMinWords = 1;
        public int Temperature = 65536;

        public bool WriteIdentity = true;
        /// <summary>The ActionMap section's bytes (kind 12, required), or null for none (TestActionMap writes them).</summary>
        public byte[]? ActionMap;
        /// <summary>The Anchors section's bytes (kind 16, required), or null for none (TestAnchors writes them).</summary>
        public byte[]? Anchors;
        /// <summary>The WordVectors section's bytes (kind 17, required), or null for none (WordVectorTests writes them).</summary>
        public byte[]? WordVectors;
        /// <summary>The FactoredTensors section's bytes (kind 14, required), or null for none (FactoredTensorTests writes them); when set the context sections leave U out.</summary>
        public byte[]? FactoredTensors;
        /// <summary>With FactoredTensors: still write U into the context sections (a malformed blob, for the loader's checks).</summary>
        public bool KeepDenseU;
        public string Trainer = "saffu-test 0";

        public int Parts
        {
            get { return (Block ? 1 : 0) + (Radial ? 1 : 0) + (Document ? 1 : 0); }
        }
    }
}
