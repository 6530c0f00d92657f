using Saffu.Runtime.Arithmetic;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// Views over the blob's tensors and tables (docs/model-blob.md §4–§9); nothing is copied.
    /// Absent parts are null. Shapes: b = bits, L = b', I = intents, G = tags.
    /// </summary>
    public sealed class ModelWeights
    {
        public MathTables? Tables;    // exp2 / log2 tables
        public Tensor? BlockW;        // (B × B), input Q15
        public Tensor? BlockU;        // (b × L), input Q0, divided by the popcount
        public Tensor? RadialW;       // (r × r)
        public Tensor? RadialU;       // (b × L)
        public Tensor? DocumentU;     // (b × L)
        public Tensor? O;             // (parts·L × I)
        public Tensor[]? TagU;        // R_T × (b × G), offset 0 (pivot) first
        public Tensor? TagO;          // (R_T·G + flag·parts·L × G)
    }
}
