using Saffu.Training.Vocabulary;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Training;

[TestClass]
public class VocabularyMinCountTests
{
    [TestMethod]
    public void RareWordsEncodeAsOovExceptKeptOnes()
    {
        string[] texts = ["turn on the porch light", "turn on the light", "turn off the light please"];
        var v = VocabularyBuilder.Build(texts, 16, prependSod: true, minCount: 2, keep: new HashSet<string> { "porch", "lamp" });
        CollectionAssert.AreEquivalent(new[] { "<oov>", "<sod>", "turn", "on", "the", "light", "porch" }, v.Words.ToArray(),
            "off and please (once) are left out; porch is kept; lamp never occurs");
        EncodedText e = v.Encode("turn off the porch light please");
        Assert.AreEqual(v.OovId, e.Ids[2]);
        Assert.AreEqual(v.OovId, e.Ids[6]);
        Assert.AreEqual(v.IdOf("porch"), e.Ids[4]);
        var all = VocabularyBuilder.Build(texts, 16, prependSod: true);
        Assert.AreEqual(9, all.Count, "min count 1 keeps every type (7 words, <oov>, <sod>)");
    }

    [TestMethod]
    public void MinCountIsStoredAndLeftOutWordsCountAsOov()
    {
        using var temp = new TempFolder();
        var options = new TrainOptions { MinCount = 2, BlockSize = 0 };
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, options);
        Assert.IsFalse(result.Model.Vocabulary.Words.Contains("please"), "seen once");
        Assert.IsGreaterThan(0L, result.WordCounts[result.Model.Vocabulary.OovId], "the left-out words' tokens are counted as <oov>");
        string folder = Path.Combine(temp.Path, "m");
        ModelFolder.Save(folder, result, options, TinyCorpus.Train);
        Assert.AreEqual(2, ModelFolder.Load(folder).Options.MinCount);
    }
}
