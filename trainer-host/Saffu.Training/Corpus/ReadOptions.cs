namespace Saffu.Training.Corpus;

/// <summary>How <see cref="DatasetReader"/> treats bad lines and labels.</summary>
public sealed record ReadOptions
{
    /// <summary>The longest line accepted, in UTF-8 bytes without the line break (1 MiB).</summary>
    public const int DefaultMaxLineBytes = 1 << 20;

    /// <summary>Skip and count lines with a line-level problem instead of failing on the first one.</summary>
    public bool SkipBadLines { get; init; }

    /// <summary>At evaluation time: the model's intents; a label outside them is <see cref="DatasetError.UnknownLabel"/>. Null accepts any label.</summary>
    public IReadOnlySet<string>? KnownIntents { get; init; }

    /// <summary>Whether every utterance must carry an intent (false for out-of-domain sets, whose labels are ignored).</summary>
    public bool RequireIntent { get; init; } = true;

    /// <summary>Lines longer than this many bytes are refused without being read into memory.</summary>
    public int MaxLineBytes { get; init; } = DefaultMaxLineBytes;

    public static ReadOptions Default { get; } = new();
}
