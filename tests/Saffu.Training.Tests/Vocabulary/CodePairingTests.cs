using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Vocabulary;

/// <summary>Paired codes (docs/saffu-model.md §1): two-bit words share their bit with the single-bit word said in the same intents.</summary>
[TestClass]
public class CodePairingTests
{
    // Intents: on, off, none. b = 4: ranks 0..3 one-hot; 4, 5, 6 = {0,1}, {0,2}, {0,3}; 7, 8 = {1,2}, {1,3}.
    static readonly string[] CountOrder = ["<sod>", "on", "off", "<oov>", "junk", "darken", "brighten", "blah", "dark"];
    static readonly double[][] Profiles =
    [
        [10, 10, 10], [10, 0, 0], [0, 10, 0], [0, 0, 5],
        [0, 0, 3], [0, 2, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0],
    ];

    [TestMethod]
    public void EachTwoBitWordSharesItsBitWithTheSingleBitWordOfTheClosestIntentProfile()
    {
        var vocabulary = new WordVocabulary(CountOrder, maxWords: 8, prependSod: true);
        var order = CodePairing.Order(vocabulary, Profiles, bits: 4);
        // Single-bit words keep their ranks; in the run {0,x} "junk" (most frequent) takes x = 3 (<oov>: none), "darken"
        // x = 2 (off), "brighten" x = 1 (on); in the run {1,x} "blah" takes x = 3 (<oov>) and "dark" is left {1,2} (off).
        CollectionAssert.AreEqual(new[] { "<sod>", "on", "off", "<oov>", "brighten", "darken", "junk", "dark", "blah" }, order.ToArray());
    }

    [TestMethod]
    public void AsManyBitsAsWordsKeepTheCountOrder()
    {
        var vocabulary = new WordVocabulary(CountOrder, maxWords: 8, prependSod: true);
        CollectionAssert.AreEqual(CountOrder, CodePairing.Order(vocabulary, Profiles, bits: 9).ToArray());
    }
}
