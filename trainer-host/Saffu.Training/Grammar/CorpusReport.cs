namespace Saffu.Training.Grammar;

/// <summary>What one template contributed: how many it could say, its share, how many distinct sentences were kept.</summary>
public sealed record TemplateReport(Template Template, long Possible, int Quota, int Kept, bool HeldOut);

/// <summary>How a lights corpus was made, for logs and the model card.</summary>
/// <param name="Conflicts">Token sequences generated with two different labellings; every sentence with them was dropped.</param>
/// <param name="OverriddenByExtra">Generated sentences dropped because an extra sentence has the same tokens.</param>
/// <param name="Elapsed">Wall-clock time of the whole build.</param>
public sealed record CorpusReport(IReadOnlyList<TemplateReport> Templates, int NotLightsTrain, int NotLightsValid, int Extra,
    IReadOnlyList<string> Conflicts, int OverriddenByExtra, TimeSpan Elapsed);
