using System.Text;
using Saffu.Training.Corpus;

namespace Saffu.Training.Tests.Corpus;

[TestClass]
public class LineLimitTests
{
    [TestMethod]
    public void OneMegabyteLineIsRefusedAndTheNextLineStillReads()
    {
        using var temp = new TempFolder();
        var content = new StringBuilder();
        content.Append("{\"text\":\"fine\",\"intent\":\"a\"}\n");
        content.Append("{\"text\":\"").Append('x', ReadOptions.DefaultMaxLineBytes).Append("\",\"intent\":\"a\"}\n");
        content.Append("{\"text\":\"also fine\",\"intent\":\"b\"}\n");
        string path = temp.File("big.jsonl", content.ToString());

        var e = Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(path));
        Assert.AreEqual(DatasetError.LineTooLong, e.Error);
        Assert.AreEqual(2, e.Line);
        StringAssert.Contains(e.Message, "big.jsonl:2");

        Dataset data = DatasetReader.Read(path, new ReadOptions { SkipBadLines = true });
        CollectionAssert.AreEqual(new[] { "fine", "also fine" }, data.Utterances.Select(u => u.Text).ToArray());
        Assert.AreEqual(3, data.Utterances[1].Source.Line);
    }

    [TestMethod]
    public void LimitCountsBytesNotTheLineBreak()
    {
        byte[] exact = Encoding.UTF8.GetBytes("abcd\r\nabcde\nabc");
        var lines = new LineReader(new MemoryStream(exact), "mem", maxLineBytes: 4).Lines().ToList();
        Assert.HasCount(3, lines);
        Assert.AreEqual("abcd", lines[0].Text);
        Assert.AreEqual(DatasetError.LineTooLong, lines[1].Problem!.Error);
        Assert.AreEqual("abc", lines[2].Text);
    }

    [TestMethod]
    public void LongLineAcrossManyBuffersIsSkippedWithoutHoldingIt()
    {
        var bytes = new byte[3 * 64 * 1024 + 10];
        Array.Fill(bytes, (byte)'y');
        bytes[^4] = (byte)'\n';
        var lines = new LineReader(new MemoryStream(bytes), "mem", maxLineBytes: 1000).Lines().ToList();
        Assert.HasCount(2, lines);
        Assert.AreEqual(DatasetError.LineTooLong, lines[0].Problem!.Error);
        Assert.AreEqual("yyy", lines[1].Text);
    }
}
