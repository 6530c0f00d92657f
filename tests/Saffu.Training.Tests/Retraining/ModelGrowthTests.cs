using Saffu.Training.Model;
using Saffu.Training.Retraining;
using Saffu.Training.Solver;
using Saffu.Training.Tests.Training;

namespace Saffu.Training.Tests.Retraining;

/// <summary>
/// Function-preserving growth (docs/retraining.md §Growth): after new words (each with a new code bit: the code width grows)
/// and new intents are grown and before any re-solve, every utterance without a new word gets bit-identical logits for the
/// old intents and bit-identical tag scores.
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
    [DataRow(6)]
    [DataRow(40)]
    public void NewWordsGetANewCodeBitEachAndZeroURows(int bits)
    {
        var (model, _) = TinyCorpus.RandomModel(bits);
        FloatModel grown = ModelGrowth.Grow(model, NewWords, []);
        int v = model.Vocabulary.Count, b = model.Config.Bits, l = model.Config.LabelDim;
        Assert.AreEqual(b + NewWords.Length, grown.Config.Bits, "b grows by the new words");
        Assert.AreEqual(v, grown.Config.GrownFrom);
        for (int j = 0; j < NewWords.Length; j++)
        {
            CollectionAssert.AreEqual(new short[] { (short)(b + j) }, grown.Codes.Of(v + j).ToArray(), NewWords[j]);
            for (int id = 0; id < v + NewWords.Length; id++)
                if (id != v + j) Assert.AreEqual(0f, grown.Codes.Compare(v + j, id), $"{NewWords[j]} shares no bit with id {id}");
        }
        foreach (var (name, grownU, oldU, cols) in new[] { ("document.U", grown.Weights.DocumentU, model.Weights.DocumentU, l) }
                     .Concat(grown.Weights.TagU.Select((t, j) => ($"tag.U{j}", (float[]?)t, (float[]?)model.Weights.TagU[j], model.Config.TagCount))))
        {
            Assert.HasCount((b + NewWords.Length) * cols, grownU!, name);
            CollectionAssert.AreEqual(oldU, grownU!.Take(b * cols).ToArray(), $"{name}: old rows kept");
            Assert.IsTrue(grownU!.Skip(b * cols).All(x => x == 0), $"{name}: new rows start at zero");
        }
    }

    [TestMethod]
    public void GrowingTwiceKeepsTheFirstGrownIdsBits()
    {
        var (model, _) = TinyCorpus.RandomModel();
        FloatModel once = ModelGrowth.Grow(model, NewWords, []);
        FloatModel twice = ModelGrowth.Grow(once, ["wombat"], []);
        int v = model.Vocabulary.Count, b = model.Config.Bits;
        Assert.AreEqual(v, twice.Config.GrownFrom, "the first growth's base stays");
        Assert.AreEqual(b + NewWords.Length + 1, twice.Config.Bits);
        for (int id = 0; id < once.Vocabulary.Count; id++) CollectionAssert.AreEqual(once.Codes.Of(id).ToArray(), twice.Codes.Of(id).ToArray(), $"id {id}");
        CollectionAssert.AreEqual(new short[] { (short)(b + NewWords.Length) }, twice.Codes.Of(twice.Vocabulary.IdOf("wombat")).ToArray());
        foreach (string text in OldTexts.Append("zebra quokka aff"))
        {
            float[][] before = once.PrefixLogits(text), after = twice.PrefixLogits(text);
            for (int p = 0; p < before.Length; p++)
                CollectionAssert.AreEqual(before[p].Select(BitConverter.SingleToInt32Bits).ToArray(), after[p].Select(BitConverter.SingleToInt32Bits).ToArray(), $"\"{text}\" position {p}");
        }
    }

    /// <summary>
    /// A known word grown again (a new alias's word, docs/retraining.md §Growth): its old entry is renamed out of the tokenizer's
    /// reach and it gets a new id and bit; every utterance without it scores bit-identically, and it reads only its new zero rows.
    /// </summary>
    [TestMethod]
    public void ARegrownWordGetsANewIdAndBitAndEverythingElseScoresTheSame()
    {
        var (model, _) = TinyCorpus.RandomModel(6, 7, true, scale: 2.0);
        string known = model.Vocabulary.Words.First(w => !w.StartsWith('<') && OldTexts.Any(t => t.Split(' ').Contains(w)));
        int oldId = model.Vocabulary.IdOf(known), v = model.Vocabulary.Count;
        FloatModel grown = ModelGrowth.Grow(model, ["zebra", known], []);
        Assert.AreEqual(v + 1, grown.Vocabulary.IdOf(known), "the re-grown word is the second new id");
        Assert.AreEqual($"<old:{known}>", grown.Vocabulary.Words[oldId], "the old entry keeps its code and rows under a name no token has");
        CollectionAssert.AreEqual(new short[] { (short)(model.Config.Bits + 1) }, grown.Codes.Of(v + 1).ToArray());
        Assert.AreEqual($"<old2:{known}>", ModelGrowth.Retired(known, [$"<old:{known}>"]));
        foreach (string text in OldTexts.Where(t => !t.Split(' ').Contains(known)))
        {
            float[][] before = model.PrefixLogits(text), after = grown.PrefixLogits(text);
            for (int p = 0; p < before.Length; p++)
                CollectionAssert.AreEqual(before[p].Select(BitConverter.SingleToInt32Bits).ToArray(), after[p].Select(BitConverter.SingleToInt32Bits).ToArray(), $"\"{text}\" position {p}");
            CollectionAssert.AreEqual(TagScores(model, text), TagScores(grown, text), $"tag scores of \"{text}\"");
        }
        Assert.IsTrue(OldTexts.Any(t => t.Split(' ').Contains(known)), "some text says the re-grown word");
    }

    /// <summary>
    /// The same on the device: the parent and the grown model (new and re-grown words, before any re-solve) exported with the
    /// default options and run through the device runtime decide every old utterance identically, every probability of every
    /// word's trace included (the new rows are zero, so no quantization scale moves).
    /// </summary>
    [TestMethod]
    [DataRow(6, 7)]
    [DataRow(40, 3)]
    public void OldUtterancesDecideIdenticallyOnTheDeviceAfterWordGrowth(int bits, int seed)
    {
        var (model, _) = TinyCorpus.RandomModel(bits, seed, true, scale: 2.0);
        string known = model.Vocabulary.Words.First(w => !w.StartsWith('<'));
        FloatModel grown = ModelGrowth.Grow(model, [.. NewWords, known], []);
        var before = Runner(model);
        var after = Runner(grown);
        foreach (string text in OldTexts.Where(t => !t.Split(' ').Contains(known)))
            Assert.AreEqual(Saffu.Training.Simulation.TranscriptJson.Line(before.Run(text, trace: true), before.Intents),
                Saffu.Training.Simulation.TranscriptJson.Line(after.Run(text, trace: true), after.Intents), $"seed {seed}: \"{text}\"");
    }

    static Saffu.Training.Simulation.TranscriptRunner Runner(FloatModel m) => new(Saffu.Training.Simulation.SimulatedModel.Load(
        Saffu.Training.Export.BlobExporter.Export(m, new byte[32], null, Saffu.Training.Export.ExportOptions.Default).Bytes, "model"));

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
        for (int i = 0; i < u.F.Length; i++) u.F[i] = i + 1;
        var wider = ModelGrowth.Statistics(u, c, 1, 3);
        Assert.AreEqual(c.Bits + 3, wider.Rows, "a zero row per new word's bit");
        CollectionAssert.AreEqual(u.F, wider.F.Take(u.F.Length).ToArray());
        Assert.IsTrue(wider.F.Skip(u.F.Length).All(x => x == 0));
        Assert.AreEqual(o.Rows, ModelGrowth.Statistics(o, c, 1, 3).Rows, "O's rows are label dimensions, not bits");
    }

    [TestMethod]
    public void RefusesGrowingPastTheLargestCodeWidth()
    {
        var (model, _) = TinyCorpus.RandomModel(bits: 4090);
        var many = Enumerable.Range(0, 7).Select(i => $"word{i}").ToList();
        var e = Assert.ThrowsExactly<ArgumentException>(() => ModelGrowth.Grow(model, many, []));
        StringAssert.Contains(e.Message, "at most 4096");
        Assert.AreEqual(4096, ModelGrowth.Grow(model, many.Take(6).ToList(), []).Config.Bits);
    }

    static float[] TagScores(FloatModel m, string text)
    {
        var scores = new List<float>();
        if (m.Config.TagHead) m.Run(m.NewState(), m.Vocabulary.Encode(text), s => scores.AddRange(s.TagScores));
        return scores.ToArray();
    }
}
