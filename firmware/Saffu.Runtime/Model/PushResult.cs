namespace Saffu.Runtime.Model
{
    /// <summary>What Session.Push reports; nothing changes unless it is Ok.</summary>
    public enum PushResult
    {
        Ok = 0,
        /// <summary>The id is not in 0..V−1 (map unknown words to the blob's oovId first).</summary>
        BadWordId,
        /// <summary>The utterance already holds maxWords positions.</summary>
        TooManyWords,
    }
}
