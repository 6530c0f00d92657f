using Saffu.Runtime.Blob;

namespace Saffu.Device.Models
{
    /// <summary>Where a loaded blob keeps its Identity content hash (docs/model-blob.md §11).</summary>
    public static class BlobIdentity
    {
        public const int IdentityKind = 11;

        /// <summary>Offset of the 32-byte content hash in a blob the loader accepted; −1 without an Identity section.</summary>
        public static int ContentHashAt(byte[] blob)
        {
            int tableAt = (int)Read32(blob, 20);
            int count = blob[16] | (blob[17] << 8);
            for (int i = 0; i < count; i++)
            {
                int e = tableAt + i * BlobFormat.SectionEntrySize;
                if ((blob[e] | (blob[e + 1] << 8)) == IdentityKind) return (int)Read32(blob, e + 4);
            }
            return -1;
        }

        static uint Read32(byte[] b, int at)
        {
            return (uint)(b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24));
        }
    }
}
