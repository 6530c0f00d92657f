using Saffu.Training.Model;

namespace Saffu.Training.Evaluation;

/// <summary>
/// Runs an <see cref="IIntentScorer"/> over many transcripts. Work is spread over
/// <see cref="Parallelism"/> threads, but each result goes to its own index and every number is
/// computed from that utterance alone, so the results do not depend on scheduling.
/// </summary>
/// <remarks>
/// <see cref="IIntentScorer.PrefixLogits"/> (and <see cref="ISlotPredictor.PredictSlots"/>) are
/// called concurrently: a scorer over a stateful session must give each call its own state.
/// </remarks>
public static class UtteranceScoring
{
    /// <summary>Threads used by <see cref="ScoreAll"/> (our machines have 2 cores).</summary>
    public const int Parallelism = 2;

    /// <summary>Scores every text; <paramref name="labels"/>[i] is the true intent id or −1.</summary>
    /// <param name="onScored">Called once per finished utterance (from worker threads), for progress.</param>
    public static ScoredUtterance[] ScoreAll(IIntentScorer scorer, IReadOnlyList<string> texts, IReadOnlyList<int> labels,
        Action? onScored = null, CancellationToken cancel = default)
    {
        if (texts.Count != labels.Count)
            throw new ArgumentException($"{texts.Count} texts but {labels.Count} labels.", nameof(labels));
        var results = new ScoredUtterance[texts.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancel };
        try
        {
            Parallel.For(0, texts.Count, options, i =>
            {
                results[i] = Score(scorer, texts[i], labels[i]);
                onScored?.Invoke();
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // Report the failure of the first utterance that failed, whatever thread saw it first.
            throw e.InnerExceptions[0];
        }
        return results;
    }

    /// <summary>Scores one transcript.</summary>
    public static ScoredUtterance Score(IIntentScorer scorer, string text, int label)
    {
        float[][] rows = scorer.PrefixLogits(text);
        int intents = scorer.Intents.Count;
        if (rows.Length == 0)
            throw new ScorerException($"The scorer returned no prediction for \"{text}\"; it must return at least one row.");
        foreach (float[] row in rows)
        {
            if (row.Length != intents)
                throw new ScorerException($"The scorer returned {row.Length} logits for \"{text}\"; expected one per intent ({intents}).");
            foreach (float x in row)
                if (!float.IsFinite(x)) throw new ScorerException($"The scorer returned the logit {x} for \"{text}\"; expected finite numbers.");
        }

        int none = scorer.NoneIntent;
        var tops = new int[Anticipation.Fractions.Count];
        for (int f = 0; f < tops.Length; f++)
            tops[f] = ArgMax(rows[Anticipation.PrefixLength(Anticipation.Fractions[f], rows.Length) - 1], skip: none);
        float[] last = rows[^1];
        double[] probabilities = Calibration.Softmax(last, scorer.Temperature);
        var slots = (scorer as ISlotPredictor)?.PredictSlots(text);
        int top = ArgMax(last, skip: -1);
        return new ScoredUtterance(label, rows.Length, tops, probabilities, top, tops[^1], slots,
            scorer.IsAnchored(text), Grammar.LightIntents.IsNonActing(scorer.Intents[top]));
    }

    /// <summary>Index of the largest entry other than <paramref name="skip"/> (ties: lowest index).</summary>
    public static int ArgMax(ReadOnlySpan<float> row, int skip)
    {
        int best = -1;
        for (int i = 0; i < row.Length; i++)
        {
            if (i == skip) continue;
            if (best < 0 || row[i] > row[best]) best = i;
        }
        if (best < 0) throw new ScorerException("No intent to choose: the only intent is the none class.");
        return best;
    }
}
