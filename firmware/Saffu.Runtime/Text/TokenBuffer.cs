namespace Saffu.Runtime.Text
{
    /// <summary>The tokens of one line, allocated once by its owner (docs/tokenizer.md).</summary>
    public sealed class TokenBuffer
    {
        public const int MaxTokenBytes = 32;

        public TokenBuffer(int maxTokens)
        {
            if (maxTokens < 0) maxTokens = 0;
            Capacity = maxTokens;
            Bytes = new byte[maxTokens * MaxTokenBytes];
            Length = new int[maxTokens];
            Values = new int[maxTokens];
            Scratch = new byte[MaxTokenBytes];
        }

        /// <summary>Tokens the buffer holds at most; later tokens are dropped and <see cref="Truncated"/> set.</summary>
        public int Capacity { get; }
        public int Count;
        public bool Truncated;

        /// <summary>Token i's UTF-8 bytes start at i * MaxTokenBytes.</summary>
        public readonly byte[] Bytes;
        /// <summary>Token i's byte count, 1..MaxTokenBytes.</summary>
        public readonly int[] Length;
        /// <summary>Number value of a `&lt;num&gt;` token, -1 for words.</summary>
        public readonly int[] Values;

        /// <summary>The word being scanned, before it is known whether it joins a number phrase.</summary>
        internal readonly byte[] Scratch;

        /// <summary>Bytes in <see cref="TokenBuffer.Bytes"/> reserved per token (bytes 'Length[i]' are used).</summary>
        public int Offset(int i)
        {
            return i * MaxTokenBytes;
        }

        public void Clear()
        {
            Count = 0;
            Truncated = false;
        }

        /// <summary>True when token i's bytes are exactly the ASCII string s.</summary>
        public bool TokenIs(int i, string s)
        {
            if (i < 0 || i >= Count || Length[i] != s.Length) return false;
            int o = i * MaxTokenBytes;
            for (int k = 0; k < s.Length; k++)
            {
                if (Bytes[o + k] != s[k]) return false;
            }
            return true;
        }

        /// <summary>Token i as a string (allocates: for logs, tests and the host, not the per-word path).</summary>
        public string TokenText(int i)
        {
            if (i < 0 || i >= Count) return "";
            return Utf8.Decode(Bytes, i * MaxTokenBytes, Length[i]);
        }

        /// <summary>Token i as said: a number token's value in digits ("20" of "twenty"), else its text (allocates).</summary>
        public string SaidText(int i)
        {
            return i >= 0 && i < Count && Values[i] >= 0 ? Values[i].ToString() : TokenText(i);
        }
    }
}
