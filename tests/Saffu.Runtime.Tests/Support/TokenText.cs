using Saffu.Runtime.Text;

namespace Saffu.Runtime.Tests
{
    /// <summary>Renders a token buffer as "turn on &lt;num&gt;(50) percent" for readable assertions.</summary>
    public static class TokenText
    {
        public static string Describe(TokenBuffer buffer)
        {
            string text = "";
            for (int i = 0; i < buffer.Count; i++)
            {
                if (i > 0) text += " ";
                text += buffer.TokenText(i);
                if (buffer.Values[i] >= 0) text += "(" + buffer.Values[i].ToString() + ")";
            }
            return text;
        }

        public static string Tokenize(string line, int capacity)
        {
            TokenBuffer buffer = new TokenBuffer(capacity);
            Tokenizer.Tokenize(line, buffer);
            return Describe(buffer);
        }
    }
}
