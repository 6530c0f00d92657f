using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Saffu.Training.Training;

/// <summary>The training data summary model.json records (`data.trainUtterances`, `data.trainSha256`).</summary>
public sealed record TrainData(int Utterances, string Sha256)
{
    /// <summary>
    /// A retrained model's data: the parent's utterances plus the corrections' examples, and the hash chain
    /// SHA-256(parent's data hash ‖ corrections hash) (docs/model-dir.md), so the blob's dataHash names both.
    /// </summary>
    public static TrainData Retrained(string parentSha256, int parentUtterances, byte[] correctionsHash, int examples) =>
        new(parentUtterances + examples, Convert.ToHexStringLower(SHA256.HashData([.. Convert.FromHexString(parentSha256), .. correctionsHash])));
}

/// <summary>
/// Where a retrained model came from (model.json `lineage`, the blob's Lineage section, docs/model-blob.md §13): its parent's
/// content hash, the hash of the corrections file, the content hash of the first trained model of the chain, its generation
/// (1 for a model retrained from a trained one), how many corrections taught it and with what weight.
/// </summary>
public sealed record ModelLineage(byte[] ParentHash, byte[] CorrectionsHash, byte[] RootHash, int Generation, int Corrections, double Weight)
{
    public const int MaxGeneration = 65535;

    public JsonObject Json() => new()
    {
        ["generation"] = Generation,
        ["parentContentHash"] = Convert.ToHexStringLower(ParentHash),
        ["rootContentHash"] = Convert.ToHexStringLower(RootHash),
        ["correctionsSha256"] = Convert.ToHexStringLower(CorrectionsHash),
        ["corrections"] = Corrections,
        ["weight"] = Weight,
    };

    public static ModelLineage Read(JsonObject o, JsonReader r)
    {
        byte[] Hash(string key)
        {
            string hex = r.String(o, key);
            return hex.Length == 64 && hex.All(Uri.IsHexDigit) ? Convert.FromHexString(hex) : throw r.Bad("lineage." + key, $"\"{hex}\"", "64 hexadecimal digits");
        }
        int generation = r.Int(o, "generation");
        if (generation is < 1 or > MaxGeneration) throw r.Bad("lineage.generation", generation.ToString(CultureInfo.InvariantCulture), $"1..{MaxGeneration}");
        return new ModelLineage(Hash("parentContentHash"), Hash("correctionsSha256"), Hash("rootContentHash"), generation, r.Int(o, "corrections"), r.Double(o, "weight"));
    }
}
