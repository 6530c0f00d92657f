using Saffu.Training.Corpus;
using Saffu.Training.Evaluation;
using Saffu.Training.Model;

namespace Saffu.Training.Tests.Evaluation;

/// <summary>A scorer that returns hand-written logit rows per text (thread-safe: read-only).</summary>
internal sealed class TableScorer(string[] intents, Dictionary<string, float[][]> rows, int noneIntent = -1,
    double temperature = 1, double threshold = 0.5) : IIntentScorer
{
    public IReadOnlyList<string> Intents => intents;
    public int NoneIntent => noneIntent;
    public double Temperature => temperature;
    public double RejectThreshold => threshold;
    public float[][] PrefixLogits(string text) => rows[text];
}

/// <summary>
/// A bag-of-keywords scorer: every word that names an intent's keyword adds <c>strength</c> to
/// that intent's logit, so later words change the prediction as a real model's would.
/// </summary>
internal class KeywordScorer(string[] intents, Dictionary<string, int> keywords, float strength = 2, int noneIntent = -1,
    double temperature = 1, double threshold = 0.5) : IIntentScorer
{
    public IReadOnlyList<string> Intents => intents;
    public int NoneIntent => noneIntent;
    public double Temperature => temperature;
    public double RejectThreshold => threshold;

    public virtual float[][] PrefixLogits(string text)
    {
        string[] words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var rows = new float[Math.Max(1, words.Length)][];
        var logits = new float[intents.Length];
        for (int t = 0; t < rows.Length; t++)
        {
            if (t < words.Length && keywords.TryGetValue(words[t], out int intent)) logits[intent] += strength;
            rows[t] = (float[])logits.Clone();
        }
        return rows;
    }
}

/// <summary>A keyword scorer that also reads a slot: the word after "the" is the `name`.</summary>
internal sealed class SlotKeywordScorer(string[] intents, Dictionary<string, int> keywords)
    : KeywordScorer(intents, keywords), ISlotPredictor
{
    public IReadOnlyDictionary<string, string> PredictSlots(string text)
    {
        string[] words = text.Split(' ');
        int the = Array.IndexOf(words, "the");
        return the >= 0 && the + 1 < words.Length
            ? new Dictionary<string, string> { [SlotNames.Name] = words[the + 1] }
            : Utterance.NoSlots;
    }
}

internal static class Utterances
{
    public static Utterance[] Labelled(params (string Text, string? Intent)[] items) =>
        items.Select((x, i) => new Utterance(x.Text, x.Intent, Utterance.NoSlots, new SourceLine("test.jsonl", i + 1))).ToArray();

    public static Utterance[] Unlabelled(params string[] texts) =>
        texts.Select((x, i) => new Utterance(x, null, Utterance.NoSlots, new SourceLine("ood.jsonl", i + 1))).ToArray();

    public static double Softmax(double[] logits, int index, double temperature = 1)
    {
        double max = logits.Max();
        return Math.Exp((logits[index] - max) / temperature) / logits.Sum(x => Math.Exp((x - max) / temperature));
    }
}
