using Saffu.Runtime.Blob;

namespace Saffu.Device.Models
{
    /// <summary>BlobError names as docs/model-blob.md spells them (nanoFramework's enum ToString gives numbers).</summary>
    public static class BlobErrorNames
    {
        public static string Name(BlobError error)
        {
            switch (error)
            {
                case BlobError.None: return "None";
                case BlobError.Truncated: return "Truncated";
                case BlobError.BadMagic: return "BadMagic";
                case BlobError.UnsupportedVersion: return "UnsupportedVersion";
                case BlobError.BadHeader: return "BadHeader";
                case BlobError.ChecksumMismatch: return "ChecksumMismatch";
                case BlobError.SectionOutOfRange: return "SectionOutOfRange";
                case BlobError.SectionOverlap: return "SectionOverlap";
                case BlobError.DuplicateSection: return "DuplicateSection";
                case BlobError.UnknownRequiredSection: return "UnknownRequiredSection";
                case BlobError.MissingSection: return "MissingSection";
                case BlobError.BadDimensions: return "BadDimensions";
                case BlobError.TooLarge: return "TooLarge";
                case BlobError.BadString: return "BadString";
                case BlobError.BadTensor: return "BadTensor";
                case BlobError.BadTable: return "BadTable";
                case BlobError.BadActionMap: return "BadActionMap";
                case BlobError.BadAnchors: return "BadAnchors";
                default: return "BlobError" + (int)error;
            }
        }
    }
}
