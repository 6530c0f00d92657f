using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Solver;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Solver;

[TestClass]
public class ExplicitSolverTests
{
    static (FloatModel Model, EncodedCorpus Corpus) Untrained(TrainOptions options)
    {
        var vocabulary = VocabularyBuilder.Build(TinyCorpus.Train.Select(u => u.Text), options.MaxWords, options.PrependSod);
        var intents = Trainer.IntentSet(TinyCorpus.Train);
        var config = Trainer.Configure(options, vocabulary.Count, intents.Count, 0);
        var model = new FloatModel(config, vocabulary, intents, [], SaffuWeights.Zero(config));
        return (model, EncodedCorpus.Encode(TinyCorpus.Train, vocabulary, intents, null, out _));
    }

    [TestMethod]
    public void DocumentPartWithOneBitPerWordIsNaiveBayesCounts()
    {
        var options = new TrainOptions { PrependSod = true, Solver = new SolverOptions { PrefixWeight = 0, Epsilon = 0.25 } };
        var (model, corpus) = Untrained(options);
        Assert.AreEqual(model.Vocabulary.Count, model.Config.Bits, "auto bits: one-hot codes");
        var stats = new ExplicitSolver(model, options.Solver).Solve(corpus);

        // Independent count: F[w, y] = occurrences of word w (and <sod>) in whole utterances of intent y.
        int v = model.Vocabulary.Count, l = model.Config.LabelDim;
        var counts = new double[v * l];
        double length = 0;
        for (int u = 0; u < corpus.Count; u++)
        {
            foreach (int id in corpus.Texts[u].Ids) counts[id * l + corpus.Intents[u]]++;
            length += corpus.Texts[u].Length;
        }
        double k = length / corpus.Count;
        Assert.AreEqual(k, stats["document.U"]!.K, 1e-12, "K = mean length of the counted prefixes");
        for (int i = 0; i < l; i++)
        {
            double column = Enumerable.Range(0, v).Sum(w => counts[w * l + i]);
            for (int w = 0; w < v; w++)
            {
                double expected = Math.Log(counts[w * l + i] + 0.25) - (k - 1) / k * Math.Log(column + 0.25);
                Assert.AreEqual(expected, model.Weights.DocumentU![w * l + i], 1e-5, $"U_D[{w},{i}]");
            }
        }
    }

    [TestMethod]
    [DataRow(4, 0, false)]
    [DataRow(0, 2, false)]
    [DataRow(0, 0, true)]
    [DataRow(4, 3, true)]
    public void EveryContextAloneOrTogetherLearnsTheTrainingSet(int block, int radial, bool document)
    {
        var options = new TrainOptions { BlockSize = block, RadialSize = radial, Document = document, Solver = new SolverOptions { RefinementPasses = 2 } };
        var (model, corpus) = Untrained(options);
        new ExplicitSolver(model, options.Solver).Solve(corpus);
        Assert.IsGreaterThanOrEqualTo(0.8, HeldOutAccuracy.Of(model, corpus));
        foreach (var (name, _, _, data) in model.Weights.Tensors(model.Config))
            Assert.IsTrue(data.All(float.IsFinite), name);
    }

    [TestMethod]
    public void DocumentStatisticsAddUpAcrossDataSplits()
    {
        var options = new TrainOptions { BlockSize = 3, Solver = new SolverOptions { PrefixWeight = 0.5 } };
        var (model, corpus) = Untrained(options);
        var whole = new ExplicitSolver(model, options.Solver).Solve(corpus);
        var first = new EncodedCorpus(corpus.Texts.Take(4).ToList(), corpus.Intents.Take(4).ToList(), null);
        var rest = new EncodedCorpus(corpus.Texts.Skip(4).ToList(), corpus.Intents.Skip(4).ToList(), null);
        var a = new ExplicitSolver(model, options.Solver).Solve(first)["document.U"]!;
        var b = new ExplicitSolver(model, options.Solver).Solve(rest)["document.U"]!;
        a.Add(b);
        var all = whole["document.U"]!;
        Assert.AreEqual(all.NormSum, a.NormSum, 1e-9);
        Assert.AreEqual(all.WeightSum, a.WeightSum, 1e-9);
        Assert.AreEqual(all.Examples, a.Examples);
        for (int i = 0; i < all.F.Length; i++) Assert.AreEqual(all.F[i], a.F[i], 1e-9);
    }

    [TestMethod]
    public void LayersReportTheirK()
    {
        var options = new TrainOptions { BlockSize = 3, RadialSize = 2, Solver = new SolverOptions { RefinementPasses = 1, TauU = 4, TauO = 7 } };
        var (model, corpus) = Untrained(options);
        var stats = new ExplicitSolver(model, options.Solver).Solve(corpus);
        Assert.AreEqual(4, stats["block.U"]!.K, 1e-12, "K = τ_U for the attended vectors");
        Assert.AreEqual(21, stats["intent.O"]!.K, 1e-12, "K = τ_O × 3 parts");
        Assert.IsTrue(stats["radial.W"]!.K > 0.5, "K = mean ‖c‖₁ (the self-comparison alone is 1/k)");
        Assert.AreEqual(corpus.PrefixCount, stats["block.U"]!.Examples);
    }
}
