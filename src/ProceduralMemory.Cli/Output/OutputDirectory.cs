namespace ProceduralMemory.Cli.Output;

/// <summary>
/// A folder a command writes its results into. It is checked before any work starts, and every file is
/// written whole or not at all, so a failed command never leaves a half-written file behind.
/// </summary>
internal sealed class OutputDirectory
{
    private OutputDirectory(string path) => Path = path;

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Creates the folder if needed and proves it writable.</summary>
    /// <exception cref="UsageException">The folder cannot be created or written.</exception>
    public static OutputDirectory Prepare(string path)
    {
        OutputDirectory folder = Check(path);
        Directory.CreateDirectory(folder.Path);
        return folder;
    }

    /// <summary>
    /// Proves the folder can be created (if missing) and written, and leaves no trace: folders made for the proof are
    /// removed again, and the folder is created by the first file written into it. For commands that must not create
    /// anything before later checks pass.
    /// </summary>
    /// <exception cref="UsageException">The folder cannot be created or written.</exception>
    public static OutputDirectory Check(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
            throw new UsageException("--out must name a folder.");
        string full = System.IO.Path.GetFullPath(path);
        if (File.Exists(full))
            throw new UsageException($"cannot write to '{path}': it is a file, not a folder.");
        var made = new List<string>();
        for (string? missing = full; missing is not null && !Directory.Exists(missing); missing = System.IO.Path.GetDirectoryName(missing))
            made.Add(missing);
        try
        {
            Directory.CreateDirectory(full);
            string probe = System.IO.Path.Combine(full, $".procmem-write-test-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new UsageException($"cannot write to '{path}': {e.Message}");
        }
        finally
        {
            // Deepest first; a folder someone else filled meanwhile is theirs now, and stays.
            foreach (string folder in made)
                if (Directory.Exists(folder) && !Directory.EnumerateFileSystemEntries(folder).Any())
                    Directory.Delete(folder);
        }
        return new OutputDirectory(full);
    }

    /// <summary>Writes <paramref name="content"/> to <paramref name="fileName"/> in the folder atomically; returns its path.</summary>
    public string WriteAllText(string fileName, string content)
    {
        Directory.CreateDirectory(Path);
        string target = System.IO.Path.Combine(Path, fileName);
        string temporary = target + $".{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temporary, content);
            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
        return target;
    }
}
