namespace Saffu.Training.Speech;

/// <summary>
/// Where pocketsphinx-en-us installs the US English acoustic model, its dictionary (CMUdict) and its general
/// language model (Debian's pocketsphinx-en-us; `tools/setup-speech`). `SAFFU_SPEECH_MODEL` names another folder
/// with the same layout.
/// </summary>
public sealed record StockSpeechModel(string Folder)
{
    public const string DefaultFolder = "/usr/share/pocketsphinx/model/en-us";
    public const string FolderVariable = "SAFFU_SPEECH_MODEL";

    public static StockSpeechModel Default =>
        new(Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder ? folder : DefaultFolder);

    /// <summary>The acoustic model (folder with mdef, means, …).</summary>
    public string AcousticModel => Path.Combine(Folder, "en-us");
    /// <summary>The stock pronunciation dictionary (CMUdict, 134k entries).</summary>
    public string Dictionary => Path.Combine(Folder, "cmudict-en-us.dict");
    /// <summary>The general English trigram language model (binary).</summary>
    public string GeneralLanguageModel => Path.Combine(Folder, "en-us.lm.bin");

    /// <summary>Null when everything is installed, else what is missing and how to install it.</summary>
    public string? Missing()
    {
        foreach (string path in new[] { Path.Combine(AcousticModel, "mdef"), Dictionary, GeneralLanguageModel })
            if (!File.Exists(path)) return $"{path} not found (the pocketsphinx-en-us package; run tools/setup-speech, or set {FolderVariable})";
        return null;
    }
}
