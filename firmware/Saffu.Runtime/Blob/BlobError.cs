namespace Saffu.Runtime.Blob
{
    /// <summary>Why a blob was refused (docs/model-blob.md, "Load-time limits and errors").</summary>
    public enum BlobError
    {
        None = 0,
        Truncated,
        BadMagic,
        UnsupportedVersion,
        BadHeader,
        ChecksumMismatch,
        SectionOutOfRange,
        SectionOverlap,
        DuplicateSection,
        UnknownRequiredSection,
        MissingSection,
        BadDimensions,
        TooLarge,
        BadString,
        BadTensor,
        BadTable,
        BadActionMap,
        BadAnchors,
        BadWordVectors,
        BadFactoredTensors,
    }
}
