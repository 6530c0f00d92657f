using ScottPlot;

namespace Saffu.Training.Sweep;

/// <summary>Valid accuracy against blob bytes (log scale) for every row, fine-tuned rows marked, the Pareto front as a line (ScottPlot 5).</summary>
public static class SweepPlot
{
    public const string FileName = "sweep.png";

    /// <summary>Writes the PNG into the folder atomically; returns its path.</summary>
    public static string Write(string folder, IReadOnlyList<SweepRow> rows, SweepRow? chosen)
    {
        string path = Path.Combine(folder, FileName);
        Evaluation.AtomicFile.Write(path, Png(rows, chosen));
        return path;
    }

    public static byte[] Png(IReadOnlyList<SweepRow> rows, SweepRow? chosen)
    {
        var plot = new Plot();
        Points(plot, rows.Where(r => !r.Config.FineTune).ToList(), Colors.C0, MarkerShape.FilledCircle, "explicit");
        Points(plot, rows.Where(r => r.Config.FineTune).ToList(), Colors.C1, MarkerShape.FilledTriangleUp, "explicit + fine-tune");
        var front = ParetoFront.Of(rows);
        var line = plot.Add.ScatterLine(front.Select(r => Math.Log10(r.BlobBytes)).ToArray(), front.Select(r => 100 * r.ValidAccuracy).ToArray(), Colors.Black);
        line.LegendText = "Pareto front";
        line.LineWidth = 2;
        if (chosen is not null)
        {
            var m = plot.Add.Marker(Math.Log10(chosen.BlobBytes), 100 * chosen.ValidAccuracy, MarkerShape.OpenCircle, 18, Colors.Red);
            m.LegendText = "best within budget";
        }
        double low = Math.Floor(Math.Log10(rows.Min(r => r.BlobBytes))), high = Math.Ceiling(Math.Log10(rows.Max(r => r.BlobBytes)));
        var ticks = new List<(double, string)>();
        for (double e = low; e <= high; e++) ticks.Add((e, Human(Math.Pow(10, e))));
        plot.Axes.Bottom.SetTicks(ticks.Select(t => t.Item1).ToArray(), ticks.Select(t => t.Item2).ToArray());
        plot.XLabel("blob bytes (log scale)");
        plot.YLabel("validation accuracy (%)");
        plot.Title($"saffu sweep: {rows.Count} rows, validation accuracy against blob bytes");
        plot.ShowLegend(Alignment.LowerRight);
        return plot.GetImageBytes(1000, 700, ImageFormat.Png);
    }

    static void Points(Plot plot, IReadOnlyList<SweepRow> rows, Color color, MarkerShape shape, string label)
    {
        if (rows.Count == 0) return;
        var s = plot.Add.ScatterPoints(rows.Select(r => Math.Log10(r.BlobBytes)).ToArray(), rows.Select(r => 100 * r.ValidAccuracy).ToArray(), color);
        s.MarkerShape = shape;
        s.MarkerSize = 6;
        s.LegendText = label;
    }

    static string Human(double bytes) => bytes >= 1e6 ? $"{bytes / 1e6:0.#} MB" : bytes >= 1e3 ? $"{bytes / 1e3:0.#} KB" : $"{bytes:0} B";
}
