using ScottPlot;

namespace Saffu.Compare;

/// <summary>
/// Validation accuracy against training seconds (ScottPlot 5): explicit only as a point at the end
/// of its solve, explicit + fine-tune continuing from it, backprop only from 0 s, the explicit
/// model's accuracy as a dashed line, and ML.NET as a point at the end of its Fit for reference.
/// Two panels: the whole 0–100% range (backprop only starts near chance), and a zoom on the
/// explicit model's accuracy, where the other curves are.
/// </summary>
internal static class AccuracyTimePlot
{
    public const string FileName = "valid-accuracy-vs-time.png";
    public const int Width = 1000, Height = 1100;

    public static byte[] Png(IReadOnlyList<SystemResult> rows)
    {
        var multiplot = new Multiplot();
        multiplot.AddPlots(2);
        double seconds = rows.SelectMany(r => r.Curve).Max(p => p.Seconds) * 1.05;
        var explicitOnly = rows.First(r => r.Name == SaffuSystems.Explicit);
        double target = 100 * (explicitOnly.ExplicitValidAccuracy ?? 0);
        Draw(multiplot.GetPlot(0), rows, target, seconds, 0, 100, "HWU64: validation accuracy against wall-clock training time", Alignment.LowerRight);
        Draw(multiplot.GetPlot(1), rows, target, seconds, Math.Floor(target - 8), Math.Ceiling(target + 3), "the same, near the explicit model's accuracy", Alignment.UpperRight);
        return multiplot.Render(Width, Height).GetImageBytes(ImageFormat.Png);
    }

    static void Draw(Plot plot, IReadOnlyList<SystemResult> rows, double target, double seconds, double low, double high, string title,
        Alignment legend)
    {
        var line = plot.Add.HorizontalLine(target, 1, Colors.Gray, LinePattern.Dashed);
        line.LegendText = $"explicit model's valid accuracy ({target:F2}%)";
        Curve(plot, rows.First(r => r.Name == SaffuSystems.FineTuned), Colors.C0);
        Curve(plot, rows.First(r => r.Name == SaffuSystems.BackpropOnly), Colors.C1);
        Point(plot, rows.First(r => r.Name == SaffuSystems.Explicit), Colors.C2, MarkerShape.FilledDiamond);
        Point(plot, rows.First(r => r.Name == MlNetBaseline.Name), Colors.C3, MarkerShape.FilledSquare);
        plot.XLabel("training seconds (explicit solve + Adam steps; validation checks excluded)");
        plot.YLabel("validation accuracy (%)");
        plot.Title(title);
        plot.Axes.SetLimits(0, seconds, low, high);
        plot.ShowLegend(legend);
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
