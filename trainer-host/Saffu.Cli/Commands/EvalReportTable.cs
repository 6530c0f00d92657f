using System.Globalization;
using Saffu.Training.Evaluation;
using Spectre.Console;

namespace Saffu.Cli.Commands;

/// <summary>The console report of `saffu eval`: headline numbers, anticipation, then the per-intent table.</summary>
internal static class EvalReportTable
{
    public static void Write(IAnsiConsole console, EvaluationReport report)
    {
        console.Write(Headline(report));
        if (report.Actions is { } actions) console.Write(Actions("actions on --test", actions));
        if (report.NearMiss is { } nearMiss) console.Write(Actions("actions on --near-miss", nearMiss));
        console.Write(PerIntent(report));
    }

    public static Table Headline(EvaluationReport r)
    {
        var table = new Table().Title("saffu eval").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned()).AddColumn("meaning");
        table.AddRow("n", Count(r.N), Markup.Escape($"--test utterances ({r.Test ?? "?"})"));
        table.AddRow("accuracy", Percent(r.Accuracy), "closed-set top-1, full utterance, rejection ignored");
        table.AddRow("macro-F1", Percent(r.MacroF1), "mean per-intent F1");
        table.AddRow("ECE", Number(r.Ece), $"expected calibration error, {ReliabilityDiagram.BinCount} bins");
        table.AddRow("temperature", Number(r.Temperature), "stored with the model");
        table.AddRow("threshold", Number(r.Threshold),
            Markup.Escape("stored with the model" + (r.NoneIntent is null ? "" : $"; top intent {r.NoneIntent} also rejects")));
        table.AddRow("false rejection", Percent(r.FalseRejection), "--test utterances rejected at the threshold");
        table.AddRow("OOD rejection", r.OodRejection is { } ood ? Percent(ood) : "-",
            r.NOod is { } nOod ? Markup.Escape($"{Count(nOod)} --ood utterances ({r.Ood}) rejected at the threshold") : "no --ood given");
        string anticipation = string.Join("  ", r.Anticipation.Select(p => $"{p.Fraction * 100:0}%: {Percent(p.Accuracy)}"));
        table.AddRow("anticipation", "", Markup.Escape($"accuracy after ⌈f·T⌉ words: {anticipation}"));
        var o = r.Oracle;
        table.AddRow("oracle threshold", Number(o.Threshold),
            Markup.Escape($"chosen on --test itself for ≤ {o.MaxFalseRejection * 100:0.#}% false rejection (optimistic): "
                + $"false rejection {Percent(o.FalseRejection)}, OOD rejection {(o.OodRejection is { } x ? Percent(x) : "-")}"));
        if (r.Agreement is { } agreement)
            table.AddRow("agreement", Percent(agreement), Markup.Escape($"same top intent as the reference; largest probability error {Number(r.MaxProbabilityError ?? 0)}"));
        if (r.SlotExactMatch is { } slots)
            table.AddRow("slot exact match", Percent(slots), "all slots right");
        return table;
    }

    public static Table PerIntent(EvaluationReport r)
    {
        var table = new Table().Title("per intent").AddColumn("intent");
        foreach (string column in new[] { "precision", "recall", "F1", "support", "predicted" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var m in r.PerIntent)
            table.AddRow(Markup.Escape(m.Intent), Percent(m.Precision), Percent(m.Recall), Percent(m.F1), Count(m.Support), Count(m.Predicted));
        return table;
    }

    public static Table Actions(string title, Saffu.Training.Simulation.ActionReport a)
    {
        var table = new Table().Title(title).AddColumn("category");
        foreach (string column in new[] { "n", "not acted", "intent right", "with lights", "lights right" })
            table.AddColumn(new TableColumn(column).RightAligned());
        foreach (var c in a.Categories.Append(a.All))
            table.AddRow(Markup.Escape(c.Category), Count(c.N), Share(c.NotActed, c.N), Share(c.IntentRight, c.N), Count(c.WithLights),
                c.WithLights == 0 ? "-" : Share(c.LightsRight, c.WithLights));
        if (a.StateQuestions > 0)
            table.Caption(Markup.Escape($"state questions answered as HassGetState with the right target: {Share(a.StateRight, a.StateQuestions)} of {a.StateQuestions}"));
        return table;
    }

    private static string Share(int k, int n) => n == 0 ? "-" : Percent(k / (double)n);

    private static string Percent(double share) => (share * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";
    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
