using Saffu.Training.Simulation;

namespace Saffu.LightsBaseline;

/// <summary>
/// The shipped SAFFU model's top intent through its blob and the device runtime (BlobScorer): the largest intent logit
/// after the last word, over every intent including &lt;none&gt; and the non-acting ones. Its refusal rules (anchor rule,
/// reject threshold, none offset) and the planner are not applied: top intent against top intent.
/// </summary>
internal static class ShippedTopIntent
{
    public static string[] Of(string blobPath, IReadOnlyList<string> texts)
    {
        var scorer = new BlobScorer(SimulatedModel.LoadFile(blobPath));
        return texts.AsParallel().AsOrdered().WithDegreeOfParallelism(2)
            .Select(t => scorer.Intents[NgramBaseline.ArgMax(scorer.PrefixLogits(t)[^1])]).ToArray();
    }
}
