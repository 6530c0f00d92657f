using System.Collections;

namespace Saffu.Device.Storage
{
    /// <summary>
    /// Regions in RAM: the tests' flash, and the device's fallback when its file system cannot be
    /// mounted (it then runs without persistence and says so in status).
    /// </summary>
    public sealed class RamRegionStore : IRegionStore
    {
        readonly ArrayList names = new ArrayList();
        readonly ArrayList regions = new ArrayList();

        public IRegion Open(string name, int size)
        {
            for (int i = 0; i < names.Count; i++)
            {
                if ((string)names[i]! == name) return (IRegion)regions[i]!;
            }
            RamRegion region = new RamRegion(size);
            names.Add(name);
            regions.Add(region);
            return region;
        }

        /// <summary>A copy of every region (a snapshot of the flash, for tests that replay from one state).</summary>
        public RamRegionStore Copy()
        {
            RamRegionStore copy = new RamRegionStore();
            for (int i = 0; i < names.Count; i++)
            {
                copy.names.Add(names[i]);
                copy.regions.Add(((RamRegion)regions[i]!).Copy());
            }
            return copy;
        }

        sealed class RamRegion : IRegion
        {
            readonly byte[] bytes;

            public RamRegion(int size)
            {
                bytes = new byte[size];
                for (int i = 0; i < size; i++) bytes[i] = 0xFF;
            }

            RamRegion(byte[] bytes)
            {
                this.bytes = bytes;
            }

            public RamRegion Copy()
            {
                byte[] copy = new byte[bytes.Length];
                System.Array.Copy(bytes, copy, bytes.Length);
                return new RamRegion(copy);
            }

            public int Size { get { return bytes.Length; } }

            public void Read(int offset, byte[] buffer, int index, int count)
            {
                RegionBounds.Check(offset, count, bytes.Length);
                System.Array.Copy(bytes, offset, buffer, index, count);
            }

            public void Write(int offset, byte[] buffer, int index, int count)
            {
                RegionBounds.Check(offset, count, bytes.Length);
                System.Array.Copy(buffer, index, bytes, offset, count);
            }

            public void Flush() { }
        }
    }
}
