using System.Text.Json.Nodes;

namespace Saffu.Training.Training;

/// <summary>`training-log.json`: what training measured that is deterministic (no times: they differ run to run).</summary>
public static class TrainingLog
{
    public static JsonObject Json(TrainingResult r) => new()
    {
        ["layers"] = new JsonArray(r.Layers.Select(l => (JsonNode)new JsonObject
        {
            ["layer"] = l.Layer, ["pass"] = l.Pass, ["k"] = SortedJson.Number(l.K), ["examples"] = l.Examples, ["weightSum"] = SortedJson.Number(l.WeightSum),
        }).ToArray()),
        ["trainUtterances"] = r.Measurements.TrainUtterances,
        ["droppedUtterances"] = r.Measurements.DroppedUtterances,
        ["unknownWordCopies"] = r.Measurements.UnknownWordCopies, ["speechErrorCopies"] = r.Measurements.SpeechErrorCopies,
        ["dropoutCopies"] = r.Measurements.DropoutCopies, ["unanchoredNoneLeftOut"] = r.Measurements.UnanchoredNoneLeftOut,
        ["prefixExamples"] = r.Measurements.PrefixExamples,
        ["unmatchedSlots"] = r.Measurements.UnmatchedSlots,
        ["explicitValidAccuracy"] = SortedJson.Number(r.Measurements.ExplicitValidAccuracy),
        ["finalValidAccuracy"] = SortedJson.Number(r.Measurements.FinalValidAccuracy),
        ["parameters"] = r.Model.Weights.ParameterCount(r.Model.Config),
        ["noneRejection"] = r.Rejection is { } c ? new JsonObject
        {
            ["offset"] = SortedJson.Number(c.Offset), ["threshold"] = SortedJson.Number(c.Threshold),
            ["validFalseRejection"] = SortedJson.Number(c.FalseRejection), ["validNoneRejected"] = SortedJson.Number(c.NoneRejected),
        } : null,
        ["fineTune"] = new JsonArray(r.FineTuneHistory.Select(e => (JsonNode)new JsonObject
        {
            ["epoch"] = e.Epoch, ["steps"] = e.Steps, ["trainLoss"] = SortedJson.Number(e.TrainLoss), ["validAccuracy"] = e.ValidAccuracy,
        }).ToArray()),
    };
}
