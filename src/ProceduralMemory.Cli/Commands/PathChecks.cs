namespace ProceduralMemory.Cli.Commands;

/// <summary>
/// What is wrong with a path given on the command line, found by looking only (nothing is created or opened), so
/// that a command refuses it before it starts. Each returns the one-line reason, or null when the path is usable as far
/// as looking can tell (a folder that cannot be created, or a file that cannot be read, is still found out later).
/// </summary>
internal static class PathChecks
{
    /// <summary>A folder to write into: it may be missing, but not a file, nor below one.</summary>
    public static string? FolderProblem(string option, string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return $"{option} must name a folder.";
        // Worded as OutputDirectory words what it finds when it tries, so the message is the same whichever finds it.
        if (Unusable(path) is { } problem)
            return $"cannot write to '{path}': it {problem}.";
        string full = Path.GetFullPath(path);
        if (File.Exists(full))
            return $"cannot write to '{path}': it is a file, not a folder.";
        for (string? ancestor = Path.GetDirectoryName(full); ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
            if (File.Exists(ancestor))
                return $"cannot write to '{path}': '{ancestor}' is a file, not a folder.";
        return null;
    }

    /// <summary>A file to (re)write: its folder must exist and it must not be a folder itself; null (not given) is fine.</summary>
    public static string? NewFileProblem(string option, string? path)
    {
        if (path is null)
            return null;
        if (string.IsNullOrWhiteSpace(path))
            return $"{option} must name a file.";
        return FileInExistingFolderProblem(option, path, "a file");
    }

    /// <summary>A file to read: it must exist and not be a folder.</summary>
    public static string? ExistingFileProblem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "the file name is empty.";
        if (Unusable(path) is { } problem)
            return $"'{path}': it {problem}.";
        if (Directory.Exists(path))
            return $"'{path}' is a folder, not a file.";
        return File.Exists(path) ? null : $"'{path}': no such file.";
    }

    /// <summary>A SQLite library file: it need not exist, but its folder must, and it must not be a folder.</summary>
    public static string? LibraryFileProblem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
            return "--library needs a file name or a PostgreSQL location.";
        return FileInExistingFolderProblem("--library", path, "a library file");
    }

    private static string? FileInExistingFolderProblem(string option, string path, string what)
    {
        if (Unusable(path) is { } problem)
            return $"{option} '{path}': it {problem}.";
        string full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return $"{option} '{path}' is a folder, not {what}.";
        string? folder = Path.GetDirectoryName(full);
        if (folder is not null && !Directory.Exists(folder))
            return File.Exists(folder) ? $"{option} '{path}': '{folder}' is a file, not a folder." : $"{option} '{path}': there is no folder '{folder}'.";
        return null;
    }

    // Characters no file system accepts in a path would otherwise surface as an exception from the first file call.
    private static string? Unusable(string path) =>
        path.IndexOfAny(Path.GetInvalidPathChars()) >= 0 ? "holds a character no path may hold" : null;
}
