namespace Saffu.Runtime.Blob
{
    /// <summary>Constants of docs/model-blob.md, named as the spec names them.</summary>
    public static class BlobFormat
    {
        /// <summary>"SAFU" as the first four bytes.</summary>
        public const byte Magic0 = 0x53, Magic1 = 0x41, Magic2 = 0x46, Magic3 = 0x55;
        public const int Version = 1;
        public const int HeaderSize = 32;
        /// <summary>Bytes a reader needs to see magic, version, headerSize and totalLength.</summary>
        public const int MinPrefix = 12;
        public const int MinBlobBytes = 64;
        public const int MaxBlobBytes = 4 * 1024 * 1024;
        public const int CrcOffset = 12;
        public const int MaxSections = 32;
        public const int SectionEntrySize = 16;
        public const int SectionRequired = 1;
        public const int DefaultMaxRuntimeBytes = 64 * 1024;

        // Config limits (section 1).
        public const int ConfigBytes = 24;
        public const int MaxBits = 4096;
        public const int MaxLabelDim = 256;
        public const int MaxIntents = 255;
        public const int MaxContext = 64;
        public const int MaxWords = 255;
        public const int NoId = 0xFFFF;
        public const int FlagPrependSod = 1, FlagBlock = 2, FlagRadial = 4, FlagDocument = 8, FlagTagHead = 16, FlagGrownCodes = 32;

        // Strings.
        public const int MaxWordBytes = 32;
        public const int MaxIntentNameBytes = 64;
        public const int MaxSlotNameBytes = 24;

        // Tensors.
        public const int TensorHeaderBytes = 8;
        public const int MaxTensorDim = 4096;
        public const int MaxExponent = 62;

        // Tag head and decision.
        public const int MinTags = 2, MaxTags = 64, MaxTagOffsets = 4;
        public const int DecisionBytes = 12;
        public const int NoEarlyDecision = 0xFFFF;
        public const int MaxTemperature = 1 << 24;
        public const int IdentityHashBytes = 32;
    }
}
