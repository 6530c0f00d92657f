using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text.Json;
using Saffu.Training.Export;

namespace Saffu.Cli.Tests;

/// <summary>`saffu verify` held to docs/cli.md: OK and a summary, or the typed error on stderr and exit 1; usage exit 2.</summary>
[TestClass]
public sealed class VerifyCommandTests
{
    [TestMethod]
    public void GoodBlobIsOkWithASummary()
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, "good.blob", BadBlobs.Good);
        var (code, output, error) = SaffuCli.Run("verify", blob);
        Assert.AreEqual(0, code, error);
        StringAssert.StartsWith(output, $"OK {blob}: blob v1, ");
        StringAssert.Contains(output, "3 intents");
        StringAssert.Contains(output, "ok");
        Assert.AreEqual("", error);
    }

    [TestMethod]
    [DataRow("truncated", "Truncated")]
    [DataRow("version2", "UnsupportedVersion")]
    [DataRow("crc", "ChecksumMismatch")]
    [DataRow("magic", "BadMagic")]
    [DataRow("empty", "Truncated")]
    [DataRow("hash", "ContentHashMismatch")]
    public void BadBlobIsTheTypedErrorAndExit1(string kind, string expected)
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, kind + ".blob", BadBlobs.Make(kind));
        var (code, output, error) = SaffuCli.Run("verify", blob);
        Assert.AreEqual(1, code);
        Assert.AreEqual("", output);
        StringAssert.StartsWith(error, $"saffu verify: {blob}: {expected}: ");
        Assert.AreEqual(1, error.Trim().Split('\n').Length, "one message");
    }

    [TestMethod]
    public void JsonCarriesTheErrorNameAndMessage()
    {
        using var folder = new TestFolder();
        string blob = BadBlobs.Write(folder, "v2.blob", BadBlobs.Make("version2"));
        var (code, output, _) = SaffuCli.Run("verify", blob, "--json");
        Assert.AreEqual(1, code);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.IsFalse(root.GetProperty("ok").GetBoolean());
        Assert.AreEqual("UnsupportedVersion", root.GetProperty("error").GetString());
        StringAssert.Contains(root.GetProperty("message").GetString(), "version 2");
        foreach (string key in new[] { "file", "bytes", "content_hash", "content_hash_ok", "ram_bytes", "summary" })
            Assert.IsTrue(root.TryGetProperty(key, out _), key);

        string good = BadBlobs.Write(folder, "good.blob", BadBlobs.Good);
        var (okCode, okOutput, _) = SaffuCli.Run("verify", good, "--json");
        Assert.AreEqual(0, okCode);
        using var okDoc = JsonDocument.Parse(okOutput);
        Assert.IsTrue(okDoc.RootElement.GetProperty("ok").GetBoolean());
        Assert.AreEqual(JsonValueKind.Null, okDoc.RootElement.GetProperty("error").ValueKind);
        Assert.IsTrue(okDoc.RootElement.GetProperty("content_hash_ok").GetBoolean());
        Assert.IsGreaterThan(0, okDoc.RootElement.GetProperty("ram_bytes").GetInt32());
    }

    [TestMethod]
    public void MissingFileFolderAndOversizeFileAreBadInputNamingThePath()
    {
        using var folder = new TestFolder();
        string missing = Path.Combine(folder.Path, "missing.blob");
        string huge = Path.Combine(folder.Path, "huge.blob");
        using (var stream = File.Create(huge)) stream.SetLength(5 * 1024 * 1024);
        foreach (var (path, expected) in new[] { (missing, "no such file"), (folder.Path, "a folder"), (huge, "5,242,880 bytes") })
        {
            var (code, _, error) = SaffuCli.Run("verify", path);
            Assert.AreEqual(1, code, path);
            StringAssert.Contains(error, path);
            StringAssert.Contains(error, expected);
        }
    }

    [TestMethod]
    public void MissingArgumentIsUsage()
    {
        var (code, _, error) = SaffuCli.Run("verify");
        Assert.AreEqual(2, code);
        StringAssert.Contains(error, "--help");
        Assert.AreEqual(2, SaffuCli.Run("verify", "a.blob", "--bogus").Code);
    }
}

/// <summary>A good tiny blob and one handcrafted bad blob per failure kind.</summary>
internal static class BadBlobs
{
    private static readonly Lazy<byte[]> good = new(() =>
    {
        using var folder = new TestFolder();
        return ModelFolderExport.Export(TinyModel.Train(folder), ExportOptions.Default).Bytes;
    });

    public static byte[] Good => (byte[])good.Value.Clone();

    public static byte[] Make(string kind)
    {
        byte[] b = Good;
        switch (kind)
        {
            case "truncated": return b[..(b.Length / 2)];
            case "version2": b[4] = 2; return b;
            case "crc": b[b.Length / 2] ^= 0x40; return b;
            case "magic": b[0] = (byte)'X'; return b;
            case "empty": return [];
            case "hash":
                // A weight changed and the CRC recomputed: the runtime loads it, only the content hash can tell.
                var layout = BlobLayout.Read(b);
                var document = layout.Sections.Single(s => s.Name == "DocumentContext");
                b[document.Offset + document.Length - 8] ^= 0x01;
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(12), 0);
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(12), Crc32.HashToUInt32(b));
                return b;
            default: throw new ArgumentException(kind);
        }
    }

    public static string Write(TestFolder folder, string name, byte[] bytes)
    {
        string path = Path.Combine(folder.Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
