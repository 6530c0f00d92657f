using System.Text;

namespace Saffu.Training.Home;

/// <summary>Reads a home description's bytes as strict UTF-8, with a size bound.</summary>
static class HomeFile
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string ReadText(string path)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                throw new HomeDescriptionException(HomeError.Unreadable, path, 0, 0, "no such file", "a home description YAML file (docs/home.md)");
            if (info.Length > HomeDescription.MaxFileBytes)
                throw new HomeDescriptionException(HomeError.FileTooLarge, path, 0, 0, $"{info.Length} bytes",
                    $"at most {HomeDescription.MaxFileBytes} bytes");
            return StrictUtf8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException e)
        {
            throw new HomeDescriptionException(HomeError.Unreadable, path, 0, 0, "bytes that are not UTF-8", "a UTF-8 text file", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HomeDescriptionException(HomeError.Unreadable, path, 0, 0, $"a file that cannot be read ({e.Message})", "a readable file", e);
        }
    }
}
