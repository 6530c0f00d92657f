namespace Saffu.Runtime.Text
{
    /// <summary>
    /// docs/tokenizer.md §Unknown words ending in 's: a word the vocabulary lacks that ends in "'s" (the tokenizer has
    /// already turned ’ into ') reads as its stem when the stem is a word of the model ("lamp's" → "lamp"); the "'s"
    /// counts as nothing. Host and device call this same code after the tokenizer, so they can never disagree.
    /// Shortens tokens in place; allocates nothing.
    /// </summary>
    public static class ApostropheS
    {
        /// <summary>Applies the fallback to every word token of tokens.</summary>
        public static void Apply(TokenBuffer tokens, IWordSet words)
        {
            for (int i = 0; i < tokens.Count; i++)
            {
                if (IsStemmable(tokens, i, words)) tokens.Length[i] -= 2;
            }
        }

        /// <summary>A word (not a number) of 3+ bytes ending in "'s" whose whole is unknown and whose stem is known.</summary>
        static bool IsStemmable(TokenBuffer tokens, int i, IWordSet words)
        {
            int length = tokens.Length[i], at = tokens.Offset(i);
            if (tokens.Values[i] >= 0 || length < 3) return false;
            if (tokens.Bytes[at + length - 2] != (byte)'\'' || tokens.Bytes[at + length - 1] != (byte)'s') return false;
            return !words.Contains(tokens.Bytes, at, length) && words.Contains(tokens.Bytes, at, length - 2);
        }
    }
}
