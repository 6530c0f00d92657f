using Saffu.Training.Model;
using Saffu.Training.Training;

namespace Saffu.Training.FineTuning;

/// <summary>Closed-set top-1 accuracy of whole utterances (ties: lowest index), on all cores.</summary>
public static class HeldOutAccuracy
{
    public static double Of(FloatModel model, EncodedCorpus corpus)
    {
        if (corpus.Count == 0) return 0;
        var correct = new int[corpus.Count];
        Parallel.For(0, corpus.Count, () => model.NewState(), (u, _, state) =>
        {
            model.RunToEnd(state, corpus.Texts[u]);
            correct[u] = Softmax.ArgMax(state.Logits) == corpus.Intents[u] ? 1 : 0;
            return state;
        }, _ => { });
        return correct.Sum() / (double)corpus.Count;
    }
}
