using System.Security.Cryptography;
using Saffu.Training.Export;
using Saffu.Training.Grammar;
using Saffu.Training.Home;
using Saffu.Training.Model;
using Saffu.Training.Tests.Home;
using Saffu.Training.Training;

namespace Saffu.Training.Tests.Export;

/// <summary>
/// A lights model for the shipped home, trained once per test run as `saffu train --home` trains it (the
/// grammar's corpus with exact tags, the lights defaults; 2–3 s in Release), and its blob with the home's action map.
/// </summary>
internal static class LightsFixture
{
    private static readonly Lazy<(FloatModel Model, byte[] Blob)> trained = new(Train, LazyThreadSafetyMode.ExecutionAndPublication);

    public static FloatModel Model => trained.Value.Model;
    public static byte[] Blob => trained.Value.Blob;

    private static (FloatModel, byte[]) Train()
    {
        HomeDescription home = HomeDescription.Load(RepoFiles.Path("models/lights/home.yaml"));
        var corpus = LightsCorpus.Build(home);
        var train = corpus.Train.Select(s => s.ToUtterance()).ToList();
        var valid = corpus.Valid.Select(s => s.ToUtterance()).ToList();
        FloatModel model = Trainer.Train(train, valid, TrainOptions.Lights, keepWords: corpus.KeepWords).Model;
        model.SlotValueNames = corpus.Phrases.ValueNames();
        return (model, BlobExporter.Export(model, SHA256.HashData("lights"u8), home, ExportOptions.Default).Bytes);
    }
}
