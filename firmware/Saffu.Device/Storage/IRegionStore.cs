namespace Saffu.Device.Storage
{
    /// <summary>Opens named regions (device: files under I:\saffu\; simulator: files in a folder; tests: RAM).</summary>
    public interface IRegionStore
    {
        /// <summary>The region NAME of SIZE bytes, created (filled with 0xFF, like erased flash) when missing.</summary>
        IRegion Open(string name, int size);
    }
}
