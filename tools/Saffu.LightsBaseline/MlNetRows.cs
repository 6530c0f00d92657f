using Microsoft.ML.Data;

namespace Saffu.LightsBaseline;

/// <summary>ML.NET's input row: the transcript and its intent (empty when predicting).</summary>
internal sealed class TextRow
{
    public string Text { get; set; } = "";
    public string Label { get; set; } = "";
}

/// <summary>ML.NET's output row: one probability per label key, in key order, and the featurized sentence.</summary>
internal sealed class ScoreRow
{
    [ColumnName("Score")]
    public float[] Score { get; set; } = [];

    [ColumnName("Features")]
    public VBuffer<float> Features { get; set; }
}
