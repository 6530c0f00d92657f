using Saffu.Training.Corpus;

namespace Saffu.Training.Tests.Corpus;

[TestClass]
public class JsonlFormatTests
{
    [TestMethod]
    public void ReadsTextIntentAndSlotsIgnoringOtherKeys()
    {
        using var temp = new TempFolder();
        string path = temp.File("lights.jsonl",
            "{\"text\": \"Dim the kitchen light to 30%\", \"intent\": \"HassLightSet\", \"slots\": {\"area\": \"kitchen\", \"brightness\": 30}, \"id\": 7}\n" +
            "\n" +
            "{\"intent\": \"HassTurnOff\", \"text\": \"lights off\"}\n");
        Dataset data = DatasetReader.Read(path);
        Assert.AreEqual(DatasetFormat.Jsonl, data.Format);
        Assert.HasCount(2, data.Utterances);
        Assert.AreEqual("kitchen", data.Utterances[0].Slots["area"]);
        Assert.AreEqual("30", data.Utterances[0].Slots["brightness"]);
        Assert.IsEmpty(data.Utterances[1].Slots);
        Assert.AreEqual(3, data.Utterances[1].Source.Line);
    }

    [TestMethod]
    [DataRow("not json at all", "invalid JSON")]
    [DataRow("[1, 2]", "a JSON array")]
    [DataRow("{\"intent\": \"x\"}", "no \"text\" string")]
    [DataRow("{\"text\": 5, \"intent\": \"x\"}", "\"text\" is a JSON number")]
    [DataRow("{\"text\": \"hi\"}", "no intent label")]
    [DataRow("{\"text\": \"hi\", \"intent\": \"x\", \"slots\": [1]}", "\"slots\" is a JSON array")]
    [DataRow("{\"text\": \"hi\", \"intent\": \"x\", \"slots\": {\"brightness\": 150}}", "integer percent 0..100")]
    [DataRow("{\"text\": \"hi\", \"intent\": \"x\", \"slots\": {\"brightness\": 12.5}}", "integer percent 0..100")]
    [DataRow("{\"text\": \"hi\", \"intent\": \"x\", \"slots\": {\"area\": 3}}", "non-empty string")]
    [DataRow("{\"text\": \"hi\", \"intent\": \"x\", \"slots\": {\"time\": \"now\"}}", "slots among name, area, color, brightness, step")]
    public void MalformedLinesNameLineAndExpectation(string bad, string message)
    {
        using var temp = new TempFolder();
        string path = temp.File("d.jsonl", "{\"text\": \"ok\", \"intent\": \"x\"}\n" + bad + "\n");
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(path));
        Assert.AreEqual(DatasetError.Malformed, e.Error);
        Assert.AreEqual(2, e.Line);
        StringAssert.Contains(e.Message, message);
        StringAssert.StartsWith(e.Message, path + ":2: found");

        Dataset skipped = DatasetReader.Read(path, new ReadOptions { SkipBadLines = true });
        Assert.HasCount(1, skipped.Utterances);
        Assert.AreEqual(1, skipped.SkippedLines);
    }

    [TestMethod]
    public void StepIsATextSlot()
    {
        using var temp = new TempFolder();
        string path = temp.File("d.jsonl", "{\"text\": \"dim the desk lamp\", \"intent\": \"HassLightSet\", \"slots\": {\"name\": \"desk lamp\", \"step\": \"down\"}}\n");
        Utterance u = DatasetReader.Read(path).Utterances.Single();
        Assert.AreEqual("down", u.Slots["step"]);
        Assert.IsNull(u.Tags, "files carry no tags: the trainer finds the slot values");
        string bad = temp.File("b.jsonl", "{\"text\": \"dim it\", \"intent\": \"x\", \"slots\": {\"step\": 1}}\n");
        StringAssert.Contains(Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(bad)).Message, "\"step\" as a non-empty string");
    }

    [TestMethod]
    public void IntentMayBeAbsentWhenNotRequired()
    {
        using var temp = new TempFolder();
        string path = temp.File("ood.jsonl", "{\"text\": \"what is the capital of peru\"}\n{\"text\": \"x\", \"intent\": null}\n");
        Dataset data = DatasetReader.Read(path, new ReadOptions { RequireIntent = false });
        Assert.HasCount(2, data.Utterances);
        Assert.IsNull(data.Utterances[0].Intent);
    }

    [TestMethod]
    public void AllLinesBadIsEmptyEvenWhenSkipping()
    {
        using var temp = new TempFolder();
        string path = temp.File("bad.jsonl", "{\n}\n");
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(path, new ReadOptions { SkipBadLines = true }));
        Assert.AreEqual(DatasetError.Empty, e.Error);
        StringAssert.Contains(e.Message, "2 bad lines skipped");
    }
}
