using Saffu.Training.Corpus;

namespace Saffu.LightsBaseline;

/// <summary>The run: rebuild and check the training sentences, train every variant, score every tune set, print.</summary>
internal static class BaselineRun
{
    public static int Execute(BaselineSettings s, TextWriter output, TextWriter progress)
    {
        var training = LightsTrainingSet.Build(s);
        training.CheckAgainst(s.Model);
        var train = training.All;
        progress.WriteLine($"training rows: {training.Corpus.Count:N0} corpus sentences (data hash and counts of {s.Model} match) + "
            + $"{training.Phrasings.Count:N0} phrasings ({s.PhrasingsRepeat}×) = {train.Count:N0}, {train.Select(u => u.Intent).Distinct().Count()} intents");
        var sets = TuneSets.Read(s.Data);
        var texts = sets.SelectMany(t => t.Utterances.Select(u => u.Text)).ToList();

        progress.WriteLine($"SAFFU top intent through {s.Blob} on {texts.Count:N0} sentences");
        var columns = new List<Column> { new("SAFFU (shipped blob)", ShippedTopIntent.Of(s.Blob, texts), null) };
        var slice = train.Where((_, i) => i % 20 == 0).ToList();
        var models = new List<NgramBaseline>();
        foreach (var variant in NgramVariant.All)
        {
            NgramBaseline.WarmUp(variant, slice, s.Seed, s.Trainer);
            var model = NgramBaseline.Train(variant, train, s.Seed, s.Trainer);
            progress.WriteLine($"({variant.Key}) {variant.Name}: fit {model.Seconds:F1} s, {model.FeatureNames.Length:N0} features");
            models.Add(model);
            columns.Add(new($"({variant.Key}) {variant.Name}", model.TopIntents(texts), model));
        }
        BaselineReport.Print(output, s, train.Count, sets, columns);
        Attribute(output, s, sets, columns);
        return 0;
    }

    /// <summary>The word pairs behind b's differences from a on the union of dev5, dev6, dev7 and HWU64 train light.</summary>
    static void Attribute(TextWriter output, BaselineSettings s, List<ScoredSet> sets, List<Column> columns)
    {
        Column a = columns.Single(c => c.Model?.Variant.Key == "a"), b = columns.Single(c => c.Model?.Variant.Key == "b");
        var sentences = new List<(string, string, string, string)>();
        int k = 0;
        foreach (var set in sets)
        {
            foreach (Utterance u in set.Utterances)
            {
                if (TuneSets.Unlike.Contains(set.Name)) sentences.Add((u.Text, u.Intent!, a.Tops[k], b.Tops[k]));
                k++;
            }
        }
        var parts = BigramAttribution.Of(b.Model!, sentences, s.Top);
        output.WriteLine();
        output.WriteLine($"Word pairs behind (b) against (a) on {string.Join(" + ", TuneSets.Unlike)}: help = Σ over sentences a gets wrong and b right");
        output.WriteLine("of x·(W[label] − W[a's intent]) plus Σ over sentences a gets right and b wrong of x·(W[label] − W[b's intent]) (b's weights)");
        output.WriteLine();
        output.WriteLine("| bigram | help | fixed | broken | first fixed sentence (label; a's top) |");
        output.WriteLine("|---|---:|---:|---:|---|");
        foreach (var p in parts) output.WriteLine($"| {p.Bigram} | {p.Help:F2} | {p.Fixed} | {p.Broken} | {p.Example} |");
    }
}

/// <summary>One system's top intent for every sentence of every set (in order); Model is null for SAFFU.</summary>
internal sealed record Column(string Name, IReadOnlyList<string> Tops, NgramBaseline? Model);
