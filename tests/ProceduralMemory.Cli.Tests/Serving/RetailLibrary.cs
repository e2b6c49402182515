namespace ProceduralMemory.Cli.Tests.Serving;

/// <summary>A retail procedure library learned once from tau-bench retail train tasks 0-199, copied for each test that changes it.</summary>
public sealed class RetailLibrary : IDisposable
{
    private readonly TemporaryDirectory dir = new();

    public RetailLibrary()
    {
        Path = dir.Combine("retail.db");
        CliRun run = CliRun.Of("procedures", "learn", "--domain", "tau-retail", "--tasks", "train:0-199", "--library", Path, "--data", Data);
        if (run.ExitCode != 0)
            throw new InvalidOperationException("learning the retail library failed: " + run.Error);
    }

    /// <summary>The tau-bench data folder.</summary>
    public static string Data => System.IO.Path.GetDirectoryName(DataFiles.TauDomain("retail"))!;

    /// <summary>The learned library (SQLite); tests that change a library use <see cref="CopyTo"/>.</summary>
    public string Path { get; }

    /// <summary>A copy of the library in folder <paramref name="folder"/>.</summary>
    public string CopyTo(string folder)
    {
        string copy = System.IO.Path.Combine(folder, "retail.db");
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => dir.Dispose();
}
