using Saffu.Runtime.Actions;
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;

namespace Saffu.Training.Export;

/// <summary>Multiplies per pushed word (docs/saffu-model.md §5): the first word, and the largest at full context.</summary>
public sealed record MacsPerWord(long First, long FullContext);

/// <summary>One light of a loaded blob's action map, for reports.</summary>
public sealed record ActionMapLight(string Name, string Area, string Kind, IReadOnlyList<int> Pins);

/// <summary>
/// What `saffu inspect` and `saffu verify` know about a blob: its layout as stored (readable even when
/// the blob does not load), the runtime loader's verdict, and — when it loads — what the runtime
/// allocates and computes per word.
/// </summary>
public sealed class BlobInspection
{
    private BlobInspection(byte[] bytes, BlobLayout layout, LoadResult load, SaffuModel? model)
    {
        Bytes = bytes;
        Layout = layout;
        Load = load;
        Model = model;
        StoredContentHash = layout.Identity?.ContentHash;
        ComputedContentHash = layout.ComputeContentHash();
    }

    public byte[] Bytes { get; }
    public BlobLayout Layout { get; }
    /// <summary>The loader's verdict at the device's RAM limit (64 KiB).</summary>
    public LoadResult Load { get; }
    /// <summary>The loaded model: at the device limit, or — when only the RAM limit refused it — without a limit, for the RAM and MAC figures.</summary>
    public SaffuModel? Model { get; }
    /// <summary>The Identity section's content hash, null without one.</summary>
    public byte[]? StoredContentHash { get; }
    public byte[] ComputedContentHash { get; }

    /// <summary>Null without an Identity section; else whether the stored content hash is the SHA-256 of the other sections.</summary>
    public bool? ContentHashMatches => StoredContentHash is null ? null : StoredContentHash.AsSpan().SequenceEqual(ComputedContentHash);

    /// <summary>Loaded by the runtime and, when it has an identity, with a matching content hash.</summary>
    public bool Valid => Load.Ok && ContentHashMatches != false;

    public static BlobInspection Of(byte[] bytes)
    {
        LoadResult load = ModelBlob.Load(bytes);
        SaffuModel? model = load.Model ?? (load.Error == BlobError.TooLarge ? ModelBlob.Load(bytes, int.MaxValue).Model : null);
        return new BlobInspection(bytes, BlobLayout.Read(bytes), load, model);
    }

    /// <summary>MACs of the first word and the largest over positions up to the widest context (oov words; the count does not depend on the words).</summary>
    public MacsPerWord? Macs()
    {
        if (Model is null) return null;
        Session session = Model.NewSession();
        session.Reset();
        ModelConfig c = Model.Config;
        int full = Math.Min(c.MaxWords, Math.Max(session.Position + 1, Math.Max(c.BlockSize, c.RadialSize)));
        long first = -1, most = 0;
        while (session.Position < full && session.Push(c.OovId, -1) == PushResult.Ok)
        {
            if (first < 0) first = session.LastMacCount;
            most = Math.Max(most, session.LastMacCount);
        }
        return first < 0 ? null : new MacsPerWord(first, most);
    }

    /// <summary>The loaded model's anchor words in id order, null when it did not load or has no Anchors section.</summary>
    public IReadOnlyList<string>? AnchorWords()
    {
        if (Model is not { HasAnchors: true } m) return null;
        return Enumerable.Range(0, m.Vocabulary.Count).Where(m.IsAnchor).Select(m.Vocabulary.Word).ToArray();
    }

    /// <summary>The loaded model's lights, null when it did not load or has no action map.</summary>
    public IReadOnlyList<ActionMapLight>? Lights()
    {
        ActionMap? map = Model?.Actions.Map;
        if (map is null) return null;
        return Enumerable.Range(0, map.LightCount).Select(i => new ActionMapLight(map.LightName(i), map.AreaName(map.AreaOf(i)),
            map.HasColor(i) ? "colour" : map.IsDimmable(i) ? "dimmable" : "on/off",
            map.HasColor(i) ? [map.ColorPin(i, 0), map.ColorPin(i, 1), map.ColorPin(i, 2)] : [map.Pin(i)])).ToArray();
    }
}
