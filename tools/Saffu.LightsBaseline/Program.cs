// ML.NET n-gram classifiers trained on the shipped lights model's training sentences, against SAFFU's top intent on the
// lights tune sets (issue 11; README.md). Run from the repository root after ./tools/main-job.
using Saffu.LightsBaseline;

System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.InvariantCulture;
BaselineSettings settings;
try
{
    settings = BaselineSettings.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"lights-baseline: {e.Message}");
    Console.Error.WriteLine(BaselineSettings.Usage);
    return 2;
}
try
{
    return BaselineRun.Execute(settings, Console.Out, Console.Error);
}
catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException
    or Saffu.Training.Corpus.DatasetException or Saffu.Training.Home.HomeDescriptionException)
{
    Console.Error.WriteLine($"lights-baseline: {e.Message}");
    return 1;
}
