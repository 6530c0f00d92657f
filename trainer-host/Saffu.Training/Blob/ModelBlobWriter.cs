using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using Saffu.Training.Quantization;

namespace Saffu.Training.Blob;

/// <summary>
/// Writes blob v1 exactly as docs/model-blob.md lays it out: header, section table, sections
/// (4-aligned, in kind order, Identity last), CRC-32 over the whole blob with its field as zero.
/// The same contents always give the same bytes.
/// </summary>
public static class ModelBlobWriter
{
    public const int HeaderSize = 32;
    public const int TableEntrySize = 16;
    public static readonly byte[] Magic = "SAFU"u8.ToArray();
    public const ushort Version = 1;

    public static byte[] Write(BlobContents model)
    {
        var sections = new List<(ushort Kind, bool Required, byte[] Bytes)>
        {
            (1, true, BlobSections.Config(model)),
            (2, true, BlobSections.Vocabulary(model.Vocabulary)),
            (3, true, BlobSections.Strings(model.Intents, withCount: true)),
            (4, true, BlobSections.MathTables()),
        };
        bool dense = model.Factored is null;
        if (model.Block is { } block) sections.Add((5, true, dense ? BlobSections.Tensors(block.W, block.U) : BlobSections.Tensors(block.W)));
        if (model.Radial is { } radial) sections.Add((6, true, dense ? BlobSections.Tensors(radial.W, radial.U) : BlobSections.Tensors(radial.W)));
        if (model.DocumentU is { } document) sections.Add((7, true, dense ? BlobSections.Tensors(document) : []));
        sections.Add((8, true, BlobSections.Tensors(model.IntentO)));
        if (model.TagHead is { } tags) sections.Add((9, true, BlobSections.TagHead(tags)));
        sections.Add((10, true, BlobSections.Decision(model.Decision)));
        if (model.Factored is { } factored)
        {
            if (factored.Factors.Count != model.Parts)
                throw new ArgumentException($"The blob has {factored.Factors.Count} factored U for {model.Parts} contexts; expected one per context.");
            sections.Add((FactoredTensorSection.Kind, true, FactoredTensorSection.Write(factored)));
        }
        foreach (var extra in model.Extra) sections.Add((extra.Kind, extra.Required, extra.Bytes));
        byte[] contentHash = ContentHash(sections.Select(s => s.Bytes));
        sections.Add((11, false, BlobSections.Identity(model.Identity, contentHash)));
        return Assemble(sections);
    }

    /// <summary>SHA-256 over the bytes of every section but Identity, in table order.</summary>
    public static byte[] ContentHash(IEnumerable<byte[]> sectionBytes)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var bytes in sectionBytes) sha.AppendData(bytes);
        return sha.GetHashAndReset();
    }

    private static byte[] Assemble(List<(ushort Kind, bool Required, byte[] Bytes)> sections)
    {
        int offset = HeaderSize + TableEntrySize * sections.Count;
        var offsets = new int[sections.Count];
        for (int i = 0; i < sections.Count; i++)
        {
            offsets[i] = offset;
            offset = Align4(offset + sections[i].Bytes.Length);
        }
        var blob = new byte[offset];
        WriteHeader(blob, sections.Count);
        for (int i = 0; i < sections.Count; i++)
        {
            var entry = blob.AsSpan(HeaderSize + TableEntrySize * i, TableEntrySize);
            BinaryPrimitives.WriteUInt16LittleEndian(entry, sections[i].Kind);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[2..], (ushort)(sections[i].Required ? 1 : 0));
            BinaryPrimitives.WriteUInt32LittleEndian(entry[4..], (uint)offsets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(entry[8..], (uint)sections[i].Bytes.Length);
            BinaryPrimitives.WriteUInt16LittleEndian(entry[12..], 4);
            sections[i].Bytes.CopyTo(blob, offsets[i]);
        }
        BinaryPrimitives.WriteUInt32LittleEndian(blob.AsSpan(12), Crc32.HashToUInt32(blob));
        return blob;
    }

    private static void WriteHeader(byte[] blob, int sectionCount)
    {
        var h = blob.AsSpan();
        Magic.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h[4..], Version);
        BinaryPrimitives.WriteUInt16LittleEndian(h[6..], HeaderSize);
        BinaryPrimitives.WriteUInt32LittleEndian(h[8..], (uint)blob.Length);
        BinaryPrimitives.WriteUInt16LittleEndian(h[16..], (ushort)sectionCount);
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], HeaderSize);
    }

    internal static int Align4(int n) => (n + 3) & ~3;

    internal static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
