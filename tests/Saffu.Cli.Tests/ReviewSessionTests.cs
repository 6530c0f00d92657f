using System.Text.Json.Nodes;
using Saffu.Cli.Commands;
using Saffu.Training.Retraining;
using Spectre.Console.Testing;

namespace Saffu.Cli.Tests;

/// <summary>`saffu review`'s prompts driven through Spectre's TestConsole: every answer, and resuming where it stopped.</summary>
[TestClass]
public sealed class ReviewSessionTests
{
    const string Log = """
        {"log_id":"5affe001","seq":1,"text":"switch the light aff","intent":"HassToggle","understood":true,"confidence":0.78,"slots":{},"top":"HassToggle","reason":null}
        {"log_id":"5affe001","seq":2,"text":"turn on the fairy lights","intent":"HassTurnOn","understood":true,"confidence":0.85,"slots":{},"top":"HassTurnOn","reason":null}
        {"log_id":"5affe001","seq":3,"text":"turn of the kitchen light","intent":"HassTurnOn","understood":true,"confidence":0.9,"slots":{"name":"kitchen light"},"top":"HassTurnOn","reason":null}
        {"log_id":"5affe001","seq":4,"text":"lights on","intent":"HassTurnOn","understood":true,"confidence":0.97,"slots":{},"top":"HassTurnOn","reason":null}
        {"log_id":"5affe001","seq":5,"text":"what a nice lamp","intent":null,"understood":false,"confidence":0.4,"slots":{},"top":"<none>","reason":"none_intent"}
        """;

    static readonly string[] Intents = ["<none>", "HassLightSet", "HassToggle", "HassTurnOff", "HassTurnOn"];

    /// <summary>Moves the selection down <paramref name="steps"/> times and picks.</summary>
    static void Pick(TestConsole console, int steps)
    {
        for (int i = 0; i < steps; i++) console.Input.PushKey(ConsoleKey.DownArrow);
        console.Input.PushKey(ConsoleKey.Enter);
    }

    [TestMethod]
    public void EveryAnswerBecomesItsRecordAndAReviewResumes()
    {
        using var folder = new TestFolder();
        string log = folder.File("log.jsonl", Log);
        string outPath = Path.Combine(folder.Path, "c.jsonl");
        var records = PulledLog.Read(log);
        var choices = ReviewSession.IntentChoices(Intents);   // HassLightSet, HassToggle, HassTurnOff, HassTurnOn, <none>
        var saved = new List<string>();
        var console = new TestConsole().Width(200).Interactive();
        // 1: wrong intent → HassTurnOff (3rd choice), done.
        Pick(console, 1); Pick(console, 2); Pick(console, 0);
        // 2: fix a slot → name (1st) "mood light", said "fairy lights", done.
        Pick(console, 3); Pick(console, 0); console.Input.PushTextWithEnter("mood light"); console.Input.PushTextWithEnter("fairy lights"); Pick(console, 0);
        // 3: retype "turn off the kitchen light", then wrong intent → HassTurnOff, done.
        Pick(console, 2); console.Input.PushTextWithEnter("turn off the kitchen light"); Pick(console, 1); Pick(console, 2); Pick(console, 0);
        // 4: accept; 5: quit.
        Pick(console, 0); Pick(console, 5);
        int done = new ReviewSession(console, choices, r => saved.Add(CorrectionsFile.Line(r))).Run(records, 0, records.Count);
        Assert.AreEqual(4, done, console.Output);
        File.WriteAllLines(outPath, saved);
        var read = CorrectionsFile.Read(outPath);
        Assert.AreEqual((Verdict.Corrected, "HassTurnOff", "switch the light aff"), (read[0].Verdict, read[0].Intent, read[0].Text));
        Assert.AreEqual(("mood light", "fairy lights"), (read[1].Slots["name"], read[1].SlotWords["name"]));
        Assert.AreEqual(("turn off the kitchen light", "HassTurnOff", "kitchen light"), (read[2].Text, read[2].Intent, read[2].Slots["name"]));
        Assert.AreEqual(Verdict.Ok, read[3].Verdict);
        StringAssert.Contains(console.Output, "switch the light aff");
        StringAssert.Contains(console.Output, "[2/5]");

        // Resume through the command: only record 5 is asked; skip it.
        var resume = new TestConsole().Width(200).Interactive();
        Pick(resume, 4);
        var previous = ReviewCommand.Console;
        ReviewCommand.Console = _ => resume;
        try
        {
            var (code, output, error) = SaffuCli.Run("review", log, "--out", outPath);
            Assert.AreEqual(0, code, error);
            StringAssert.Contains(resume.Output, "4 already in");
            StringAssert.Contains(resume.Output, "[5/5]");
            StringAssert.Contains(output, "reviewed 1 record(s)");
        }
        finally
        {
            ReviewCommand.Console = previous;
        }
        var all = CorrectionsFile.Read(outPath);
        Assert.HasCount(5, all);
        Assert.AreEqual(Verdict.Ignore, all[4].Verdict);
        Assert.AreEqual("5affe001:5", CorrectionsFile.RecordKey(all[4].Log!));
    }

    [TestMethod]
    public void ABadLogLineIsBadInputNamingTheLine()
    {
        using var folder = new TestFolder();
        string log = folder.File("log.jsonl", Log + "\n{\"seq\":6}\n");
        var (code, _, error) = SaffuCli.Run("review", log, "--out", Path.Combine(folder.Path, "c.jsonl"));
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, "log.jsonl:6: found a log record without a \"text\" string");
    }
}
