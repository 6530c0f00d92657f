namespace Saffu.Runtime.Text
{
    /// <summary>The words a model knows, asked by UTF-8 bytes (docs/tokenizer.md §Unknown words ending in 's).</summary>
    public interface IWordSet
    {
        /// <summary>True when bytes[offset..offset+length) is a word of the vocabulary.</summary>
        bool Contains(byte[] bytes, int offset, int length);
    }
}
