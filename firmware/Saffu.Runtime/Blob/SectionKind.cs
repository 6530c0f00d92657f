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
        // 13 and 15: this runtime does not read them (unknown to it); 14 is read since issue 14 (§14).
        Lineage = 13,
        FactoredTensors = 14,
        SpeechVocabulary = 15,
        Anchors = 16,
        WordVectors = 17,
    }
}
