namespace Saffu.Device.Storage
{
    /// <summary>The range check every region implementation makes before touching its bytes.</summary>
    public static class RegionBounds
    {
        public static void Check(int offset, int count, int size)
        {
            if (offset < 0 || count < 0 || offset > size - count)
                throw new System.ArgumentOutOfRangeException("offset", "bytes " + offset + ".." + (offset + count) + " outside a region of " + size);
        }
    }
}
