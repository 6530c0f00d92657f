using System.Diagnostics;
using Saffu.Training.Training;

namespace Saffu.Compare;

/// <summary>
/// Training time in a fresh process (JIT compilation included), as `saffu train` or a one-shot
/// ML.NET program pays it: the explicit SAFFU system and ML.NET's Fit, each the first of its kind
/// in the process. Measured before the warm-up; the table's times are warm.
/// </summary>
internal sealed record ColdStart(double ExplicitSeconds, double MlNetSeconds)
{
    public static ColdStart Measure(SaffuSystem explicitOnly, ComparisonData data, int seed)
    {
        var timer = Stopwatch.StartNew();
        Trainer.Train(data.Train, data.Valid, explicitOnly.Options);
        double saffu = timer.Elapsed.TotalSeconds;
        var (_, ml) = MlNetBaseline.Fit(new Microsoft.ML.MLContext(seed), data.Train);
        return new ColdStart(saffu, ml);
    }
}
