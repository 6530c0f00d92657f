using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;

namespace Saffu.Training.Export;

/// <summary>The 32-byte header as stored (docs/model-blob.md), with the CRC recomputed.</summary>
public sealed record BlobHeader(string Magic, int Version, int HeaderSize, long TotalLength, uint StoredCrc, uint ComputedCrc,
    int SectionCount, int Flags, long TableOffset)
{
    public bool CrcMatches => StoredCrc == ComputedCrc;
}

/// <summary>A section table entry as stored; <see cref="InBounds"/> when its bytes lie inside the blob.</summary>
public sealed record BlobSection(int Kind, string Name, bool Required, long Offset, long Length, int Alignment, bool InBounds);

/// <summary>Config section fields (docs/model-blob.md §1).</summary>
public sealed record BlobConfig(int VocabSize, int Bits, int MaxPopcount, int Flags, int OovId, int SodId, int NumId, int LabelDim,
    int IntentCount, int BlockSize, int RadialSize, int MaxWords, int GrownFrom)
{
    public bool PrependSod => (Flags & BlobFormat.FlagPrependSod) != 0;
    public bool Block => (Flags & BlobFormat.FlagBlock) != 0;
    public bool Radial => (Flags & BlobFormat.FlagRadial) != 0;
    public bool Document => (Flags & BlobFormat.FlagDocument) != 0;
    public bool TagHead => (Flags & BlobFormat.FlagTagHead) != 0;
}

/// <summary>Decision section fields (§10), in their stored integer formats.</summary>
public sealed record BlobDecision(int NoneIntent, int RejectThresholdQ15, int EarlyThresholdQ15, int EarlyMinWords, long TemperatureQ16);

/// <summary>Identity section fields (§11).</summary>
public sealed record BlobIdentity(byte[] ContentHash, byte[] ParentHash, byte[] DataHash, long CreatedUnixSeconds, string Trainer);

/// <summary>The ActionMap section's layout (7, or null for the unversioned layouts 1..6) and counts (docs/action-map.md).</summary>
public sealed record BlobActionMapCounts(int? Layout, int Lights, int Areas, int Colors, int Steps, int StepPercent, int Places, int Leads, int Devices)
{
    /// <summary>"layout 8, 9 lights, 5 areas, 19 colours, 59 step phrases, 67 place, 275 lead and 139 device phrases, step 20%".</summary>
    public string Summary => $"layout {(Layout is { } v ? v.ToString() : "1–6")}, {Lights} lights, {Areas} areas, {Colors} colours, "
        + $"{Steps} step phrases, {Places} place, {Leads} lead and {Devices} device phrases, step {StepPercent}%";
}

/// <summary>
/// A host-side, read-only view of a blob's structure for `saffu inspect`, `saffu verify` and the export
/// size report. Unlike the runtime loader it validates nothing beyond bounds: it reads whatever it
/// can of a blob that does not load (a field it cannot reach is null), so the tools can show where
/// a bad blob goes wrong. The runtime loader (<see cref="ModelBlob.Load(byte[])"/>) is the judge of validity.
/// </summary>
public sealed class BlobLayout
{
    private readonly byte[] _bytes;

    private BlobLayout(byte[] bytes, BlobHeader? header, IReadOnlyList<BlobSection> sections)
    {
        _bytes = bytes;
        Header = header;
        Sections = sections;
    }

    /// <summary>Bytes given.</summary>
    public int Length => _bytes.Length;
    /// <summary>Null when the blob is shorter than a header.</summary>
    public BlobHeader? Header { get; }
    /// <summary>The entries of the section table that lie within the given bytes, in table order.</summary>
    public IReadOnlyList<BlobSection> Sections { get; }

    public static BlobLayout Read(byte[] bytes)
    {
        if (bytes.Length < BlobFormat.HeaderSize) return new BlobLayout(bytes, null, []);
        var h = bytes.AsSpan();
        var header = new BlobHeader(MagicText(h[..4]), U16(h, 4), U16(h, 6), U32(h, 8), (uint)U32(h, 12), Crc(bytes),
            U16(h, 16), U16(h, 18), U32(h, 20));
        var sections = new List<BlobSection>();
        for (int i = 0; i < Math.Min(header.SectionCount, BlobFormat.MaxSections); i++)
        {
            long at = header.TableOffset + (long)BlobFormat.SectionEntrySize * i;
            if (at + BlobFormat.SectionEntrySize > bytes.Length) break;
            var e = h.Slice((int)at, BlobFormat.SectionEntrySize);
            int kind = U16(e, 0);
            long offset = U32(e, 4), length = U32(e, 8);
            sections.Add(new BlobSection(kind, KindName(kind), (U16(e, 2) & BlobFormat.SectionRequired) != 0, offset, length, U16(e, 12),
                offset + length <= bytes.Length));
        }
        return new BlobLayout(bytes, header, sections);
    }

    /// <summary>The section kind's name in docs/model-blob.md, or "unknown".</summary>
    public static string KindName(int kind) => Enum.IsDefined(typeof(SectionKind), kind) ? ((SectionKind)kind).ToString() : "unknown";

