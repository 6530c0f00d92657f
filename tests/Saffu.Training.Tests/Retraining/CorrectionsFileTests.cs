using System.Text;
using Saffu.Training.Retraining;
using Saffu.Training.Tests.Home;

namespace Saffu.Training.Tests.Retraining;

/// <summary>The corrections format (docs/corrections.md): every verdict, the bad records with file:line, the writer.</summary>
[TestClass]
public class CorrectionsFileTests
{
    const string Log = """{"log_id":"5affe001","seq":7,"text":"switch the light aff","intent":"HassToggle","understood":true,"confidence":0.78,"slots":{},"top":"HassToggle","reason":null}""";
    const string NotUnderstood = """{"log_id":"5affe001","seq":8,"text":"is the kitchen light on","intent":null,"understood":false,"slots":{"name":"kitchen light"},"top":"HassTurnOn","reason":"none_intent"}""";

    static IReadOnlyList<Correction> Read(string text) => CorrectionsFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "c.jsonl");

    [TestMethod]
    public void EveryVerdictReadsAsTheSentenceItTeaches()
    {
        var all = Read($$$"""
            {"log":{{{Log}}},"verdict":"ok"}
            {"log":{{{Log}}},"verdict":"corrected","corrected_intent":"HassTurnOff"}

            {"log":{{{NotUnderstood}}},"verdict":"ok"}
            {"log":{{{Log}}},"verdict":"corrected","corrected_text":"switch the light off","corrected_slots":{"name":"kitchen light","brightness":40},"slot_words":{"name":"big lamp"}}
            {"log":{{{Log}}},"verdict":"ignore"}
            {"verdict":"new","text":"turn on the landing light","intent":"HassTurnOn","slots":{"area":"hallway"}}
            """);
        Assert.HasCount(6, all);
        Assert.AreEqual(("switch the light aff", "HassToggle", Verdict.Ok), (all[0].Text, all[0].Intent, all[0].Verdict));
        Assert.AreEqual(("switch the light aff", "HassTurnOff"), (all[1].Text, all[1].Intent));
        Assert.AreEqual("<none>", all[2].Intent, "an accepted refusal teaches the none class");
        Assert.AreEqual("kitchen light", all[2].Slots["name"]);
        Assert.AreEqual(("switch the light off", "HassToggle", "40", "big lamp"), (all[3].Text, all[3].Intent, all[3].Slots["brightness"], all[3].SlotWords["name"]));
        Assert.IsFalse(all[4].Teaches);
        Assert.IsNull(all[5].Log);
        Assert.AreEqual(("turn on the landing light", "HassTurnOn", "hallway"), (all[5].Text, all[5].Intent, all[5].Slots["area"]));
        Assert.AreEqual(5, all[3].Source.Line, "lines are counted with the blank one");
    }

    [TestMethod]
    [DataRow("""{"log":LOG,"verdict":"maybe"}""", "the verdict \"maybe\"")]
    [DataRow("""{"log":LOG}""", "no \"verdict\"")]
    [DataRow("""{"verdict":"ok"}""", "the verdict \"ok\" without \"log\"")]
    [DataRow("""{"log":LOG,"verdict":"corrected"}""", "\"corrected\" without a correction")]
    [DataRow("""{"log":LOG,"verdict":"ok","corrected_intent":"HassTurnOff"}""", "corrected_* or slot_words with the verdict \"ok\"")]
    [DataRow("""{"log":LOG,"verdict":"corrected","corrected_slots":{"brightness":150}}""", "\"brightness\" = 150")]
    [DataRow("""{"log":LOG,"verdict":"corrected","corrected_slots":{"room":"x"}}""", "the slot \"room\"")]
    [DataRow("""{"log":LOG,"verdict":"corrected","corrected_intent":"HassTurnOff","slot_words":{"brightness":"ten"}}""", "slot_words \"brightness\"")]
    [DataRow("""{"log":LOG,"verdict":"ok","note":"x"}""", "a key that does not belong")]
    [DataRow("""{"log":{"intent":"x"},"verdict":"ok"}""", "a log record without a \"text\" string")]
    [DataRow("""{"verdict":"new","text":"lights on"}""", "no \"intent\"")]
    [DataRow("""{"verdict":"new","text":"lights on","intent":"HassTurnOn","log":LOG}""", "\"new\" with a log record")]
    [DataRow("""{"log":LOG,"verdict":"ok",""", "invalid JSON")]
    [DataRow("""[1,2]""", "invalid JSON")]
    public void ABadRecordNamesFileLineAndWhatWasExpected(string line, string found)
    {
        string text = $$"""{"log":{{Log}},"verdict":"ok"}""" + "\n" + line.Replace("LOG", Log) + "\n";
        var e = Assert.ThrowsExactly<CorrectionsException>(() => Read(text));
        Assert.AreEqual(("c.jsonl", 2), (e.Path, e.Line));
        StringAssert.Contains(e.Found, found);
        StringAssert.StartsWith(e.Message, "c.jsonl:2: found ");
        Assert.IsFalse(string.IsNullOrEmpty(e.Expected));
    }

    [TestMethod]
    public void WrittenRecordsReadBackAndKeepTheLogRecordVerbatim()
    {
        var log = (System.Text.Json.Nodes.JsonObject)System.Text.Json.Nodes.JsonNode.Parse(Log)!;
        var record = new CorrectionRecord
        {
            Log = log, Verdict = "corrected", CorrectedIntent = "HassTurnOff",
            CorrectedSlots = SlotJson.ToJson(new Dictionary<string, string> { ["area"] = "kitchen", ["brightness"] = "30" }),
        };
        string line = CorrectionsFile.Line(record);
        Assert.AreEqual("{\"log\":" + Log + ",\"verdict\":\"corrected\",\"corrected_intent\":\"HassTurnOff\",\"corrected_slots\":{\"area\":\"kitchen\",\"brightness\":30}}", line);
        var back = Read(line + "\n").Single();
        Assert.AreEqual(("HassTurnOff", "kitchen", "30"), (back.Intent, back.Slots["area"], back.Slots["brightness"]));
        Assert.AreEqual("5affe001:7", CorrectionsFile.RecordKey(back.Log!));
    }

    [TestMethod]
    public void TheShippedCorrectionFamiliesRead()
    {
        foreach (string family in new[] { "scots-off", "fairy-lights", "landing" })
        {
            var all = CorrectionsFile.Read(RepoFiles.Path($"tests/data/lights/corrections/{family}.jsonl"));
            Assert.IsTrue(all.Count is >= 10 and <= 20, family);
            Assert.IsTrue(all.All(c => c.Log is not null && c.Teaches), family);
        }
    }
}
