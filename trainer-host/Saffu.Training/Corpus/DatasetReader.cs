namespace Saffu.Training.Corpus;

/// <summary>
/// Reads labelled transcripts from a path in any of the three formats of docs/cli.md, detected
/// from the path: a folder with `seq.in` and `label`, a `.jsonl` file or a `.csv` file.
/// Every problem is a <see cref="DatasetException"/>; line problems are skipped and counted
/// instead when <see cref="ReadOptions.SkipBadLines"/> is set.
/// </summary>
public static class DatasetReader
{
    public static Dataset Read(string path, ReadOptions? options = null)
    {
        options ??= ReadOptions.Default;
        if (Directory.Exists(path)) return ReadFolder(path, options);
        if (!File.Exists(path))
            throw new DatasetException(DatasetError.NotFound, path, 0, "no such file or folder", "a data folder, a .jsonl or a .csv file");
        return DetectFormat(path) switch
        {
            DatasetFormat.Jsonl => ReadFile(path, s => JsonlFormat.Read(s, path, options)),
            DatasetFormat.Csv => ReadFile(path, s => CsvFormat.Read(s, path, options)),
            _ => throw new DatasetException(DatasetError.UnknownFormat, path, 0,
                $"a file named {DatasetException.Quote(System.IO.Path.GetFileName(path))}",
                "a folder holding seq.in and label, a .jsonl file or a .csv file"),
        };
    }

    /// <summary>The format a path names, or null when it names none.</summary>
    public static DatasetFormat? DetectFormat(string path)
    {
        if (Directory.Exists(path)) return DatasetFormat.Folder;
        string extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        return extension switch { ".jsonl" => DatasetFormat.Jsonl, ".csv" => DatasetFormat.Csv, _ => null };
    }

    static Dataset ReadFolder(string folder, ReadOptions options)
    {
        string texts = System.IO.Path.Combine(folder, FolderFormat.TextFile);
        string labels = System.IO.Path.Combine(folder, FolderFormat.LabelFile);
        foreach (string needed in new[] { texts, labels })
            if (!File.Exists(needed))
                throw new DatasetException(DatasetError.NotFound, folder, 0, $"no {System.IO.Path.GetFileName(needed)} in the folder",
                    $"a folder holding {FolderFormat.TextFile} and {FolderFormat.LabelFile}");
        return Guard(folder, () =>
        {
            using var t = OpenRead(texts);
            using var l = OpenRead(labels);
            return FolderFormat.Read(t, l, texts, labels, options) with { Path = folder };
        });
    }

    static Dataset ReadFile(string path, Func<Stream, Dataset> read) => Guard(path, () =>
    {
        using var stream = OpenRead(path);
        return read(stream);
    });

    static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);

    /// <summary>I/O failures (permissions, a file vanishing) become dataset errors, never crashes.</summary>
    static Dataset Guard(string path, Func<Dataset> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException(DatasetError.NotFound, path, 0, $"a file that cannot be read ({e.Message})", "a readable file");
        }
    }
}
