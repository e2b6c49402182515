namespace ProceduralMemory.Tests.Shared;

/// <summary>Locates the repository's reference data (<c>&lt;repo&gt;/data</c>), which the tests read and nothing outside the repository provides.</summary>
internal static class DataFiles
{
    /// <summary>MiniGrid DoorKey episodes recorded from the reference implementation.</summary>
    public static string ConformanceTraces => Locate(Path.Combine("conformance", "minigrid-doorkey.jsonl"));

    /// <summary>Episodes of the whole MiniGrid family recorded from the reference implementation (gzip).</summary>
    public static string FamilyConformanceTraces => Locate(Path.Combine("conformance", "minigrid-family.jsonl.gz"));

    /// <summary>The directory of a tau-bench domain (<c>retail</c>, <c>airline</c>): its database, tools, tasks and conformance traces.</summary>
    public static string TauDomain(string name) => Path.GetDirectoryName(Locate(Path.Combine("tau-bench", name, "tools.json")))!;

    /// <summary>The reference's replay of every task of a tau-bench domain (gzip).</summary>
    public static string TauConformanceTraces(string name) => Locate(Path.Combine("tau-bench", name, "conformance.jsonl.gz"));

    /// <summary>The repository's root: the folder holding <c>ProceduralMemory.slnx</c> above the test binaries.</summary>
    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "ProceduralMemory.slnx")))
                    return dir.FullName;
            throw new DirectoryNotFoundException($"No ProceduralMemory.slnx above {AppContext.BaseDirectory}.");
        }
    }

    private static string Locate(string relative)
    {
        string path = Path.Combine(RepositoryRoot, "data", relative);
        return File.Exists(path) ? path : throw new FileNotFoundException($"The data file data/{relative} is missing from the repository.", path);
    }
}
