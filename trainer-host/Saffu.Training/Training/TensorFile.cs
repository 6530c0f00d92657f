using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Saffu.Training.Training;

/// <summary>One named matrix of a tensor file: float32 (weights) or float64 (statistics), row-major.</summary>
public sealed record NamedTensor(string Name, int Rows, int Cols, float[]? Single, double[]? Double)
{
    public static NamedTensor Of(string name, int rows, int cols, float[] data) => new(name, rows, cols, data, null);
    public static NamedTensor Of(string name, int rows, int cols, double[] data) => new(name, rows, cols, null, data);
}

/// <summary>
/// The tensor container of `weights.bin` and `training-state.bin` (docs/model-dir.md): magic
/// "SAFT", u32 version 1, u32 count, then per tensor u8 name length, ASCII name, u8 element size
/// (4 = float32, 8 = float64), u32 rows, u32 cols, the data little-endian; finally the CRC-32 of
/// every byte before it. The reader bounds every count by the bytes left before allocating.
/// </summary>
public static class TensorFile
{
    public static ReadOnlySpan<byte> Magic => "SAFT"u8;
    public const uint Version = 1;
    public const int MaxTensors = 4096;
    public const long MaxBytes = 1L << 31;

    public static byte[] Write(IEnumerable<NamedTensor> tensors)
    {
        var list = tensors.ToList();
        using var stream = new MemoryStream();
        var w = new BinaryWriter(stream);   // little-endian on every platform
        w.Write(Magic);
        w.Write(Version);
        w.Write((uint)list.Count);
        foreach (NamedTensor t in list)
        {
            byte[] name = Encoding.ASCII.GetBytes(t.Name);
            w.Write((byte)name.Length);
            w.Write(name);
            w.Write((byte)(t.Single is not null ? 4 : 8));
            w.Write((uint)t.Rows);
            w.Write((uint)t.Cols);
            if (t.Single is not null) foreach (float x in t.Single) w.Write(x);
            else foreach (double x in t.Double!) w.Write(x);
        }
        w.Flush();
        w.Write(Crc32.HashToUInt32(stream.GetBuffer().AsSpan(0, (int)stream.Length)));
        w.Flush();
        return stream.ToArray();
    }

    public static Dictionary<string, NamedTensor> Read(byte[] bytes, string path)
    {
        if (bytes.Length < 16) throw new ModelFolderException(path, $"{bytes.Length} bytes", "a tensor file of at least 16 bytes");
        if (!bytes.AsSpan(0, 4).SequenceEqual(Magic)) throw new ModelFolderException(path, "a file that does not start with \"SAFT\"", "a SAFFU tensor file");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(4));
        if (version != Version) throw new ModelFolderException(path, $"tensor file version {version}", $"version {Version} (this saffu reads up to {Version})");
        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4));
        uint actual = Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4));
        if (stored != actual) throw new ModelFolderException(path, $"CRC-32 {actual:X8} of the contents", $"the stored {stored:X8} (the file is corrupt or truncated)");
        var reader = new SpanCursor(bytes, 8, bytes.Length - 4, path);
        uint count = reader.U32();
        if (count > MaxTensors) throw new ModelFolderException(path, $"{count} tensors", $"at most {MaxTensors}");
        var result = new Dictionary<string, NamedTensor>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            NamedTensor t = ReadTensor(ref reader, path);
            if (!result.TryAdd(t.Name, t)) throw new ModelFolderException(path, $"the tensor \"{t.Name}\" twice", "unique tensor names");
        }
        if (reader.Remaining != 0) throw new ModelFolderException(path, $"{reader.Remaining} bytes after the last tensor", "the CRC right after it");
        return result;
    }

    static NamedTensor ReadTensor(ref SpanCursor r, string path)
    {
        string name = Encoding.ASCII.GetString(r.Bytes(r.U8()));
        int size = r.U8();
        uint rows = r.U32(), cols = r.U32();
        if (size is not (4 or 8)) throw new ModelFolderException(path, $"element size {size} for \"{name}\"", "4 (float32) or 8 (float64)");
        ulong bytes = (ulong)rows * cols * (ulong)size;
        if (bytes > (ulong)r.Remaining) throw new ModelFolderException(path, $"\"{name}\" of {rows} × {cols} with {r.Remaining} bytes left", "a tensor that fits the file");
        var data = r.Bytes((int)bytes);
        if (size == 4)
        {
            var values = new float[rows * cols];
            for (int i = 0; i < values.Length; i++) values[i] = BinaryPrimitives.ReadSingleLittleEndian(data[(i * 4)..]);
            return NamedTensor.Of(name, (int)rows, (int)cols, values);
        }
        var doubles = new double[rows * cols];
        for (int i = 0; i < doubles.Length; i++) doubles[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[(i * 8)..]);
        return NamedTensor.Of(name, (int)rows, (int)cols, doubles);
    }

    /// <summary>Reads forward through bytes[position..end), refusing to read past end.</summary>
    ref struct SpanCursor(byte[] bytes, int position, int end, string path)
    {
        int position = position;
        public readonly int Remaining => end - position;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count > Remaining) throw new ModelFolderException(path, $"{Remaining} bytes left", $"{count} more bytes (the file is truncated)");
            var span = bytes.AsSpan(position, count);
            position += count;
            return span;
        }

        public byte U8() => Bytes(1)[0];
        public uint U32() => BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4));
    }
}
