#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Tests
{
    /// <summary>Pins every rule and example of docs/tokenizer.md.</summary>
    [TestClass]
    public class TokenizerTests
    {
        // The examples table of docs/tokenizer.md, verbatim.
        [TestMethod]
        [DataRow("Turn ON the Kitchen-Light!", "turn on the kitchen light")]
        [DataRow("set it to 50%", "set it to <num>(50) percent")]
        [DataRow("dim to twenty five percent", "dim to <num>(25) percent")]
        [DataRow("It\u2019s too dark", "it's too dark")]
        [DataRow("'quoted' words", "quoted words")]
        [DataRow("caf\u00e9 \u00dcber", "caf\u00e9 \u00fcber")]
        [DataRow("wake me at 7:30am", "wake me at <num>(7) <num>(30) am")]
        [DataRow("", "")]
        [DataRow("?! ... -- ,;", "")]
        public void DocumentExamples(string line, string expected)
        {
            Assert.AreEqual(expected, TokenText.Tokenize(line, 16));
        }

        // Rule 5 examples from the doc, and the edges of the phrase grammar.
        [TestMethod]
        [DataRow("twenty five", "<num>(25)")]
        [DataRow("one hundred", "<num>(100)")]
        [DataRow("a hundred", "a <num>(100)")]
        [DataRow("hundred twenty", "<num>(120)")]
        [DataRow("one two", "<num>(1) <num>(2)")]
        [DataRow("twenty twenty", "<num>(20) <num>(20)")]
        [DataRow("5 hundred", "<num>(5) <num>(100)")]
        [DataRow("twenty 5", "<num>(20) <num>(5)")]
        [DataRow("tense", "tense")]
        [DataRow("Fifty", "<num>(50)")]
        [DataRow("FIFTY percent", "<num>(50) percent")]
        [DataRow("twenty-five", "<num>(25)")]
        [DataRow("twenty zero", "<num>(20) <num>(0)")]
        [DataRow("zero", "<num>(0)")]
        [DataRow("nineteen", "<num>(19)")]
        [DataRow("nine hundred ninety nine", "<num>(999)")]
        [DataRow("twenty five hundred", "<num>(2500)")]
        [DataRow("hundred hundred", "<num>(100) <num>(100)")]
        [DataRow("one hundred and five", "<num>(100) and <num>(5)")]
        [DataRow("two hundred twelve lights", "<num>(212) lights")]
        [DataRow("hundred twenty twenty", "<num>(120) <num>(20)")]
        [DataRow("ten five", "<num>(10) <num>(5)")]
        [DataRow("fiftyfifty fifty's", "fiftyfifty fifty's")]
        [DataRow("fifty%", "<num>(50) percent")]
        public void NumberWords(string line, string expected)
        {
            Assert.AreEqual(expected, TokenText.Tokenize(line, 16));
        }

        // Rule 4: digit runs.
        [TestMethod]
        [DataRow("3pm", "<num>(3) pm")]
        [DataRow("5th", "<num>(5) th")]
        [DataRow("2.5", "<num>(2) <num>(5)")]
        [DataRow("007", "<num>(7)")]
        [DataRow("0", "<num>(0)")]
        [DataRow("999999999", "<num>(999999999)")]
        [DataRow("1000000000", "<num>(999999999)")]
        [DataRow("000000000000123", "<num>(123)")]
        [DataRow("123456789012345678901234567890", "<num>(999999999)")]
        [DataRow("pm3", "pm <num>(3)")]
        [DataRow("2\u00d73", "<num>(2) <num>(3)")]
        public void DigitRuns(string line, string expected)
        {
            Assert.AreEqual(expected, TokenText.Tokenize(line, 16));
        }

        // Rules 1-3: folding, letters, apostrophes and separators.
        [TestMethod]
        [DataRow("don\u2019t", "don't")]
        [DataRow("it''s", "it s")]
        [DataRow("rock 'n' roll", "rock n roll")]
        [DataRow("lights' ", "lights")]
        [DataRow("a\u00d7b a\u00f7b", "a b a b")]
        [DataRow("\u00c9CLAIR \u00de\u00d8", "\u00e9clair \u00fe\u00f8")]
        [DataRow("stra\u00dfe", "stra\u00dfe")]
        [DataRow("on\ud83d\ude00off", "on off")]
        [DataRow("turn\u00a0on\tthe\r\nlight", "turn on the light")]
        [DataRow("\ufeffturn on", "turn on")]
        [DataRow("on\u2014off \u201cquoted\u201d", "on off quoted")]
        [DataRow("\u041b\u0410\u041c\u041f\u0410", "\u041b\u0410\u041c\u041f\u0410")]
        [DataRow("\u3001\u706f\u3002", "\u706f")]
        [DataRow("\uff01x\uff1f", "x")]
        [DataRow("kitchen_light", "kitchen light")]
        public void LettersAndSeparators(string line, string expected)
        {
            Assert.AreEqual(expected, TokenText.Tokenize(line, 16));
        }

        [TestMethod]
        public void WordsAreUtf8()
        {
            TokenBuffer buffer = new TokenBuffer(4);
            Tokenizer.Tokenize("caf\u00e9 \u706f", buffer);
            Assert.AreEqual(2, buffer.Count);
            Assert.AreEqual(5, buffer.Length[0]);
            Assert.AreEqual(0xC3, (int)buffer.Bytes[3]);
            Assert.AreEqual(0xA9, (int)buffer.Bytes[4]);
            Assert.AreEqual(3, buffer.Length[1]);
            Assert.AreEqual(0xE7, (int)buffer.Bytes[TokenBuffer.MaxTokenBytes]);
            Assert.AreEqual(-1, buffer.Values[0]);
        }

        [TestMethod]
        public void WordsUpTo32BytesAreKeptLongerOnesAreOov()
        {
            string a32 = new string('a', 32), a33 = new string('a', 33);
            Assert.AreEqual(a32 + " x", TokenText.Tokenize(a32 + " x", 4));
            Assert.AreEqual("<oov> x", TokenText.Tokenize(a33 + " x", 4));
            string e16 = new string('\u00e9', 16), e17 = new string('\u00e9', 17);
            Assert.AreEqual(e16, TokenText.Tokenize(e16, 4));
            Assert.AreEqual("<oov>", TokenText.Tokenize(e17, 4));
            // 31 bytes + a 2-byte letter does not fit: the whole word is <oov>, never cut.
            Assert.AreEqual("<oov>", TokenText.Tokenize(new string('a', 31) + "\u00e9", 4));
            Assert.AreEqual("<num>(5) <oov> <num>(6)", TokenText.Tokenize("five " + a33 + " six", 4));
        }

        [TestMethod]
        public void TokensPastCapacityAreDroppedAndFlagged()
        {
            TokenBuffer buffer = new TokenBuffer(3);
            Tokenizer.Tokenize("a b c", buffer);
            Assert.AreEqual(3, buffer.Count);
            Assert.IsFalse(buffer.Truncated);
            Tokenizer.Tokenize("a b c d e twenty five", buffer);
            Assert.AreEqual(3, buffer.Count);
            Assert.IsTrue(buffer.Truncated);
            Assert.AreEqual("a b c", TokenText.Describe(buffer));
            Tokenizer.Tokenize("a b twenty five", buffer);
            Assert.AreEqual("a b <num>(25)", TokenText.Describe(buffer));
            Assert.IsFalse(buffer.Truncated);
            Tokenizer.Tokenize("x", buffer);
            Assert.AreEqual("x", TokenText.Describe(buffer));
        }

        [TestMethod]
        public void ZeroCapacityKeepsNothing()
        {
            TokenBuffer empty = new TokenBuffer(0);
            Tokenizer.Tokenize("turn on", empty);
            Assert.AreEqual(0, empty.Count);
            Assert.IsTrue(empty.Truncated);
        }

        [TestMethod]
        public void LongLineIsScannedOnce()
        {
            string word = "lights on ";
            string line = "";
            for (int i = 0; i < 200; i++) line += word;
            TokenBuffer buffer = new TokenBuffer(8);
            Tokenizer.Tokenize(line, buffer);
            Assert.AreEqual(8, buffer.Count);
            Assert.IsTrue(buffer.Truncated);
            Assert.IsTrue(buffer.TokenIs(7, "on"));
        }
    }
}