    /// <summary>The bytes of the first in-bounds section of that kind, or null.</summary>
    public byte[]? SectionBytes(SectionKind kind)
    {
        var s = Sections.FirstOrDefault(x => x.Kind == (int)kind && x.InBounds);
        return s is null ? null : _bytes.AsSpan((int)s.Offset, (int)s.Length).ToArray();
    }

    /// <summary>SHA-256 of every in-bounds section but Identity, in table order (docs/model-blob.md §11).</summary>
    public byte[] ComputeContentHash()
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var s in Sections)
            if (s.Kind != (int)SectionKind.Identity && s.InBounds) sha.AppendData(_bytes, (int)s.Offset, (int)s.Length);
        return sha.GetHashAndReset();
    }

    public BlobConfig? Config => Parse(SectionKind.Config, r => new BlobConfig(r.U16(), r.U16(), r.U8(), r.U8(), r.U16(), r.U16(), r.U16(),
        r.U16(), r.U16(), r.U16(), r.U16(), r.U16(), r.U16()));

    public BlobDecision? Decision => Parse(SectionKind.Decision, r => new BlobDecision(r.U16(), r.U16(), r.U16(), r.U16(), r.U32()));

    public BlobIdentity? Identity => Parse(SectionKind.Identity, r => new BlobIdentity(r.Bytes(32), r.Bytes(32), r.Bytes(32), r.I64(), r.String()));

    public IReadOnlyList<string>? Intents => Parse(SectionKind.Intents, r =>
    {
        int count = r.U16();
        r.U16();
        return (IReadOnlyList<string>)Enumerable.Range(0, count).Select(_ => r.String()).ToArray();
    });

    /// <summary>The Vocabulary section's word count, V.</summary>
    public int? VocabularyCount => SectionBytes(SectionKind.Vocabulary) is { Length: >= 2 } b ? U16(b, 0) : null;

    public IReadOnlyList<string>? TagLabels => Parse(SectionKind.TagHead, r =>
    {
        int count = r.U16();
        r.Skip(6);
        return (IReadOnlyList<string>)Enumerable.Range(0, count).Select(_ => r.String()).ToArray();
    });

    public BlobActionMapCounts? ActionMapCounts => Parse(SectionKind.ActionMap, ReadActionMapCounts);

    /// <summary>Layout 7's header (version field, then u16 counts, stepPercent after them) or that of layouts 1..6 (lightCount first).</summary>
    private static BlobActionMapCounts ReadActionMapCounts(FieldReader r)
    {
        int first = r.U16();
        if ((first & ActionMap.VersionFlag) == 0)
        {
            int a = r.U16(), c = r.U16(), s = r.U16(), percent = r.U8(), p = r.U8(), e = r.U8(), d = r.U8();
            return new BlobActionMapCounts(null, first, a, c, s, percent, p, e, d);
        }
        int lights = r.U16(), areas = r.U16(), colors = r.U16(), steps = r.U16(), places = r.U16(), leads = r.U16(), devices = r.U16();
        return new BlobActionMapCounts(first & ~ActionMap.VersionFlag, lights, areas, colors, steps, r.U8(), places, leads, devices);
    }

    private T? Parse<T>(SectionKind kind, Func<FieldReader, T> read) where T : class
    {
        byte[]? bytes = SectionBytes(kind);
        if (bytes is null) return null;
        try
        {
            return read(new FieldReader(bytes));
        }
        catch (EndOfStreamException)
        {
            return null;
        }
    }

    private static uint Crc(byte[] bytes)
    {
        var crc = new System.IO.Hashing.Crc32();
        crc.Append(bytes.AsSpan(0, BlobFormat.CrcOffset));
        crc.Append(stackalloc byte[4]);
        crc.Append(bytes.AsSpan(BlobFormat.CrcOffset + 4));
        return crc.GetCurrentHashAsUInt32();
    }

    private static string MagicText(ReadOnlySpan<byte> magic)
    {
        bool printable = true;
        foreach (byte b in magic) printable &= b is >= 0x20 and < 0x7F;
        return printable ? Encoding.ASCII.GetString(magic) : Convert.ToHexString(magic);
    }

    private static int U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static long U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);

    /// <summary>Little-endian fields of one section; reading past its end is an <see cref="EndOfStreamException"/>.</summary>
    private sealed class FieldReader(byte[] bytes)
    {
        private int _at;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (_at + n > bytes.Length) throw new EndOfStreamException();
            var span = bytes.AsSpan(_at, n);
            _at += n;
            return span;
        }

        public int U8() => Take(1)[0];
        public int U16() => BinaryPrimitives.ReadUInt16LittleEndian(Take(2));
        public long U32() => BinaryPrimitives.ReadUInt32LittleEndian(Take(4));
        public long I64() => BinaryPrimitives.ReadInt64LittleEndian(Take(8));
        public byte[] Bytes(int n) => Take(n).ToArray();
        public void Skip(int n) => Take(n);

        /// <summary>A u8-length-prefixed string; invalid UTF-8 shows as U+FFFD (the loader judges validity).</summary>
        public string String() => Encoding.UTF8.GetString(Take(U8()));
    }
}
