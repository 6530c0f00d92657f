using Microsoft.ML.Data;

namespace Saffu.LightsBaseline;

/// <summary>ML.NET's output row read here: one probability per label key, in key order, and the featurized sentence (the
/// input row is tools/Saffu.Compare's <see cref="Saffu.Compare.TextRow"/>, compiled in from its MlNetRows.cs).</summary>
internal sealed class FeaturizedScoreRow
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];

    [ColumnName("Features")]
    public VBuffer<float> Features { get; set; }
}
