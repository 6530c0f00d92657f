using Saffu.Training.Corpus;
using Saffu.Training.Slots;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Slots;

[TestClass]
public class SlotTaggingTests
{
    static readonly string[] Labels = ["O", "B-area", "I-area", "B-brightness", "I-brightness"];
    static readonly WordVocabulary Vocabulary = VocabularyBuilder.Build(["dim the living room to 30 percent"], 16, prependSod: true);

    static string[] Names(int[] tags) => tags.Select(t => t < 0 ? "-" : Labels[t]).ToArray();

    [TestMethod]
    public void TagsTextSlotsByTokensAndNumbersByValue()
    {
        var tagger = new SlotTagger(Labels);
        EncodedText text = Vocabulary.Encode("Dim the Living-Room to thirty percent");
        var slots = new Dictionary<string, string> { ["area"] = "living room", ["brightness"] = "30" };
        CollectionAssert.AreEqual(new[] { "-", "O", "O", "B-area", "I-area", "O", "B-brightness", "O" }, Names(tagger.Tag(text, slots)));
        Assert.AreEqual(0, tagger.Unmatched);
    }

    [TestMethod]
    public void SlotsNotInTheTextAreCounted()
    {
        var tagger = new SlotTagger(Labels);
        EncodedText text = Vocabulary.Encode("dim the room to 30 percent");
        var tags = tagger.Tag(text, new Dictionary<string, string> { ["area"] = "kitchen", ["brightness"] = "40" });
        Assert.IsTrue(tags.Skip(1).All(t => t == 0));
        Assert.AreEqual(2, tagger.Unmatched);
    }

    [TestMethod]
    public void DecodesSpansAsDocumented()
    {
        EncodedText text = Vocabulary.Encode("dim the living room to 30 percent");
        // I-area without a B starts a span; the number's value is the brightness.
        int[] tags = [-1, 0, 0, 2, 2, 0, 3, 4];
        var slots = TagDecoder.Decode(Labels, text, tags);
        Assert.AreEqual("living room", slots["area"]);
        Assert.AreEqual("30", slots["brightness"]);
    }

    [TestMethod]
    public void FirstSpanWinsAndBrightnessNeedsANumber()
    {
        EncodedText text = Vocabulary.Encode("dim the living room to the room");
        int[] tags = [-1, 3, 0, 1, 2, 0, 0, 1];
        var slots = TagDecoder.Decode(Labels, text, tags);
        Assert.AreEqual("living room", slots["area"]);
        Assert.IsFalse(slots.ContainsKey("brightness"), "a brightness span without a number has no value");
    }

    [TestMethod]
    public void TagSetListsSlotsInFixedOrder()
    {
        var u = new Utterance("x", "i", new Dictionary<string, string> { ["brightness"] = "3", ["area"] = "a" }, new SourceLine("t", 1));
        CollectionAssert.AreEqual(Labels, TagSet.For([u]).ToArray());
    }
}
