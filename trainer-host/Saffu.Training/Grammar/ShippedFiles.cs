namespace Saffu.Training.Grammar;

/// <summary>The grammar and sentence list built into Saffu.Training.dll (see the project's EmbeddedResource items).</summary>
static class ShippedFiles
{
    public const string Grammar = "Saffu.Training.Grammar.grammar.txt";
    public const string NotLights = "Saffu.Training.Grammar.not-lights.txt";

    public static string Read(string resource)
    {
        using Stream stream = typeof(ShippedFiles).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The resource {resource} is not built into {typeof(ShippedFiles).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
