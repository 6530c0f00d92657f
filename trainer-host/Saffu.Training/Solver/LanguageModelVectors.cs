using Saffu.Training.Model;
using Saffu.Training.Training;
using Saffu.Training.Vocabulary;

namespace Saffu.Training.Solver;

/// <summary>
/// The language-model head as pre-training for the word vectors (issue 14, item 1): after an explicit solve on the cipher
/// codes, the LM head (<see cref="LanguageModelHead"/>) predicts the next word at every position of the training data;
/// word w's vector becomes its code mixed with the cipher vectors of the words predicted after it, averaged over its
/// occurrences (<see cref="WordCodes.UsePredictedNeighbours"/>), instead of the counted neighbours of
/// <see cref="WordCodes.UseCooccurrence"/>. Measured in docs/training.md, table O.
/// </summary>
public static class LanguageModelVectors
{
    /// <summary>Solves the LM head on <paramref name="model"/> (already solved) and sets its vectors.</summary>
    public static void Use(FloatModel model, EncodedCorpus corpus, CooccurrenceOptions options, double epsilon)
    {
        var head = LanguageModelHead.Solve(model, corpus, 1, epsilon);
        model.Codes.UsePredictedNeighbours(head.MeanPredictionAfterEachWord(model, corpus), options);
    }
}
