namespace Saffu.Training.Tests.Home;

/// <summary>Files of this repository (found upwards from the test binary, by SaffuEmbedded.sln).</summary>
public static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "SaffuEmbedded.sln"))) return dir.FullName;
        throw new InvalidOperationException($"SaffuEmbedded.sln not found above {AppContext.BaseDirectory}");
    }
}
