using Saffu.Training.Solver;
using Saffu.Training.Tests.Training;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Solver;

[TestClass]
public class LanguageModelHeadTests
{
    [TestMethod]
    public void TrainingSentencesAreLessSurprisingThanUnknownWords()
    {
        var result = Trainer.Train(TinyCorpus.Train, TinyCorpus.Valid, new TrainOptions { MinCount = 1, BlockSize = 0, RadialSize = 0, FineTune = false });
        var model = result.Model;
        var corpus = EncodedCorpus.Encode(TinyCorpus.Train, model.Vocabulary, model.Intents, null, out _);
        var lm = LanguageModelHead.Solve(model, corpus);
        Assert.AreEqual((long)model.Config.Parts * model.Config.LabelDim * model.Vocabulary.Count, lm.Parameters);
        double seen = lm.Surprisal(model, model.Vocabulary.Encode("turn on the kitchen light"));
        double unknown = lm.Surprisal(model, model.Vocabulary.Encode("what is the weather like tomorrow"));
        Assert.IsLessThan(unknown, seen);
        Assert.IsLessThan(Math.Log(model.Vocabulary.Count), seen, "better than a uniform guess");
        Assert.AreEqual(0, lm.Surprisal(model, model.Vocabulary.Encode("")));
    }
}
