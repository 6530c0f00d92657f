using System.Text;

namespace Saffu.Cli.Tests;

/// <summary>A fresh temporary folder for one test, deleted at dispose; files written as UTF-8 without BOM.</summary>
internal sealed class TestFolder : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "saffu-cli-" + Guid.NewGuid().ToString("N"));

    public TestFolder() => Directory.CreateDirectory(Path);

    public string File(string name, string content)
    {
        string full = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllText(full, content, new UTF8Encoding(false));
        return full;
    }

    /// <summary>A data folder holding line-aligned files, e.g. seq.in and label.</summary>
    public string DataFolder(string name, string file1, string content1, string file2, string content2)
    {
        string dir = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(dir);
        System.IO.File.WriteAllText(System.IO.Path.Combine(dir, file1), content1, new UTF8Encoding(false));
        System.IO.File.WriteAllText(System.IO.Path.Combine(dir, file2), content2, new UTF8Encoding(false));
        return dir;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}
