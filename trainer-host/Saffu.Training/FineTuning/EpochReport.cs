namespace Saffu.Training.FineTuning;

/// <summary>
/// One validation evaluation during fine-tuning: when (epoch, optimizer steps, wall-clock seconds
/// since fine-tuning started, 0 for the starting point) and how good (mean training loss since the
/// last report, validation accuracy of whole utterances).
/// </summary>
public sealed record EpochReport(double Epoch, long Steps, double Seconds, double TrainLoss, double ValidAccuracy, bool Best);
