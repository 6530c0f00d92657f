using Saffu.Runtime.Text;
using Saffu.Training.Speech;

namespace Saffu.Training.Tests.Speech;

/// <summary>Typed text as a recogniser says it (docs/voice.md §1), and its tokens equal the typed text's.</summary>
[TestClass]
public sealed class SpokenWordsTests
{
    [TestMethod]
    [DataRow("Set the desk lamp to 40%", "set the desk lamp to forty percent")]
    [DataRow("dim to 125 please", "dim to one hundred twenty five please")]
    [DataRow("it’s too dark in the kitchen-light", "it's too dark in the kitchen light")]
    [DataRow("'quoted' 007 2.5", "quoted seven two five")]
    [DataRow("wake me at 7:30", "wake me at seven thirty")]
    [DataRow("1200 and 3000000", "one thousand two hundred and three million")]
    [DataRow("", "")]
    public void SaysDigitsAsWordsAndKeepsInnerApostrophes(string text, string spoken) =>
        Assert.AreEqual(spoken, string.Join(' ', SpokenWords.Of(text)));

    [TestMethod]
    [DataRow("set the desk lamp to 40%")]
    [DataRow("dim the lights to 5 percent")]
    [DataRow("turn it up to 100")]
    [DataRow("It's too dark!")]
    public void TheSpokenWordsTokenizeAsTheTypedText(string text) =>
        Assert.AreEqual(Tokens(text), Tokens(string.Join(' ', SpokenWords.Of(text))));

    static string Tokens(string text)
    {
        var buffer = new TokenBuffer(64);
        Tokenizer.Tokenize(text, buffer);
        return string.Join(' ', Enumerable.Range(0, buffer.Count).Select(i => buffer.Values[i] >= 0 ? $"<{buffer.Values[i]}>" : buffer.TokenText(i)));
    }
}
