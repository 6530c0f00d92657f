using Microsoft.ML.Transforms.Text;

namespace Saffu.LightsBaseline;

/// <summary>
/// One featurizer of the baseline: word n-grams 1..<paramref name="WordNgrams"/> and, when <paramref name="CharNgrams"/> &gt; 0,
/// character n-grams of that length (FeaturizeText's default extractor: trigrams, not all lengths). FeaturizeText's other
/// defaults stay: lower case, diacritics removed, punctuation and numbers kept, no stop-word removal, term frequency, L2 norm.
/// </summary>
internal sealed record NgramVariant(string Key, string Name, int WordNgrams, int CharNgrams)
{
    public static readonly IReadOnlyList<NgramVariant> All =
    [
        new("a", "word unigrams", 1, 0),
        new("b", "word uni+bigrams", 2, 0),
        new("c", "word uni+bigrams + char trigrams", 2, 3),
        new("d", "FeaturizeText defaults (word unigrams + char trigrams)", 1, 3),
    ];

    public TextFeaturizingEstimator.Options FeaturizerOptions() => new()
    {
        WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = WordNgrams, UseAllLengths = true },
        CharFeatureExtractor = CharNgrams > 0 ? new WordBagEstimator.Options { NgramLength = CharNgrams, UseAllLengths = false } : null,
    };
}
