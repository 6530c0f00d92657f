namespace Saffu.Training.Tests;

/// <summary>The real data sets beside the repository (`../shared/data/`), when present.</summary>
public static class SharedData
{
    public static string? Find(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "..", "shared", "data", relative);
            if (Directory.Exists(candidate) || File.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
