using Saffu.Training.Corpus;

namespace Saffu.Training.Tests.Corpus;

[TestClass]
public class CsvFormatTests
{
    static Dataset Read(string content, ReadOptions? options = null)
    {
        using var temp = new TempFolder();
        return DatasetReader.Read(temp.File("d.csv", content), options);
    }

    static DatasetException Fails(string content, ReadOptions? options = null)
    {
        using var temp = new TempFolder();
        string path = temp.File("d.csv", content);
        return Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(path, options));
    }

    [TestMethod]
    public void HeaderlessRecordsAreTextThenIntent()
    {
        Dataset data = Read("turn on the light,lights_on\r\n\"set it to 50%, please\",lights_set\r\n");
        Assert.AreEqual(DatasetFormat.Csv, data.Format);
        Assert.HasCount(2, data.Utterances);
        Assert.AreEqual("set it to 50%, please", data.Utterances[1].Text);
        Assert.AreEqual("lights_set", data.Utterances[1].Intent);
    }

    [TestMethod]
    public void HeaderFindsColumnsByNameAndReadsSlots()
    {
        Dataset data = Read("Intent,note,TEXT,area,brightness\nlights_set,x,dim the hall,hall,20\nlights_on,,lights on,,\n");
        Assert.HasCount(2, data.Utterances);
        Assert.AreEqual("dim the hall", data.Utterances[0].Text);
        Assert.AreEqual("hall", data.Utterances[0].Slots["area"]);
        Assert.AreEqual("20", data.Utterances[0].Slots["brightness"]);
        Assert.IsEmpty(data.Utterances[1].Slots);
        Assert.AreEqual(3, data.Utterances[1].Source.Line);
    }

    [TestMethod]
    public void QuotedFieldsHoldQuotesAndLineBreaks()
    {
        Dataset data = Read("text,intent\n\"say \"\"hi\"\"\nto mum\",send_message\nnext,other\n");
        Assert.AreEqual("say \"hi\"\nto mum", data.Utterances[0].Text);
        Assert.AreEqual(2, data.Utterances[0].Source.Line);
        Assert.AreEqual(4, data.Utterances[1].Source.Line);
    }

    [TestMethod]
    public void UnclosedQuoteIsMalformedAtItsRecord()
    {
        var e = Fails("ok,a\n\"never closed,b\nmore,c\n");
        Assert.AreEqual(DatasetError.Malformed, e.Error);
        Assert.AreEqual(2, e.Line);
        StringAssert.Contains(e.Message, "never closes");
    }

    [TestMethod]
    public void TextAfterClosingQuoteIsMalformed()
    {
        var e = Fails("\"quoted\"tail,a\n");
        StringAssert.Contains(e.Message, "after a closing quote");
        Assert.AreEqual(1, e.Line);
    }

    [TestMethod]
    public void WrongFieldCountIsMalformedOrSkipped()
    {
        var e = Fails("a,b\nturn on, the light,lights_on\n");
        StringAssert.Contains(e.Message, "3 fields");
        Dataset data = Read("a,b\nturn on, the light,lights_on\nc,d\n", new ReadOptions { SkipBadLines = true });
        Assert.HasCount(2, data.Utterances);
        Assert.AreEqual(1, data.SkippedLines);
    }

    [TestMethod]
    public void BadBrightnessCellIsMalformed()
    {
        var e = Fails("text,intent,brightness\ndim,lights_set,half\n");
        StringAssert.Contains(e.Message, "integer percent");
    }

    [TestMethod]
    public void HeaderOnlyIsEmpty()
    {
        Assert.AreEqual(DatasetError.Empty, Fails("text,intent\n").Error);
    }

    [TestMethod]
    public void UnknownExtensionAndMissingPathAreTyped()
    {
        using var temp = new TempFolder();
        string txt = temp.File("d.txt", "a,b\n");
        Assert.AreEqual(DatasetError.UnknownFormat, Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(txt)).Error);
        string missing = Path.Combine(temp.Path, "nope.csv");
        Assert.AreEqual(DatasetError.NotFound, Assert.ThrowsExactly<DatasetException>(() => DatasetReader.Read(missing)).Error);
    }
}
