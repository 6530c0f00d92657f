namespace Saffu.Training.Blob;

/// <summary>
/// Writes the blob's Anchors section (kind 16, docs/model-blob.md §16): one bit per vocabulary id,
/// set for the words a sentence must contain at least one of to be understood (docs/saffu-model.md
/// §3). The trainer chooses the ids; this class only encodes them, and refuses with
/// <see cref="AnchorSectionException"/> what the runtime would refuse as BadAnchors.
/// </summary>
public static class AnchorSection
{
    public const ushort Kind = 16;
    public const int HeaderBytes = 4;
    public const int MaxVocabulary = 0xFFFF;

    /// <summary>
    /// The section's bytes: u16 count = <paramref name="vocabularySize"/>, u16 reserved 0, the bits
    /// (id i: bit i &amp; 7 of byte i &gt;&gt; 3), zero padding to 4. <paramref name="sodId"/> is the
    /// vocabulary's &lt;sod&gt; id, or -1 when it has none; it may not be an anchor. Duplicate ids
    /// are allowed (a set).
    /// </summary>
    public static byte[] Write(int vocabularySize, IEnumerable<int> anchorIds, int sodId)
    {
        if (vocabularySize is < 2 or > MaxVocabulary)
            throw new AnchorSectionException($"a vocabulary of {vocabularySize} words", $"2..{MaxVocabulary} (u16 ids)");
        var section = new byte[SectionLength(vocabularySize)];
        section[0] = (byte)vocabularySize;
        section[1] = (byte)(vocabularySize >> 8);
        int marked = 0;
        foreach (int id in anchorIds)
        {
            if (id < 0 || id >= vocabularySize)
                throw new AnchorSectionException($"anchor id {id}", $"an id in 0..{vocabularySize - 1}");
            if (id == sodId)
                throw new AnchorSectionException($"the <sod> id {id} among the anchors", "no <sod>: its position never counts");
            section[HeaderBytes + (id >> 3)] |= (byte)(1 << (id & 7));
            marked++;
        }
        if (marked == 0)
            throw new AnchorSectionException("no anchor id", "at least one (a model without anchors gets no Anchors section)");
        return section;
    }

    /// <summary>The section as a blob writer's extra section (required flag set), for <see cref="BlobContents.Extra"/>.</summary>
    public static ExtraSection Extra(int vocabularySize, IEnumerable<int> anchorIds, int sodId) =>
        new(Kind, true, Write(vocabularySize, anchorIds, sodId));

    /// <summary>4 + ceil(V / 8), rounded up to a multiple of 4.</summary>
    public static int SectionLength(int vocabularySize) => ModelBlobWriter.Align4(HeaderBytes + (vocabularySize + 7) / 8);
}

/// <summary>Anchor ids the Anchors section cannot hold (docs/model-blob.md §16).</summary>
public sealed class AnchorSectionException(string found, string expected)
    : Exception($"anchors: found {found}; expected {expected}.")
{
    public string Found { get; } = found;
    public string Expected { get; } = expected;
}
