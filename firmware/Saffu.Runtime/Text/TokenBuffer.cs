namespace Saffu.Runtime.Text
{
    /// <summary>The tokens of one line, allocated once by its owner (docs/tokenizer.md).</summary>
    public sealed class TokenBuffer
    {
        public const int MaxTokenBytes = 32;

        public TokenBuffer(int maxTokens)
        {
            Capacity = maxTokens;
            Bytes = new byte[maxTokens * MaxTokenBytes];
            Length = new int[maxTokens];
            Values = new int[maxTokens];
        }

        public int Capacity { get; }
        public int Count;
        public bool Truncated;

        /// <summary>Token i's UTF-8 bytes start at i * MaxTokenBytes.</summary>
        public readonly byte[] Bytes;
        public readonly int[] Length;
        /// <summary>Number value of a `&lt;num&gt;` token, -1 for words.</summary>
        public readonly int[] Values;
    }
}
