namespace ProceduralMemory.Tests.Shared;

/// <summary>Locates files of the shared folder that CI clones beside the repository (<c>&lt;repo&gt;/../shared</c>).</summary>
internal static class SharedFiles
{
    public static string ConformanceTraces => Locate(Path.Combine("conformance", "minigrid-doorkey.jsonl"));

    private static string Locate(string relative)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ProceduralMemory.slnx")))
            {
                string path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", relative));
                return File.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"The shared file {relative} is missing: expected at {path} (clone the shared folder beside the repository).", path);
            }
        }
        throw new DirectoryNotFoundException($"No ProceduralMemory.slnx above {AppContext.BaseDirectory}.");
    }
}
