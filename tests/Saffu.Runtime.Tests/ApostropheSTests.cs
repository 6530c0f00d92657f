#if NANOFRAMEWORK_1_0
using nanoFramework.TestFramework;
#else
using Microsoft.VisualStudio.TestTools.UnitTesting;
#endif
using Saffu.Runtime.Blob;
using Saffu.Runtime.Model;
using Saffu.Runtime.Text;

namespace Saffu.Runtime.Tests
{
    /// <summary>docs/tokenizer.md §Unknown words ending in 's: the examples of its table, and the buffer edges.</summary>
    [TestClass]
    public class ApostropheSTests
    {
        /// <summary>A word set from a list of ASCII words, compared byte by byte.</summary>
        sealed class Words : IWordSet
        {
            readonly string[] words;

            public Words(string[] words)
            {
                this.words = words;
            }

            public bool Contains(byte[] bytes, int offset, int length)
            {
                for (int w = 0; w < words.Length; w++)
                {
                    string s = words[w];
                    if (s.Length != length) continue;
                    int k = 0;
                    while (k < length && bytes[offset + k] == s[k]) k++;
                    if (k == length) return true;
                }
                return false;
            }
        }

        static readonly string[] Known = { "the", "lamp", "light", "is", "off", "it's", "cord", "too" };

        static string Read(string line, int capacity)
        {
            TokenBuffer buffer = new TokenBuffer(capacity);
            Tokenizer.Tokenize(line, buffer);
            ApostropheS.Apply(buffer, new Words(Known));
            return TokenText.Describe(buffer) + (buffer.Truncated ? " [truncated]" : "");
        }

        // The table of docs/tokenizer.md §Unknown words ending in 's, verbatim.
        [TestMethod]
        [DataRow("the reading lamp's off", "the reading lamp off")]
        [DataRow("the main light\u2019s too dim", "the main light too dim")]
        [DataRow("the lamp's cord", "the lamp cord")]
        [DataRow("it's off", "it's off")]
        [DataRow("the dog's lamp", "the dog's lamp")]
        [DataRow("the lights' cord", "the lights cord")]
        public void DocumentExamples(string line, string expected)
        {
            Assert.AreEqual(expected, Read(line, 16));
        }

        [TestMethod]
        public void EveryStemmedWordOfALineIsReadAndTheCountStays()
        {
            Assert.AreEqual("the lamp off the light off", Read("the lamp's off the light's off", 16));
            Assert.AreEqual("the lamp [truncated]", Read("the lamp's off", 2));
        }

        [TestMethod]
        public void NumbersAndShortWordsAreLeftAlone()
        {
            // "5's" is <num>(5) then "s" (an apostrophe after a digit separates); "'s" alone is no word.
            Assert.AreEqual("<num>(5) s s", Read("5's 's", 16));
        }

        // Through a blob: the session pushes "light" (not <oov>) for "light’s", and nothing for the "'s".
        [TestMethod]
        public void TheSessionPushesTheStemOfAnUnknownWordEndingInS()
        {
            LoadResult result = ModelBlob.Load(TestBlobWriter.Write(TaggingModel.Create()));
            Assert.AreEqual(BlobError.None, result.Error, result.Message);
            SaffuModel model = result.Model!;
            Session session = model.Session;
            Assert.AreEqual(PushResult.Ok, session.RunLine("the kitchen light\u2019s off"));
            Assert.AreEqual(4, session.Words);
            Assert.AreEqual(model.Vocabulary.Find("light"), session.State.WordIds[3]);
            Assert.AreEqual(model.Vocabulary.Find("off"), session.State.WordIds[4]);
        }
    }
}
