using System.CommandLine;
using Saffu.Training.Sweep;

namespace Saffu.Cli.Commands;

/// <summary>
/// `saffu sweep (--train DATA --valid DATA | --home HOME_FILE) --out DIR [--dev DATA]… [--ood DATA] [--configs N] [--seed N] [--threads N]
/// [--near X] [--max-fine-tuned N] [--budget-bytes N] [--budget-macs N] [--quiet]`: trains many configurations of SAFFU.md's
/// knobs, fine-tunes those near the Pareto front, and names the best within a budget (docs/cli.md, `## saffu sweep`).
/// </summary>
public static class SweepCommand
{
    static Option<T> Make<T>(string name, string description, string? helpName = null, Func<T>? defaultValue = null)
    {
        var o = new Option<T>(name) { Description = description, HelpName = helpName };
        if (defaultValue is not null) o.DefaultValueFactory = _ => defaultValue();
        return o;
    }

    public static Command Create()
    {
        var train = Make<string?>("--train", "Labelled training transcripts (folder seq.in + label, .jsonl or .csv); required without --home.", "DATA");
        var valid = Make<string?>("--valid", "Labelled validation transcripts: accuracy, early stopping, calibration and the choice; required without --home (default there: the lights corpus's validation split).", "DATA");
        var home = Make<string?>("--home", "Sweep the lights model of this home (docs/home.md): its lights corpus, `saffu train --home`'s defaults, the lights grid; every blob carries the home's action map.", "HOME_FILE");
        var outDir = Make<string>("--out", "Folder for results.jsonl (one row per configuration, appended; resumed from) and sweep.png.", "DIR");
        outDir.Required = true;
        var dev = Make<string[]>("--dev", "An extra dev set (any format, training intents only) every row is also scored on; repeatable. Default: none.", "DATA");
        dev.AllowMultipleArgumentsPerToken = false;
        var ood = Make<string?>("--ood", "Out-of-domain transcripts (labels ignored): the share rejected at the threshold chosen on valid for ≤ 2% false rejection. Default: none.", "DATA");
        var configs = Make<int>("--configs", "Explicit configurations to train (the trainer's defaults first, the rest a seeded sample of the grid).", "N", () => 300);
        var seed = Make<int>("--seed", "Seed of the grid sample.", "N", () => 1);
        var threads = Make<int>("--threads", "Configurations trained at the same time.", "N", () => 2);
        var near = Make<double>("--near", "Fine-tune rows within this much valid accuracy (0–1) of the Pareto front at their size.", "X", () => 0.005);
        var maxTuned = Make<int>("--max-fine-tuned", "Fine-tune at most this many rows (the most accurate near the front).", "N", () => 12);
        var budgetBytes = Make<long?>("--budget-bytes", "Name the most accurate row whose blob is at most N bytes. Default: no limit.", "N");
        var budgetMacs = Make<long?>("--budget-macs", "Name the most accurate row whose MACs per word are at most N (with --budget-bytes: within both). Default: no limit.", "N");
        var budgetRam = Make<long?>("--budget-ram", "Name the most accurate row whose runtime RAM beyond the blob is at most N bytes (with the other budgets: within all). Default: no limit.", "N");
        var quiet = Make<bool>("--quiet", "Hide the progress bar (the summary is still printed).");
        var command = new Command("sweep",
            "Train and evaluate many SAFFU configurations (bits, contexts, block and radial sizes, refinement passes, smoothing, "
            + "co-occurrence vectors, quantization bits, low-rank U) on a train/valid split; fine-tune those near the Pareto front "
            + "of validation accuracy against blob bytes; name the best within a budget.");
        foreach (Option o in new Option[] { train, valid, home, outDir, dev, ood, configs, seed, threads, near, maxTuned, budgetBytes, budgetMacs, budgetRam, quiet })
            command.Options.Add(o);
        command.SetAction(parse =>
        {
            var settings = new SweepRunSettings(parse.GetValue(train), parse.GetValue(valid), parse.GetValue(outDir)!,
                parse.GetValue(dev) ?? [], parse.GetValue(ood), parse.GetValue(budgetBytes), parse.GetValue(budgetMacs), parse.GetValue(quiet))
            {
                Home = parse.GetValue(home), BudgetRam = parse.GetValue(budgetRam),
            };
            var sweep = new SweepSettings
            {
                Count = parse.GetValue(configs), Seed = parse.GetValue(seed), Threads = parse.GetValue(threads),
                Near = parse.GetValue(near), MaxFineTuned = parse.GetValue(maxTuned),
            };
            return new SweepRun(settings, sweep, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error).Execute();
        });
        return command;
    }
}
