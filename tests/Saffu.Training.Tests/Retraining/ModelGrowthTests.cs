using Saffu.Training.Model;
using Saffu.Training.Retraining;
using Saffu.Training.Solver;
using Saffu.Training.Tests.Training;

namespace Saffu.Training.Tests.Retraining;

/// <summary>
/// Function-preserving growth (docs/retraining.md §Growth): after new words and new intents are grown and before any
/// re-solve, every utterance without a new word gets bit-identical logits for the old intents and bit-identical tag scores.
/// </summary>
[TestClass]
public class ModelGrowthTests
{
    static readonly string[] NewWords = ["zebra", "quokka", "aff"];
    static readonly string[] NewIntents = ["party", "alarm"];

    static IEnumerable<string> OldTexts => TinyCorpus.Train.Concat(TinyCorpus.Valid).Select(u => u.Text)
        .Append("").Append("the the the").Append("turn on some unknown words here");

    [TestMethod]
    [DataRow(6, 7, true)]
    [DataRow(6, 11, false)]
    [DataRow(40, 3, true)]
    public void OldUtterancesScoreBitIdenticallyAfterGrowth(int bits, int seed, bool includeParts)
    {
        var (model, _) = TinyCorpus.RandomModel(bits, seed, includeParts, scale: 2.0);
        FloatModel grown = ModelGrowth.Grow(model, NewWords, NewIntents);
        foreach (string text in OldTexts)
        {
            float[][] before = model.PrefixLogits(text), after = grown.PrefixLogits(text);
            Assert.HasCount(before.Length, after);
            for (int p = 0; p < before.Length; p++)
            {
                for (int i = 0; i < model.Intents.Count; i++)
                    Assert.AreEqual(BitConverter.SingleToInt32Bits(before[p][i]), BitConverter.SingleToInt32Bits(after[p][i]),
                        $"seed {seed}: \"{text}\" position {p} intent {model.Intents[i]}: {before[p][i]:R} became {after[p][i]:R}");
                for (int i = model.Intents.Count; i < grown.Intents.Count; i++)
                    Assert.IsLessThan(before[p].Min() - 100, after[p][i], $"the new intent {grown.Intents[i]} must never win: \"{text}\"");
            }
            CollectionAssert.AreEqual(model.PredictTags(model.Vocabulary.Encode(text)), grown.PredictTags(grown.Vocabulary.Encode(text)), text);
            CollectionAssert.AreEqual(TagScores(model, text), TagScores(grown, text), $"tag scores of \"{text}\"");
        }
    }

    [TestMethod]
    public void NewWordsGetTheNextRanksAndOldCodesStay()
    {
        var (model, _) = TinyCorpus.RandomModel();
        FloatModel grown = ModelGrowth.Grow(model, NewWords, []);
        int v = model.Vocabulary.Count;
        CollectionAssert.AreEqual(model.Vocabulary.Words.Concat(NewWords).ToList(), grown.Vocabulary.Words.ToList());
        for (int id = 0; id < v; id++) CollectionAssert.AreEqual(model.Codes.Of(id).ToArray(), grown.Codes.Of(id).ToArray(), $"id {id}");
        Assert.AreEqual(v, grown.Vocabulary.IdOf("zebra"));
        Assert.AreNotEqual(grown.Vocabulary.OovId, grown.Vocabulary.IdOf("quokka"));
        Assert.AreEqual(grown.Vocabulary.OovId, model.Vocabulary.IdOf("quokka"), "the parent reads a new word as <oov>");
    }

    [TestMethod]
    public void NewIntentsAreNewOutputColumnsOnly()
    {
        var (model, _) = TinyCorpus.RandomModel();
        FloatModel grown = ModelGrowth.Grow(model, [], NewIntents);
        CollectionAssert.AreEqual(model.Intents.Concat(NewIntents).ToList(), grown.Intents.ToList());
        Assert.AreEqual(model.Config.LabelDim, grown.Config.LabelDim, "b′ stays: every U, W and the tag head are untouched");
        Assert.AreEqual(model.Config.IntentCount + 2, grown.Config.IntentCount);
        CollectionAssert.AreEqual(model.Weights.DocumentU, grown.Weights.DocumentU);
        CollectionAssert.AreEqual(model.Weights.TagO, grown.Weights.TagO);
        Assert.AreEqual(model.NoneIntent, grown.NoneIntent);
    }

    [TestMethod]
    public void StatisticsGrowWithAZeroColumnPerNewIntent()
    {
        var (model, _) = TinyCorpus.RandomModel();
        var c = model.Config;
        var o = new LayerStatistics(StatisticsCounter.IntentO, c.Parts * c.LabelDim, c.IntentCount) { NormSum = 3, WeightSum = 2, Examples = 5 };
        for (int i = 0; i < o.F.Length; i++) o.F[i] = i + 1;
        var grown = ModelGrowth.Statistics(o, c, 1);
        Assert.AreEqual(o.Rows, grown.Rows);
        Assert.AreEqual(c.IntentCount + 1, grown.Cols);
        Assert.AreEqual(o.F.Sum(), grown.F.Sum(), "every old count kept, new entries zero");
        Assert.AreEqual(o.F[4 * c.IntentCount + 2], grown.F[4 * grown.Cols + 2], "row 4, intent 2");
        Assert.AreEqual(0, grown.F[4 * grown.Cols + c.IntentCount]);
        Assert.AreEqual(3, grown.NormSum);
        Assert.AreEqual(5, grown.Examples);
        var u = new LayerStatistics(StatisticsCounter.DocumentU, c.Bits, c.LabelDim);
        Assert.AreEqual(c.LabelDim, ModelGrowth.Statistics(u, c, 1).Cols, "U statistics keep their label columns");
    }

    [TestMethod]
    public void RefusesWordsTheCodeBitsCannotHold()
    {
        var (model, _) = TinyCorpus.RandomModel(bits: 6);
        int room = (1 << 6) - 1 - model.Vocabulary.Count;
        var many = Enumerable.Range(0, room + 1).Select(i => $"word{i}").ToList();
        var e = Assert.ThrowsExactly<ArgumentException>(() => ModelGrowth.Grow(model, many, []));
        StringAssert.Contains(e.Message, "do not fit the model's 6 code bits");
        Assert.AreEqual(model.Vocabulary.Count + room, ModelGrowth.Grow(model, many.Take(room).ToList(), []).Vocabulary.Count);
    }

    static float[] TagScores(FloatModel m, string text)
    {
        var scores = new List<float>();
        if (m.Config.TagHead) m.Run(m.NewState(), m.Vocabulary.Encode(text), s => scores.AddRange(s.TagScores));
        return scores.ToArray();
    }
}
