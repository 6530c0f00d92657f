namespace Saffu.Device.Storage
{
    /// <summary>
    /// A fixed-size piece of flash (docs/decision-log.md, Storage model). Writes may stop after any
    /// byte (a power cut); every layout on top of a region stays correct when they do.
    /// </summary>
    public interface IRegion
    {
        /// <summary>Bytes in the region.</summary>
        int Size { get; }

        /// <summary>Copies count bytes at offset into buffer[index..]. Throws on an I/O failure.</summary>
        void Read(int offset, byte[] buffer, int index, int count);

        /// <summary>Writes buffer[index..index+count) at offset. Throws on an I/O failure.</summary>
        void Write(int offset, byte[] buffer, int index, int count);

        /// <summary>Makes every write so far durable.</summary>
        void Flush();
    }
}
