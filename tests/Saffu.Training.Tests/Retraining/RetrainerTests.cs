using Saffu.Training.Corpus;
using Saffu.Training.Retraining;
using Saffu.Training.Solver;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Retraining;

/// <summary>
/// `Retrainer` on the tiny corpus: the re-solve of a model trained without fine-tuning is exactly the explicit solution of
/// the stored statistics plus the corrections' (as the trainer counts them at weight 1), and growth lets corrections bring
/// new words and a new intent.
/// </summary>
[TestClass]
public class RetrainerTests
{
    static readonly TrainOptions Options = new() { PrependSod = true, MinCount = 1, BlockSize = 0, RadialSize = 0, MaxWords = 16, FineTune = false };

    static Correction New(string text, string intent, int line) =>
        new(Verdict.New, null, text, intent, Utterance.NoSlots, Correction.None, new SourceLine("c.jsonl", line));

    static RetrainInput TrainedFolder(TempFolder temp)
    {
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, Options);
        string folder = Path.Combine(temp.Path, "model");
        ModelFolder.Save(folder, result, Options, TinyCorpus.Train);
        return Retrainer.Load(folder);
    }

    [TestMethod]
    public void ResolveAtWeightOneIsTheExplicitSolutionOfTheSummedStatistics()
    {
        using var temp = new TempFolder();
        RetrainInput input = TrainedFolder(temp);
        var corrections = new[] { New("lights on please", "on", 1), New("switch off the kitchen light", "off", 2), New("dim the hall", "dim", 3) };
        RetrainResult r = Retrainer.Retrain(input, corrections, weight: 1, RetrainUpdate.Resolve);
        Assert.IsTrue(r.Growth.IsEmpty, "every word is known");

        // The trainer's own counter over the corrections, added to what the folder stored.
        var model = input.Folder.Model;
        var corpus = EncodedCorpus.Encode(corrections.Select(c => c.Example).ToList(), model.Vocabulary, model.Intents, null, out _);
        var counter = new StatisticsCounter(model, Options.Solver);
        var counted = ChunkedPass.Run(corpus.Count, counter.UShapes(first: true).Where(s => s.Name == StatisticsCounter.DocumentU).ToArray(),
            counter.NewScratch, (partial, scratch, u) => counter.CountU(partial, scratch, corpus, u));
        LayerStatistics expected = input.Statistics[StatisticsCounter.DocumentU]!;
        expected.Add(counted[0]);
        LayerStatistics actual = r.Statistics[StatisticsCounter.DocumentU]!;
        CollectionAssert.AreEqual(expected.F, actual.F, "F(D) + F(D′)");
        Assert.AreEqual(expected.NormSum, actual.NormSum, 1e-9);
        Assert.AreEqual(expected.WeightSum, actual.WeightSum, 1e-9);
        Assert.AreEqual(expected.Examples, actual.Examples);
        float[] solved = ExplicitLayer.Solve(actual.F, actual.Rows, actual.Cols, actual.K, Options.Solver.Epsilon, Options.Solver.TauD);
        CollectionAssert.AreEqual(solved, r.Model.Weights.DocumentU, "a model that was not fine-tuned gets exactly the re-solve");
    }

    [TestMethod]
    public void CorrectionsBringNewWordsAndANewIntent()
    {
        using var temp = new TempFolder();
        RetrainInput input = TrainedFolder(temp);
        var corrections = Enumerable.Range(0, 4).SelectMany(i => new[]
        {
            New("party mode now", "party", 2 * i + 1), New("start the party lights", "party", 2 * i + 2),
        }).Append(New("lights aff", "off", 9)).ToList();
        RetrainResult r = Retrainer.Retrain(input, corrections, weight: 3, RetrainUpdate.Replay);
        CollectionAssert.AreEqual(new[] { "party", "mode", "now", "start", "aff" }, r.Growth.NewWords.ToArray());
        CollectionAssert.AreEqual(new[] { "party" }, r.Growth.NewIntents.ToArray());
        Assert.AreEqual("party", r.Model.Intents[^1]);
        Assert.AreEqual(input.Folder.Model.Config.LabelDim, r.Model.Config.LabelDim);
        // The new intent is an output column only (b′ stays, docs/retraining.md §Growth): its corrections are counted into O's
        // statistics and its column starts from their explicit solution, far above the growth floor. (It does not win on
        // this tiny model: with b′ = 3 the s-vectors of "party" sentences look like the old intents' — a documented limit.)
        LayerStatistics o = r.Statistics[StatisticsCounter.IntentO]!;
        int party = r.Model.Intents.Count - 1;
        Assert.IsGreaterThan(0.0, Enumerable.Range(0, o.Rows).Sum(row => o.F[row * o.Cols + party]));
        float[] logits = r.Model.Logits(r.Model.Vocabulary.Encode("party mode please"));
        Assert.IsGreaterThan(logits.Take(party).Min() - 100, logits[party], string.Join(", ", logits));
        Assert.AreEqual(input.WordCounts.Length + 5, r.WordCounts.Length);
        Assert.AreEqual(8, r.WordCounts[r.Model.Vocabulary.IdOf("party")], "\"party\" said 8 times");
    }

    [TestMethod]
    public void AModelWithoutStatisticsIsRefused()
    {
        using var temp = new TempFolder();
        var options = Options with { Start = StartingPoint.Random, FineTune = true, FineTuning = new() { Epochs = 1, BatchSize = 4 } };
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, options);
        string folder = Path.Combine(temp.Path, "random");
        ModelFolder.Save(folder, result, options, TinyCorpus.Train);
        var e = Assert.ThrowsExactly<RetrainException>(() => Retrainer.Retrain(Retrainer.Load(folder), [New("lights on", "on", 1)], 1));
        StringAssert.Contains(e.Message, "--start random");
    }
}
