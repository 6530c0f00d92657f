using Saffu.Training.Corpus;

namespace Saffu.Training.Tests.Corpus;

[TestClass]
public class FolderFormatTests
{
    static string Folder(TempFolder temp, string texts, string labels)
    {
        temp.File("set/seq.in", texts);
        temp.File("set/label", labels);
        return Path.Combine(temp.Path, "set");
    }

    [TestMethod]
    public void ReadsAlignedLinesWithCrLfAndBom()
    {
        using var temp = new TempFolder();
        string dir = Folder(temp, "\uFEFFwake me up at seven am\r\nturn on the kitchen light\r\n", "alarm_set\r\niot_hue_lighton\r\n");
        Dataset data = DatasetReader.Read(dir);
        Assert.AreEqual(DatasetFormat.Folder, data.Format);
        Assert.HasCount(2, data.Utterances);
        Assert.AreEqual("wake me up at seven am", data.Utterances[0].Text);
        Assert.AreEqual("iot_hue_lighton", data.Utterances[1].Intent);
        Assert.AreEqual(2, data.Utterances[1].Source.Line);
        Assert.AreEqual(0, data.SkippedLines);
        CollectionAssert.AreEqual(new[] { "alarm_set", "iot_hue_lighton" }, data.Intents().ToArray());
    }

    [TestMethod]
    public void MismatchedLineCountsNameBothCounts()
    {
        using var temp = new TempFolder();
        string dir = Folder(temp, "a\nb\nc\n", "x\ny\n");
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(dir, new ReadOptions { SkipBadLines = true }));
        Assert.AreEqual(DatasetError.LineCountMismatch, e.Error);
        StringAssert.Contains(e.Message, "seq.in has 3 lines but label has 2");
    }

    [TestMethod]
    public void EmptyFilesAreAnError()
    {
        using var temp = new TempFolder();
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(Folder(temp, "", "")));
        Assert.AreEqual(DatasetError.Empty, e.Error);
    }

    [TestMethod]
    public void MissingLabelFileIsNotFound()
    {
        using var temp = new TempFolder();
        temp.File("set/seq.in", "hello\n");
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(Path.Combine(temp.Path, "set")));
        Assert.AreEqual(DatasetError.NotFound, e.Error);
        StringAssert.Contains(e.Message, "no label");
    }

    [TestMethod]
    public void InvalidUtf8NamesTheLineOrIsSkipped()
    {
        using var temp = new TempFolder();
        temp.Bytes("set/seq.in", [.. "good one\n"u8, 0x62, 0xC3, 0x28, 0x0A, .. "good two\n"u8]);
        temp.File("set/label", "a\nb\nc\n");
        string dir = Path.Combine(temp.Path, "set");
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(dir));
        Assert.AreEqual(DatasetError.InvalidUtf8, e.Error);
        Assert.AreEqual(2, e.Line);
        StringAssert.Contains(e.Message, "seq.in:2");

        Dataset data = DatasetReader.Read(dir, new ReadOptions { SkipBadLines = true });
        Assert.HasCount(2, data.Utterances);
        Assert.AreEqual(1, data.SkippedLines);
        Assert.AreEqual("c", data.Utterances[1].Intent, "alignment kept after the skipped line");
    }

    [TestMethod]
    public void UnknownLabelAtEvaluationTime()
    {
        using var temp = new TempFolder();
        string dir = Folder(temp, "turn it on\nplay jazz\n", "lights_on\nplay_music\n");
        var known = new HashSet<string> { "lights_on", "lights_off" };
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(dir, new ReadOptions { KnownIntents = known }));
        Assert.AreEqual(DatasetError.UnknownLabel, e.Error);
        Assert.AreEqual(2, e.Line);
        StringAssert.Contains(e.Message, "\"play_music\"");
        StringAssert.Contains(e.Message, "lights_off, lights_on");

        Dataset data = DatasetReader.Read(dir, new ReadOptions { KnownIntents = known, SkipBadLines = true });
        Assert.HasCount(1, data.Utterances);
        Assert.AreEqual(DatasetError.UnknownLabel, data.Skipped[0].Error);
    }

    [TestMethod]
    public void EmptyTranscriptOrLabelIsMalformed()
    {
        using var temp = new TempFolder();
        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(Folder(temp, "ok\n  \n", "x\ny\n")));
        Assert.AreEqual(DatasetError.Malformed, e.Error);
        Assert.AreEqual(2, e.Line);
        using var temp2 = new TempFolder();
        e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(Folder(temp2, "ok\nfine\n", "x\n\n")));
        StringAssert.Contains(e.Message, "no intent label");
    }

    [TestMethod]
    public void ReadsRealHwu64WhenPresent()
    {
        string? dir = SharedData.Find("hwu64/valid");
        if (dir is null) Assert.Inconclusive("../shared/data/hwu64 not present");
        Dataset data = DatasetReader.Read(dir);
        Assert.HasCount(1076, data.Utterances);
        Assert.AreEqual(0, data.SkippedLines);
        Assert.IsTrue(data.Intents().Count > 50);
    }
}
