using System.IO;
using Saffu.Device.Storage;

namespace Saffu.Device.Hardware
{
    /// <summary>
    /// Regions as files on the internal flash's LittleFS (`I:\saffu\NAME.bin`), created at their
    /// size filled with 0xFF; reads and writes seek into the file.
    /// </summary>
    public sealed class FlashRegionStore : IRegionStore
    {
        public const string Folder = "I:\\saffu";

        public FlashRegionStore()
        {
            if (!Directory.Exists(Folder)) Directory.CreateDirectory(Folder);
        }

        public IRegion Open(string name, int size)
        {
            string path = Folder + "\\" + name + ".bin";
            using (FileStream f = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite))
            {
                long old = f.Length;
                if (old < size)
                {
                    byte[] erased = new byte[256];
                    for (int i = 0; i < erased.Length; i++) erased[i] = 0xFF;
                    f.Seek(old, SeekOrigin.Begin);
                    for (long at = old; at < size; at += erased.Length) f.Write(erased, 0, (int)(size - at < erased.Length ? size - at : erased.Length));
                    f.Flush();
                }
            }
            return new FileRegion(path, size);
        }

        sealed class FileRegion : IRegion
        {
            readonly FileStream file;
            readonly int size;

            public FileRegion(string path, int size)
            {
                file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
                this.size = size;
            }

            public int Size { get { return size; } }

            public void Read(int offset, byte[] buffer, int index, int count)
            {
                RegionBounds.Check(offset, count, size);
                file.Seek(offset, SeekOrigin.Begin);
                int done = 0;
                while (done < count)
                {
                    int n = file.Read(buffer, index + done, count - done);
                    if (n <= 0) throw new IOException("region file ended at " + (offset + done) + " of " + size);
                    done += n;
                }
            }

            public void Write(int offset, byte[] buffer, int index, int count)
            {
                RegionBounds.Check(offset, count, size);
                file.Seek(offset, SeekOrigin.Begin);
                file.Write(buffer, index, count);
            }

            public void Flush() { file.Flush(); }
        }
    }
}
