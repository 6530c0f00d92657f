namespace Saffu.Training.Model;

/// <summary>
/// Every trained matrix of a float SAFFU model, row-major float32, *effective* (τ_U and τ_O are
/// multiplied in; the temperature is not). Shapes (docs/saffu-model.md §2, docs/model-dir.md):
/// </summary>
public sealed class SaffuWeights
{
    /// <summary>W_B (B × B): row i = context position of the comparison, column j = attention position. Null without block.</summary>
    public float[]? BlockW { get; set; }
    /// <summary>U_B (b × b′). Null without block.</summary>
    public float[]? BlockU { get; set; }
    /// <summary>W_R (r × r), relative positions (0 = pivot). Null without radial.</summary>
    public float[]? RadialW { get; set; }
    /// <summary>U_R (b × b′). Null without radial.</summary>
    public float[]? RadialU { get; set; }
    /// <summary>U_D (b × b′). Null without document.</summary>
    public float[]? DocumentU { get; set; }
    /// <summary>O ((parts · b′) × I): rows block, radial, document.</summary>
    public float[] O { get; set; } = [];
    /// <summary>U_Tj (b × G) for j = 0..R_T−1 (0 = pivot). Empty without tag head.</summary>
    public float[][] TagU { get; set; } = [];
    /// <summary>O_tag ((R_T·G + flag·parts·b′) × G). Null without tag head.</summary>
    public float[]? TagO { get; set; }

    /// <summary>All-zero weights of the right shapes (W = 0 is uniform attention).</summary>
    public static SaffuWeights Zero(SaffuConfig c)
    {
        int u = c.Bits * c.LabelDim;
        return new SaffuWeights
        {
            BlockW = c.Block ? new float[c.BlockSize * c.BlockSize] : null,
            BlockU = c.Block ? new float[u] : null,
            RadialW = c.Radial ? new float[c.RadialSize * c.RadialSize] : null,
            RadialU = c.Radial ? new float[u] : null,
            DocumentU = c.Document ? new float[u] : null,
            O = new float[c.Parts * c.LabelDim * c.IntentCount],
            TagU = c.TagHead ? Enumerable.Range(0, c.TagOffsets).Select(_ => new float[c.Bits * c.TagCount]).ToArray() : [],
            TagO = c.TagHead ? new float[c.TagInputs * c.TagCount] : null,
        };
    }

    public SaffuWeights Clone() => new()
    {
        BlockW = (float[]?)BlockW?.Clone(),
        BlockU = (float[]?)BlockU?.Clone(),
        RadialW = (float[]?)RadialW?.Clone(),
        RadialU = (float[]?)RadialU?.Clone(),
        DocumentU = (float[]?)DocumentU?.Clone(),
        O = (float[])O.Clone(),
        TagU = TagU.Select(t => (float[])t.Clone()).ToArray(),
        TagO = (float[]?)TagO?.Clone(),
    };

    /// <summary>The tensors by name with (rows, cols), in a fixed order (the weights file order).</summary>
    public IEnumerable<(string Name, int Rows, int Cols, float[] Data)> Tensors(SaffuConfig c)
    {
        if (BlockW is not null) yield return ("block.W", c.BlockSize, c.BlockSize, BlockW);
        if (BlockU is not null) yield return ("block.U", c.Bits, c.LabelDim, BlockU);
        if (RadialW is not null) yield return ("radial.W", c.RadialSize, c.RadialSize, RadialW);
        if (RadialU is not null) yield return ("radial.U", c.Bits, c.LabelDim, RadialU);
        if (DocumentU is not null) yield return ("document.U", c.Bits, c.LabelDim, DocumentU);
        yield return ("intent.O", c.Parts * c.LabelDim, c.IntentCount, O);
        for (int j = 0; j < TagU.Length; j++) yield return ($"tag.U{j}", c.Bits, c.TagCount, TagU[j]);
        if (TagO is not null) yield return ("tag.O", c.TagInputs, c.TagCount, TagO);
    }

    /// <summary>Trainable parameters.</summary>
    public long ParameterCount(SaffuConfig c) => Tensors(c).Sum(t => (long)t.Data.Length);
}
