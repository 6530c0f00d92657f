using System.Buffers.Binary;
using Saffu.Training.Training;

namespace Saffu.Training.Blob;

/// <summary>
/// The blob's Lineage section (kind 13, optional, docs/model-blob.md §13): where a retrained model came from. The device
/// skips it (optional and unknown to the v1 runtime); `saffu inspect` and `saffu lineage` read it. 104 bytes:
/// parentHash[32], rootHash[32], correctionsHash[32], u16 generation, u16 reserved 0, u32 corrections.
/// </summary>
public static class LineageSection
{
    public const ushort Kind = 13;
    public const int Length = 104;

    public static byte[] Write(ModelLineage lineage)
    {
        if (lineage.Generation is < 1 or > ModelLineage.MaxGeneration)
            throw new ArgumentException($"Lineage generation {lineage.Generation}; expected 1..{ModelLineage.MaxGeneration}.");
        if (lineage.ParentHash.Length != 32 || lineage.RootHash.Length != 32 || lineage.CorrectionsHash.Length != 32)
            throw new ArgumentException("Lineage hashes must be 32 bytes (SHA-256).");
        var bytes = new byte[Length];
        lineage.ParentHash.CopyTo(bytes, 0);
        lineage.RootHash.CopyTo(bytes, 32);
        lineage.CorrectionsHash.CopyTo(bytes, 64);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(96), (ushort)lineage.Generation);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(100), (uint)Math.Max(0, lineage.Corrections));
        return bytes;
    }

    public static ExtraSection Extra(ModelLineage lineage) => new(Kind, false, Write(lineage));

    /// <summary>The fields of a Lineage section's bytes, or null when its length or reserved field is not what §13 says.</summary>
    public static BlobLineage? Read(ReadOnlySpan<byte> section)
    {
        if (section.Length != Length || BinaryPrimitives.ReadUInt16LittleEndian(section[98..]) != 0) return null;
        int generation = BinaryPrimitives.ReadUInt16LittleEndian(section[96..]);
        if (generation == 0) return null;
        return new BlobLineage(section[..32].ToArray(), section[32..64].ToArray(), section[64..96].ToArray(), generation,
            BinaryPrimitives.ReadUInt32LittleEndian(section[100..]));
    }
}

/// <summary>A Lineage section as read: parent, root and corrections hashes, generation (≥ 1), corrections that taught it.</summary>
public sealed record BlobLineage(byte[] ParentHash, byte[] RootHash, byte[] CorrectionsHash, int Generation, uint Corrections);
