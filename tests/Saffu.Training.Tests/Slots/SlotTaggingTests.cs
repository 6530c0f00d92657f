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
    public void AnInsideTagTakesOverTheSpanOfAnotherSlotEndingJustBefore()
    {
        // "living room" read as an area, then "percent" as I-brightness: the word-by-word tagger
        // only now knows the span belongs to brightness (docs/saffu-model.md §3).
        EncodedText text = Vocabulary.Encode("dim the living room percent to the room");
        int[] tags = [-1, 0, 0, 1, 2, 4, 0, 0, 1];
        var slots = TagDecoder.Decode(Labels, text, tags);
        Assert.IsFalse(slots.ContainsKey("brightness"), "the taken-over span has no number");
        Assert.AreEqual("room", slots["area"], "the area's first span was taken over, so the later one counts");
        text = Vocabulary.Encode("dim the living 30 percent");
        slots = TagDecoder.Decode(Labels, text, [-1, 0, 0, 1, 4, 0]);
        Assert.AreEqual("30", slots["brightness"]);
        Assert.IsFalse(slots.ContainsKey("area"));
    }

    [TestMethod]
    public void TagSetListsSlotsInFixedOrder()
    {
        var u = new Utterance("x", "i", new Dictionary<string, string> { ["brightness"] = "3", ["area"] = "a" }, new SourceLine("t", 1));
        CollectionAssert.AreEqual(Labels, TagSet.For([u]).ToArray());
    }

    static readonly string[] LightLabels = ["O", "B-name", "I-name", "B-area", "I-area", "B-brightness", "I-brightness", "B-step", "I-step"];

    static Utterance Said(string text, (string, string)[] slots, string[]? tags = null) =>
        new(text, "HassLightSet", slots.ToDictionary(p => p.Item1, p => p.Item2), new SourceLine("said.jsonl", 3), tags);

    [TestMethod]
    public void StepIsTaggedByItsWords()
    {
        var vocabulary = VocabularyBuilder.Build(["turn the hall light up"], 16, prependSod: true);
        var tagger = new SlotTagger(LightLabels);
        int[] tags = tagger.Tag(vocabulary.Encode("turn the hall light up"), Said("turn the hall light up", [("area", "hall"), ("step", "up")]));
        CollectionAssert.AreEqual(new[] { "-", "O", "O", "B-area", "O", "B-step" }, tags.Select(t => t < 0 ? "-" : LightLabels[t]).ToArray());
        Assert.AreEqual(0, tagger.Unmatched);
    }

    [TestMethod]
    public void OwnTagsTagAliasesAndStepWordsThatValuesCannotFind()
    {
        var vocabulary = VocabularyBuilder.Build(["dim the reading lamp a bit"], 16, prependSod: true);
        var text = vocabulary.Encode("dim the reading lamp a bit");
        (string, string)[] slots = [("name", "floor lamp"), ("step", "down")];
        var byValue = new SlotTagger(LightLabels);
        Assert.IsTrue(byValue.Tag(text, Said("dim the reading lamp a bit", slots)).Skip(1).All(t => t == 0), "canonical values are not the words");
        Assert.AreEqual(2, byValue.Unmatched);

        var exact = new SlotTagger(LightLabels);
        string[] own = ["B-step", "O", "B-name", "I-name", "O", "O"];
        int[] tags = exact.Tag(text, Said("dim the reading lamp a bit", slots, own));
        CollectionAssert.AreEqual(own, tags.Skip(1).Select(t => LightLabels[t]).ToArray());
        Assert.AreEqual(-1, tags[0], "<sod> has no tag");
        Assert.AreEqual(0, exact.Unmatched);
    }

    [TestMethod]
    public void OwnTagsThatDoNotFitAreABadLine()
    {
        var vocabulary = VocabularyBuilder.Build(["dim the lamp"], 16, prependSod: true);
        var tagger = new SlotTagger(LightLabels);
        var e = Assert.ThrowsExactly<DatasetException>(() => tagger.Tag(vocabulary.Encode("dim the lamp"), Said("dim the lamp", [], ["B-step", "O"])));
        StringAssert.StartsWith(e.Message, "said.jsonl:3: found 2 tags for 3 tokens");
        e = Assert.ThrowsExactly<DatasetException>(() => tagger.Tag(vocabulary.Encode("dim the lamp"), Said("dim the lamp", [], ["B-color", "O", "O"])));
        StringAssert.Contains(e.Message, "the tag \"B-color\"");
    }

    [TestMethod]
    public void TagSetHasStepLastAndSeesOwnTags()
    {
        var u = Said("dim the lamp", [], ["B-step", "O", "O"]);
        CollectionAssert.AreEqual(new[] { "O", "B-step", "I-step" }, TagSet.For([u]).ToArray());
        var all = new Utterance("x", "i", new Dictionary<string, string> { ["step"] = "up", ["color"] = "red", ["brightness"] = "3", ["area"] = "a", ["name"] = "n" },
            new SourceLine("t", 1));
        CollectionAssert.AreEqual(Saffu.Training.Grammar.LabelledSentence.TagLabels.ToArray(), TagSet.For([all]).ToArray(),
            "the trainer's tag order is the grammar's (and the runtime's)");
    }
}
