using Saffu.Runtime.Arithmetic;

namespace Saffu.Runtime.Model
{
    /// <summary>
    /// Views over the blob's tensors and tables (docs/model-blob.md §4–§9); nothing is copied.
    /// Absent parts are null. Shapes: b = bits, L = b', I = intents, G = tags.
    /// </summary>
    public sealed class ModelWeights
    {
        public MathTables? Tables { get; internal set; }    // exp2 / log2 tables
        public Tensor? BlockW { get; internal set; }        // (B × B), input Q15
        public Tensor? BlockU { get; internal set; }        // (b × L), input Q0, divided by the popcount
        public Tensor? RadialW { get; internal set; }       // (r × r)
        public Tensor? RadialU { get; internal set; }       // (b × L)
        public Tensor? DocumentU { get; internal set; }     // (b × L)
        // With a FactoredTensors section (docs/model-blob.md §14) the context U are these and BlockU/RadialU/DocumentU are null.
        public FactoredU? BlockF { get; internal set; }     // A (b × R) · B (R × L)
        public FactoredU? RadialF { get; internal set; }
        public FactoredU? DocumentF { get; internal set; }
        public Tensor? O { get; internal set; }             // (parts·L × I)
        public Tensor[]? TagU { get; internal set; }        // R_T × (b × G), offset 0 (pivot) first
        public Tensor? TagO { get; internal set; }          // (R_T·G + flag·parts·L × G)
    }
}
