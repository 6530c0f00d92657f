using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.FineTuning;

/// <summary>Every hand-written gradient entry against a central finite difference of the loss.</summary>
[TestClass]
public class GradientCheckTests
{
    const double Step = 1e-2;
    // Float32 forward: loss rounding ~1e-6 / (2·Step) plus the O(Step²) truncation.
    const double AbsoluteTolerance = 2e-4, RelativeTolerance = 2e-2;

    static double Loss(FloatModel model, EncodedCorpus corpus, FineTuneOptions options, SaffuWeights? grad)
    {
        var backprop = new Backpropagation(model, options);
        double loss = 0, weight = 0;
        for (int u = 0; u < corpus.Count; u++)
        {
            var r = backprop.Utterance(corpus.Texts[u], corpus.Intents[u], corpus.Tags![u], grad);
            loss += r.Loss;
            weight += r.Weight;
        }
        return loss / weight;
    }

    [TestMethod]
    [DataRow(true, 0.3)]
    [DataRow(false, 1.0)]
    public void EveryGradientMatchesFiniteDifferences(bool tagReadsIntentParts, double prefixWeight)
    {
        var (model, corpus) = TinyCorpus.RandomModel(includeParts: tagReadsIntentParts);
        var options = new FineTuneOptions { PrefixWeight = prefixWeight, TagWeight = 0.7 };
        var grad = SaffuWeights.Zero(model.Config);
        double weight = 0;
        {
            var backprop = new Backpropagation(model, options);
            for (int u = 0; u < corpus.Count; u++) weight += backprop.Utterance(corpus.Texts[u], corpus.Intents[u], corpus.Tags![u], grad).Weight;
        }
        var analytic = grad.Tensors(model.Config).ToDictionary(t => t.Name, t => t.Data);
        var failures = new List<string>();
        foreach (var (name, _, _, data) in model.Weights.Tensors(model.Config))
        {
            double largest = 0;
            for (int i = 0; i < data.Length; i++)
            {
                float saved = data[i];
                data[i] = saved + (float)Step;
                double plus = Loss(model, corpus, options, null);
                data[i] = saved - (float)Step;
                double minus = Loss(model, corpus, options, null);
                data[i] = saved;
                double numeric = (plus - minus) / (2 * Step);
                double exact = analytic[name][i] / weight;
                largest = Math.Max(largest, Math.Abs(exact));
                if (Math.Abs(numeric - exact) > AbsoluteTolerance + RelativeTolerance * Math.Abs(numeric))
                    failures.Add($"{name}[{i}]: backprop {exact:G6}, finite difference {numeric:G6}");
            }
            Assert.IsGreaterThan(10 * AbsoluteTolerance, largest, $"{name} got no gradient at all: the check would not exercise it");
        }
        Assert.IsEmpty(failures, string.Join("\n", failures.Take(20)));
    }

    [TestMethod]
    public void FrozenMatricesGetNoGradient()
    {
        var (model, corpus) = TinyCorpus.RandomModel();
        var options = new FineTuneOptions { TrainW = false, TrainU = false };
        var grad = SaffuWeights.Zero(model.Config);
        var backprop = new Backpropagation(model, options);
        for (int u = 0; u < corpus.Count; u++) backprop.Utterance(corpus.Texts[u], corpus.Intents[u], corpus.Tags![u], grad);
        Assert.IsTrue(grad.BlockW!.All(g => g == 0) && grad.DocumentU!.All(g => g == 0) && grad.TagU[0].All(g => g == 0));
        Assert.IsTrue(grad.O.Any(g => g != 0));
    }
}
