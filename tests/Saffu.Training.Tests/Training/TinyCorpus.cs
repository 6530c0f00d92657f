using Saffu.Training.Corpus;
using Saffu.Training.FineTuning;
using Saffu.Training.Model;
using Saffu.Training.Slots;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Tests.Training;

/// <summary>A small synthetic lights corpus and models built from it (every context, a tag head).</summary>
public static class TinyCorpus
{
    static Utterance U(string text, string intent, params (string, string)[] slots) =>
        new(text, intent, slots.Length == 0 ? Utterance.NoSlots : slots.ToDictionary(p => p.Item1, p => p.Item2), new SourceLine("tiny", 1));

    public static readonly IReadOnlyList<Utterance> Train =
    [
        U("turn on the kitchen light", "on", ("area", "kitchen")),
        U("switch the hall lights on", "on", ("area", "hall")),
        U("lights on please", "on"),
        U("turn off the kitchen light", "off", ("area", "kitchen")),
        U("switch off the hall lights", "off", ("area", "hall")),
        U("lights off", "off"),
        U("dim the kitchen to 30 percent", "dim", ("area", "kitchen"), ("brightness", "30")),
        U("set the hall light to fifty percent", "dim", ("area", "hall"), ("brightness", "50")),
        U("make it darker", "dim"),
        U("kitchen lights to twenty", "dim", ("area", "kitchen"), ("brightness", "20")),
    ];

    public static readonly IReadOnlyList<Utterance> Valid =
    [
        U("turn the kitchen lights on", "on"),
        U("hall light off", "off"),
        U("dim the hall to 40 percent", "dim"),
    ];

    /// <summary>A model with block, radial, document and a tag head (codes of popcount 1 and 2), random weights.</summary>
    public static (FloatModel Model, EncodedCorpus Corpus) RandomModel(int bits = 6, int seed = 7, bool includeParts = true, double scale = 1.0)
    {
        var options = new TrainOptions { Bits = bits, PrependSod = true, BlockSize = 3, RadialSize = 2, TagOffsets = 2, TagIncludesIntentParts = includeParts, MaxWords = 12 };
        var vocabulary = VocabularyBuilder.Build(Train.Select(u => u.Text), options.MaxWords, options.PrependSod);
        var intents = Trainer.IntentSet(Train);
        var tags = TagSet.For(Train);
        var config = Trainer.Configure(options, vocabulary.Count, intents.Count, tags.Count);
        var model = new FloatModel(config, vocabulary, intents, tags, SaffuWeights.Zero(config));
        FineTuner.RandomStart(model, seed, scale);
        var corpus = EncodedCorpus.Encode(Train, vocabulary, intents, new SlotTagger(tags), out _);
        return (model, corpus);
    }
}
