using System.Text.RegularExpressions;

namespace Saffu.Cli.Tests;

/// <summary>
/// `saffu inspect --json` pinned byte for byte (Golden/inspect-*.json; the `file` value normalized). When the System.Text.Json
/// source-generated writer replaced the hand-written Utf8JsonWriter, their outputs were diffed on the shipped blob and a
/// truncated copy: identical but for the new `lineage` key, written last.
/// </summary>
[TestClass]
public sealed class InspectGoldenTests
{
    [TestMethod]
    [DataRow("good")]
    [DataRow("crc")]
    [DataRow("truncated")]
    public void JsonIsByteForByteTheGoldenFile(string kind)
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, kind + ".blob", kind == "good" ? BadBlobs.Good : BadBlobs.Make(kind));
        var (_, output, _) = SaffuCli.Run("inspect", blob, "--json");
        string actual = Regex.Replace(output, "\"file\": \"[^\"]*\"", "\"file\": \"FILE\"");
        string golden = Path.Combine(AppContext.BaseDirectory, "Golden", $"inspect-{kind}.json");
        if (!File.Exists(golden) || File.ReadAllText(golden) != actual)
        {
            File.WriteAllText(Path.Combine(Path.GetTempPath(), $"inspect-{kind}.actual.json"), actual);
            Assert.Fail($"inspect --json of the {kind} blob differs from {golden}; the actual output is in {Path.GetTempPath()}inspect-{kind}.actual.json");
        }
    }
}
