using ScottPlot;

namespace Saffu.Compare;

/// <summary>
/// Validation accuracy against training seconds (ScottPlot 5): explicit only as a point at the end
/// of its solve, explicit + fine-tune continuing from it, backprop only from 0 s, the explicit
/// model's accuracy as a dashed line, and ML.NET as a point at the end of its Fit for reference.
/// </summary>
internal static class AccuracyTimePlot
{
    public const string FileName = "valid-accuracy-vs-time.png";
    public const int Width = 1000, Height = 600;

    public static byte[] Png(IReadOnlyList<SystemResult> rows)
    {
        var plot = new Plot();
        var explicitOnly = rows.First(r => r.Name == SaffuSystems.Explicit);
        double target = 100 * (explicitOnly.ExplicitValidAccuracy ?? 0);
        var line = plot.Add.HorizontalLine(target, 1, Colors.Gray, LinePattern.Dashed);
        line.LegendText = $"explicit model's valid accuracy ({target:F2}%)";
        Curve(plot, rows.First(r => r.Name == SaffuSystems.FineTuned), Colors.C0);
        Curve(plot, rows.First(r => r.Name == SaffuSystems.BackpropOnly), Colors.C1);
        Point(plot, explicitOnly, Colors.C2, MarkerShape.FilledDiamond);
        Point(plot, rows.First(r => r.Name == MlNetBaseline.Name), Colors.C3, MarkerShape.FilledSquare);
        plot.XLabel("training seconds (explicit solve + Adam steps; validation checks excluded)");
        plot.YLabel("validation accuracy (%)");
        plot.Title("HWU64: validation accuracy against wall-clock training time");
        plot.Axes.SetLimitsX(0, rows.SelectMany(r => r.Curve).Max(p => p.Seconds) * 1.05);
        plot.Axes.SetLimitsY(0, 100);
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }

    static void Curve(Plot plot, SystemResult row, Color color)
    {
        var scatter = plot.Add.Scatter(row.Curve.Select(p => p.Seconds).ToArray(), row.Curve.Select(p => 100 * p.ValidAccuracy).ToArray(), color);
        scatter.MarkerSize = 5;
        scatter.LegendText = row.Name;
    }

    static void Point(Plot plot, SystemResult row, Color color, MarkerShape shape)
    {
        var p = row.Curve[^1];
        var marker = plot.Add.Marker(p.Seconds, 100 * p.ValidAccuracy, shape, 12, color);
        marker.LegendText = $"{row.Name} ({p.Seconds:F1} s)";
    }
}
