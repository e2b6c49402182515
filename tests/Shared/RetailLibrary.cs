using ProceduralMemory.Sqlite;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Evaluation;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.Tests.Shared;

/// <summary>
/// A SQLite procedure library learned once per test class from tau-bench retail train tasks 0-199, as
/// <c>procmem procedures learn --domain tau-retail --tasks train:0-199</c> learns it; tests that change a library use a copy.
/// </summary>
public sealed class RetailLibrary : IDisposable
{
    /// <summary>How many train tasks (the first ones) the library learned from: later train tasks are held out.</summary>
    public const int TrainTasks = 200;

    private readonly TemporaryDirectory folder = new();

    public RetailLibrary()
    {
        Domain = TauDomain.Load("retail", DataFiles.TauDomain("retail"));
        var inducer = new ProcedureInducer(Domain.CreateEnvironment());
        foreach (ToolTask task in Domain.Tasks("train").Take(TrainTasks))
            inducer.Add(ToolBenchmark.DemonstrationOf(task));
        Path = folder.Combine("retail.db");
        using var store = SqliteSkillStore.Open(Path);
        var keys = ProcedureLibrary.DefaultKeys();
        ProcedureLibrary.Open(store, Tools.Select(t => t.Name), keys);
        ProcedureLibrary.Add(store, keys, inducer.Procedures());
    }

    /// <summary>The tau-bench data folder (the <c>--data</c> of the commands).</summary>
    public static string Data => System.IO.Path.GetDirectoryName(DataFiles.TauDomain("retail"))!;

    /// <summary>The retail domain.</summary>
    public TauDomain Domain { get; }

    /// <summary>The retail tools, with their schemas.</summary>
    public IReadOnlyList<ToolDefinition> Tools => Domain.CreateEnvironment().Tools;

    /// <summary>The learned library; tests that change a library use <see cref="CopyTo"/>.</summary>
    public string Path { get; }

    /// <summary>A copy of the library in folder <paramref name="directory"/>.</summary>
    public string CopyTo(string directory)
    {
        string copy = System.IO.Path.Combine(directory, "retail.db");
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => folder.Dispose();
}
