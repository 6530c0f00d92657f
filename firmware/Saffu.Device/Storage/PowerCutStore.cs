
namespace Saffu.Device.Storage
{
    /// <summary>
    /// Wraps a region store and simulates a power cut (tests and the host simulator): after
    /// CutAfter(n), the first n bytes still written reach the store, the rest of that write and
    /// every later write are lost, and Cut becomes true. Bytes are counted across all regions.
    /// </summary>
    public sealed class PowerCutStore : IRegionStore
    {
        readonly IRegionStore inner;
        long budget = -1;   // bytes that may still be written; −1 = no cut planned

        public PowerCutStore(IRegionStore inner)
        {
            this.inner = inner;
        }

        /// <summary>True once the power has been cut: nothing more is written.</summary>
        public bool Cut { get; private set; }

        /// <summary>Bytes written through this store since it was made (all regions).</summary>
        public long BytesWritten { get; private set; }

        /// <summary>Cuts the power once n more bytes have been written (0: before the next byte).</summary>
        public void CutAfter(long n)
        {
            budget = n;
            Cut = false;
        }

        /// <summary>Power back: writes reach the store again (a new boot).</summary>
        public void Restore()
        {
            budget = -1;
            Cut = false;
        }

        public IRegion Open(string name, int size)
        {
            return new CutRegion(this, inner.Open(name, size));
        }

        /// <summary>How many of count bytes may be written now (and spends them).</summary>
        int Allow(int count)
        {
            if (Cut) return 0;
            if (budget < 0) { BytesWritten += count; return count; }
            if (budget >= count) { budget -= count; BytesWritten += count; return count; }
            int n = (int)budget;
            budget = 0;
            BytesWritten += n;
            Cut = true;
            return n;
        }

        sealed class CutRegion : IRegion
        {
            readonly PowerCutStore store;
            readonly IRegion inner;

            public CutRegion(PowerCutStore store, IRegion inner)
            {
                this.store = store;
                this.inner = inner;
            }

            public int Size { get { return inner.Size; } }

            public void Read(int offset, byte[] buffer, int index, int count) { inner.Read(offset, buffer, index, count); }

            public void Write(int offset, byte[] buffer, int index, int count)
            {
                RegionBounds.Check(offset, count, inner.Size);
                int n = store.Allow(count);
                if (n > 0) inner.Write(offset, buffer, index, n);
            }

            public void Flush()
            {
                if (!store.Cut) inner.Flush();
            }
        }
    }
}
