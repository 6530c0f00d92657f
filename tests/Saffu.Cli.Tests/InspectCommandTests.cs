using System.Text.Json;

namespace Saffu.Cli.Tests;

/// <summary>`saffu inspect` held to docs/cli.md: every part of a good blob, as much as can be read of a bad one, JSON keys.</summary>
[TestClass]
public sealed class InspectCommandTests
{
    [TestMethod]
    public void GoodBlobShowsHeaderSectionsConfigIdentityAndLabels()
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, "good.blob", BadBlobs.Good);
        var (code, output, error) = SaffuCli.Run("inspect", blob);
        Assert.AreEqual(0, code, error);
        foreach (string expected in new[] { "loads; RAM", "MACs for the first word", "header: magic SAFU, version 1", "(matches)", "section table",
            "Config", "MathTables", "Identity", "config: V ", "decision: none class none", "early decision Q15 29491",
            "identity: content hash", "(matches the sections)", "data hash", "trainer saffu 0.1.0", "intents (3): off, on, weather",
            "vocabulary: ", "anchor words: none (no anchor rule)", "action map: none" })
            StringAssert.Contains(output, expected);
    }

    [TestMethod]
    public void BlobThatDoesNotLoadIsShownAsFarAsItCanBeReadWithItsError()
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, "crc.blob", BadBlobs.Make("crc"));
        var (code, output, error) = SaffuCli.Run("inspect", blob);
        Assert.AreEqual(1, code);
        StringAssert.Contains(output, "does not load: ChecksumMismatch");
        StringAssert.Contains(output, "(computed 0x");
        StringAssert.Contains(output, "intents (3): off, on, weather");
        StringAssert.Contains(error, "ChecksumMismatch");

        string truncated = BadBlobs.Write(folder, "t.blob", BadBlobs.Make("truncated"));
        var (tCode, tOutput, _) = SaffuCli.Run("inspect", truncated);
        Assert.AreEqual(1, tCode);
        StringAssert.Contains(tOutput, "does not load: Truncated");
        StringAssert.Contains(tOutput, "past the end");

        string junk = BadBlobs.Write(folder, "junk.blob", "not a blob"u8.ToArray());
        var (jCode, jOutput, _) = SaffuCli.Run("inspect", junk);
        Assert.AreEqual(1, jCode);
        StringAssert.Contains(jOutput, "header: none");
    }

    [TestMethod]
    public void TheShippedBlobsActionMapShowsItsLayoutAndPhraseCounts()
    {
        string blob = Path.Combine(ExportCommandTests.RepoRoot(), "models", "lights", "lights.blob");
        var (code, output, error) = SaffuCli.Run("inspect", blob);
        Assert.AreEqual(0, code, error);
        StringAssert.Contains(output, "action map: layout 8, 9 lights, 5 areas, 19 colours, ");
        var map = Saffu.Runtime.Blob.ModelBlob.Load(File.ReadAllBytes(blob)).Model!.Actions.Map!;
        StringAssert.Contains(output, $" {map.PlaceCount} place, {map.LeadCount} lead and {map.DeviceCount} device phrases, step 20%");

        var (jsonCode, json, _) = SaffuCli.Run("inspect", blob, "--json");
        Assert.AreEqual(0, jsonCode);
        using var doc = JsonDocument.Parse(json);
        var actionMap = doc.RootElement.GetProperty("action_map");
        Assert.AreEqual(8, actionMap.GetProperty("layout").GetInt32());
        Assert.AreEqual(map.PlaceCount, actionMap.GetProperty("place_phrases").GetInt32());
        Assert.AreEqual(map.LeadCount, actionMap.GetProperty("lead_phrases").GetInt32());
        Assert.AreEqual(map.DeviceCount, actionMap.GetProperty("device_phrases").GetInt32());
    }

    [TestMethod]
    public void JsonHasEveryDocumentedKey()
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, "good.blob", BadBlobs.Good);
        var (code, output, _) = SaffuCli.Run("inspect", blob, "--json");
        Assert.AreEqual(0, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        foreach (string key in new[] { "file", "bytes", "loads", "error", "message", "header", "sections", "config", "decision", "identity",
            "intents", "vocabulary_size", "tag_labels", "anchor_words", "action_map", "ram_bytes", "macs_per_word" })
            Assert.IsTrue(root.TryGetProperty(key, out _), key);
        Assert.IsTrue(root.GetProperty("loads").GetBoolean());
        Assert.AreEqual("SAFU", root.GetProperty("header").GetProperty("magic").GetString());
        Assert.AreEqual(3, root.GetProperty("intents").GetArrayLength());
        Assert.IsTrue(root.GetProperty("identity").GetProperty("content_hash_ok").GetBoolean());
        Assert.IsGreaterThan(0, root.GetProperty("macs_per_word").GetProperty("first").GetInt64());

        string bad = BadBlobs.Write(folder, "bad.blob", BadBlobs.Make("magic"));
        var (badCode, badOutput, _) = SaffuCli.Run("inspect", bad, "--json");
        Assert.AreEqual(1, badCode);
        using var badDoc = JsonDocument.Parse(badOutput);
        Assert.AreEqual("BadMagic", badDoc.RootElement.GetProperty("error").GetString());
        Assert.AreEqual(JsonValueKind.Null, badDoc.RootElement.GetProperty("ram_bytes").ValueKind);
    }

    [TestMethod]
    public void MissingFileIsBadInputAndMissingArgumentIsUsage()
    {
        using var folder = new TestFolder();
        string missing = Path.Combine(folder.Path, "missing.blob");
        var (code, _, error) = SaffuCli.Run("inspect", missing);
        Assert.AreEqual(1, code);
        StringAssert.Contains(error, missing);
        Assert.AreEqual(2, SaffuCli.Run("inspect").Code);
    }
}
