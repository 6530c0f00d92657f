namespace Saffu.Runtime.Blob
{
    /// <summary>Section kinds of blob v1 (docs/model-blob.md). Numbers are never reused.</summary>
    public enum SectionKind
    {
        Config = 1,
        Vocabulary = 2,
        Intents = 3,
        MathTables = 4,
        BlockContext = 5,
        RadialContext = 6,
        DocumentContext = 7,
        IntentHead = 8,
        TagHead = 9,
        Decision = 10,
        Identity = 11,
        ActionMap = 12,
        // 13..15: reserved for later versions; this runtime does not read them (unknown to it).
        Lineage = 13,
        FactoredTensors = 14,
        SpeechVocabulary = 15,
        Anchors = 16,
        WordVectors = 17,
    }
}
