using ScottPlot;

namespace Saffu.Training.Evaluation;

/// <summary>
/// The report's PNGs (ScottPlot 5): the confusion matrix, the reliability diagram and the
/// anticipation curve. Each file is written atomically.
/// </summary>
public static class EvaluationPlots
{
    public const string ConfusionFile = "confusion.png";
    public const string ReliabilityFile = "reliability.png";
    public const string AnticipationFile = "anticipation.png";

    /// <summary>Writes the three PNGs as <paramref name="folder"/>/<paramref name="prefix"/>FILE and returns their paths.</summary>
    /// <param name="onWritten">Called with each path once its file is written (for progress).</param>
    public static IReadOnlyList<string> Write(EvaluationReport report, string folder, string prefix = "", Action<string>? onWritten = null)
    {
        var written = new List<string>();
        void Save(string name, (byte[] Png, int W, int H) image)
        {
            string path = Path.Combine(folder, prefix + name);
            AtomicFile.Write(path, image.Png);
            written.Add(path);
            onWritten?.Invoke(path);
        }
        Save(ConfusionFile, Confusion(report));
        Save(ReliabilityFile, Reliability(report));
        Save(AnticipationFile, AnticipationCurve(report));
        return written;
    }

    /// <summary>
    /// Heat map of the row-normalised confusion matrix (each true intent's row sums to 1, so the
    /// diagonal is recall), true intents top to bottom, predicted intents left to right, every
    /// intent labelled. Cells are 16 px for up to 64 intents, smaller beyond.
    /// </summary>
    public static (byte[] Png, int Width, int Height) Confusion(EvaluationReport report)
    {
        int k = report.Intents.Count;
        var shares = new double[k, k];
        for (int r = 0; r < k; r++)
        {
            int support = report.Confusion[r].Sum();
            for (int c = 0; c < k; c++) shares[r, c] = support == 0 ? 0 : (double)report.Confusion[r][c] / support;
        }
        var plot = new Plot();
        var heatmap = plot.Add.Heatmap(shares);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = new ScottPlot.Range(0, 1);
        // Cell (r, c) covers x ∈ [c − ½, c + ½] and y ∈ [k − 1 − r − ½, …]: row 0 at the top.
        heatmap.Rectangle = new CoordinateRect(-0.5, k - 0.5, -0.5, k - 0.5);
        var bar = plot.Add.ColorBar(heatmap);
        bar.Axis.SetTicks([0, 0.2, 0.4, 0.6, 0.8, 1], ["0", "0.2", "0.4", "0.6", "0.8", "1"]);

        double[] positions = Enumerable.Range(0, k).Select(i => (double)i).ToArray();
        string[] labels = report.Intents.ToArray();
        int cell = Math.Max(8, Math.Min(16, 1100 / Math.Max(1, k)));
        float font = Math.Min(12, cell - 3);
        plot.Axes.Bottom.SetTicks(positions, labels);
        plot.Axes.Bottom.TickLabelStyle.Rotation = 90;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
        plot.Axes.Bottom.TickLabelStyle.FontSize = font;
        plot.Axes.Left.SetTicks(positions.Select(p => k - 1 - p).ToArray(), labels);
        plot.Axes.Left.TickLabelStyle.FontSize = font;
        plot.Axes.SetLimits(-0.5, k - 0.5, -0.5, k - 0.5);
        plot.XLabel("predicted intent");
        plot.YLabel("true intent");
        plot.Title($"Confusion matrix: share of each true intent's utterances (n = {report.N}, accuracy {report.Accuracy:P1})");

        // Rotated labels do not widen the bottom axis by themselves: reserve room for the longest.
        int labelRoom = 40 + (int)(font * 0.62 * labels.Select(l => l.Length).DefaultIfEmpty(1).Max());
        plot.Axes.Bottom.MinimumSize = labelRoom;
        int width = labelRoom + cell * k + 180, height = labelRoom + cell * k + 120;
        width = Math.Max(width, 640);
        height = Math.Max(height, 560);
        return (plot.GetImageBytes(width, height, ImageFormat.Png), width, height);
    }

    /// <summary>Accuracy per confidence bin as bars, the diagonal of perfect calibration, and the ECE.</summary>
    public static (byte[] Png, int Width, int Height) Reliability(EvaluationReport report)
    {
        var plot = new Plot();
        var bars = new List<Bar>();
        foreach (var bin in report.Reliability)
        {
            if (bin.Count == 0) continue;
            double centre = (bin.Lower + bin.Upper) / 2;
            bars.Add(new Bar
            {
                Position = centre,
                Value = bin.Accuracy!.Value,
                Size = (bin.Upper - bin.Lower) * 0.9,
                FillColor = Colors.SteelBlue,
                LineWidth = 0,
            });
        }
        plot.Add.Bars(bars);
        foreach (var bin in report.Reliability.Where(b => b.Count > 0))
        {
            var count = plot.Add.Text($"{bin.Count}", (bin.Lower + bin.Upper) / 2, bin.Accuracy!.Value);
            count.LabelFontSize = 11;
            count.LabelAlignment = Alignment.LowerCenter;
            count.OffsetY = -3;
        }
        var confidence = plot.Add.Scatter(
            report.Reliability.Where(b => b.Count > 0).Select(b => b.Confidence!.Value).ToArray(),
            report.Reliability.Where(b => b.Count > 0).Select(b => b.Accuracy!.Value).ToArray());
        confidence.LineWidth = 0;
        confidence.MarkerSize = 7;
        confidence.Color = Colors.OrangeRed;
        confidence.LegendText = "bin accuracy at its mean confidence";
        var diagonal = plot.Add.Line(0, 0, 1, 1);
        diagonal.Color = Colors.Gray;
        diagonal.LinePattern = LinePattern.Dashed;
        diagonal.LegendText = "perfect calibration";
        plot.Axes.SetLimits(0, 1, 0, 1.08);
        plot.XLabel("calibrated confidence of the top intent");
        plot.YLabel("accuracy");
        plot.Title($"Reliability: accuracy and count per bin (ECE {report.Ece:0.000}, T = {report.Temperature:0.###})");
        plot.ShowLegend(Alignment.UpperLeft);
        return (plot.GetImageBytes(720, 640, ImageFormat.Png), 720, 640);
    }

    /// <summary>Accuracy against the share of the words heard.</summary>
    public static (byte[] Png, int Width, int Height) AnticipationCurve(EvaluationReport report)
    {
        var plot = new Plot();
        double[] xs = report.Anticipation.Select(p => p.Fraction * 100).ToArray();
        double[] ys = report.Anticipation.Select(p => p.Accuracy * 100).ToArray();
        var line = plot.Add.Scatter(xs, ys);
        line.LineWidth = 2;
        line.MarkerSize = 8;
        for (int i = 0; i < xs.Length; i++)
        {
            var text = plot.Add.Text($"{ys[i]:0.0}%", xs[i], ys[i]);
            text.LabelFontSize = 13;
            text.LabelAlignment = Alignment.LowerRight;
            text.OffsetY = -6;
        }
        plot.Axes.SetLimits(0, 105, 0, 100);
        plot.XLabel("words heard (% of the utterance, ⌈f·T⌉ words)");
        plot.YLabel("closed-set accuracy (%)");
        plot.Title($"Anticipation (n = {report.N})");
        return (plot.GetImageBytes(720, 520, ImageFormat.Png), 720, 520);
    }
}
