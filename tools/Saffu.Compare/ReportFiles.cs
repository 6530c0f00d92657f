namespace Saffu.Compare;

/// <summary>Writes the run's files completely or not at all (a temporary file, then a rename).</summary>
internal static class ReportFiles
{
    public static string Write(string folder, string name, byte[] bytes)
    {
        Directory.CreateDirectory(folder);
        string path = Path.Combine(folder, name), temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return path;
    }
}
