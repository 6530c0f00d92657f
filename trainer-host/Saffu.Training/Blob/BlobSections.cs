using System.Text;
using Saffu.Training.Quantization;

namespace Saffu.Training.Blob;

/// <summary>The bytes of each v1 section (docs/model-blob.md), one method per section kind.</summary>
internal static class BlobSections
{
    public static byte[] Config(BlobContents m)
    {
        var w = new SectionWriter();
        w.U16(m.Vocabulary.Count);
        w.U16(m.Bits);
        w.U8(Saffu.Runtime.Model.BitCipher.MaxPopcount(m.Vocabulary.Count, m.Bits, m.GrownFrom));
        w.U8((m.PrependSod ? 1 : 0) | (m.Block is null ? 0 : 2) | (m.Radial is null ? 0 : 4)
             | (m.DocumentU is null ? 0 : 8) | (m.TagHead is null ? 0 : 16) | (m.GrownFrom == 0 ? 0 : Saffu.Runtime.Blob.BlobFormat.FlagGrownCodes));
        w.U16(m.OovId);
        w.U16(m.SodId < 0 ? 0xFFFF : m.SodId);
        w.U16(m.NumId < 0 ? 0xFFFF : m.NumId);
        w.U16(m.LabelDim);
        w.U16(m.Intents.Count);
        w.U16(m.Block is null ? 0 : m.BlockSize);
        w.U16(m.Radial is null ? 0 : m.RadialSize);
        w.U16(m.MaxWords);
        w.U16(m.GrownFrom);
        return w.ToArray();
    }

    public static byte[] Vocabulary(IReadOnlyList<string> words)
    {
        byte[][] utf8 = words.Select(ModelBlobWriter.Utf8).ToArray();
        var w = new SectionWriter();
        w.U16(words.Count);
        w.U16(0);
        w.U32(utf8.Sum(b => b.Length));
        int offset = 0;
        foreach (var b in utf8) { w.U32(offset); offset += b.Length; }
        w.U32(offset);
        var sorted = Enumerable.Range(0, words.Count).ToArray();
        Array.Sort(sorted, (a, b) => utf8[a].AsSpan().SequenceCompareTo(utf8[b]));
        foreach (int id in sorted) w.U16(id);
        w.Pad4();
        foreach (var b in utf8) w.Bytes(b);
        return w.ToArray();
    }

    /// <summary>u8-length-prefixed strings, zero-padded to 4 (optionally after a u16 count and u16 reserved).</summary>
    public static byte[] Strings(IReadOnlyList<string> strings, bool withCount)
    {
        var w = new SectionWriter();
        if (withCount) { w.U16(strings.Count); w.U16(0); }
        foreach (var s in strings) w.String(s);
        w.Pad4();
        return w.ToArray();
    }

    public static byte[] MathTables()
    {
        var w = new SectionWriter();
        foreach (int v in Blob.MathTables.Exp2()) w.I32(v);
        foreach (int v in Blob.MathTables.Log2()) w.I32(v);
        w.I32(Blob.MathTables.Log2E);
        w.I32(Blob.MathTables.Ln2);
        return w.ToArray();
    }

    public static byte[] Tensors(params QuantizedTensor[] tensors)
    {
        var w = new SectionWriter();
        foreach (var t in tensors) w.Tensor(t);
        return w.ToArray();
    }

    public static byte[] TagHead(TagHeadContents tags)
    {
        var w = new SectionWriter();
        w.U16(tags.Labels.Count);
        w.U16(tags.U.Count);
        w.U8(tags.IncludeIntentParts ? 1 : 0);
        w.U8(0); w.U8(0); w.U8(0);
        foreach (var label in tags.Labels) w.String(label);
        w.Pad4();
        foreach (var u in tags.U) w.Tensor(u);
        w.Tensor(tags.O);
        return w.ToArray();
    }

    public static byte[] Decision(DecisionContents d)
    {
        var w = new SectionWriter();
        w.U16(d.NoneIntent < 0 ? 0xFFFF : d.NoneIntent);
        w.U16(d.RejectThresholdQ15);
        w.U16(d.EarlyThresholdQ15 < 0 ? 0xFFFF : d.EarlyThresholdQ15);
        w.U16(d.EarlyMinWords);
        w.U32(d.TemperatureQ16);
        return w.ToArray();
    }

    public static byte[] Identity(IdentityContents id, byte[] contentHash)
    {
        var w = new SectionWriter();
        w.Bytes(contentHash);
        w.Bytes(id.ParentHash ?? new byte[32]);
        w.Bytes(id.DataHash);
        w.I64(id.CreatedUnixSeconds);
        w.String(id.Trainer);
        w.Pad4();
        return w.ToArray();
    }
}

/// <summary>Little-endian section bytes, with the blob's string and tensor encodings.</summary>
internal sealed class SectionWriter
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public SectionWriter() => _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);

    public void U8(int v) => _writer.Write(checked((byte)v));
    public void U16(int v) => _writer.Write(checked((ushort)v));
    public void U32(int v) => _writer.Write(checked((uint)v));
    public void I32(int v) => _writer.Write(v);
    public void I64(long v) => _writer.Write(v);
    public void Bytes(byte[] b) => _writer.Write(b);

    public void String(string s)
    {
        byte[] b = ModelBlobWriter.Utf8(s);
        if (b.Length is < 1 or > 255) throw new ArgumentException($"String \"{s}\" is {b.Length} bytes; a blob string holds 1..255.");
        U8(b.Length);
        Bytes(b);
    }

    public void Pad4()
    {
        while (_stream.Length % 4 != 0) _writer.Write((byte)0);
    }

    public void Tensor(QuantizedTensor t)
    {
        Pad4();
        U16(t.Rows);
        U16(t.Cols);
        U8(t.Bits);
        U8(t.PerColumn ? 1 : 0);
        U16(0);
        for (int s = 0; s < t.M.Length; s++) { U16(t.M[s]); U8(t.E[s]); U8(0); }
        foreach (short q in t.Data)
        {
            if (t.Bits == 8) _writer.Write(checked((sbyte)q));
            else _writer.Write(q);
        }
        Pad4();
    }

    public byte[] ToArray()
    {
        _writer.Flush();
        return _stream.ToArray();
    }
}
