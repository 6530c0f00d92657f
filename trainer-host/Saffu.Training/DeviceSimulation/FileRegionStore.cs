using Saffu.Device.Storage;

namespace Saffu.Training.DeviceSimulation;

/// <summary>
/// The simulated device's flash: each region a file `DIR/NAME.bin` of its size (created filled with
/// 0xFF, like erased flash), read and written in place, so the state survives between runs of
/// `saffu device --port sim:DIR`.
/// </summary>
public sealed class FileRegionStore(string directory) : IRegionStore
{
    public string Directory { get; } = directory;

    public IRegion Open(string name, int size)
    {
        System.IO.Directory.CreateDirectory(Directory);
        string path = Path.Combine(Directory, name + ".bin");
        using (var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.ReadWrite))
        {
            long old = stream.Length;
            if (old != size)
            {
                stream.SetLength(size);
                if (old < size)
                {
                    stream.Position = old;
                    var erased = new byte[size - old];
                    Array.Fill(erased, (byte)0xFF);
                    stream.Write(erased);
                }
            }
        }
        return new FileRegion(path, size);
    }

    private sealed class FileRegion(string path, int size) : IRegion
    {
        public int Size => size;

        public void Read(int offset, byte[] buffer, int index, int count)
        {
            RegionBounds.Check(offset, count, size);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            stream.Position = offset;
            stream.ReadExactly(buffer, index, count);
        }

        public void Write(int offset, byte[] buffer, int index, int count)
        {
            RegionBounds.Check(offset, count, size);
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            stream.Position = offset;
            stream.Write(buffer, index, count);
        }

        public void Flush() { }
    }
}
