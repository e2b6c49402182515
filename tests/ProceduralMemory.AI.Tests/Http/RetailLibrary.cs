using ProceduralMemory.Sqlite;
using ProceduralMemory.Tools;
using ProceduralMemory.Tools.Evaluation;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Induction;
using ProceduralMemory.Tools.Tau;

namespace ProceduralMemory.AI.Tests.Http;

/// <summary>A SQLite procedure library learned once from tau-bench retail train tasks 0-99; each test serves a copy.</summary>
public sealed class RetailLibrary : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public RetailLibrary()
    {
        Domain = TauDomain.Load("retail", DataFiles.TauDomain("retail"));
        var inducer = new ProcedureInducer(Domain.CreateEnvironment());
        foreach (ToolTask task in Domain.Tasks("train").Take(100))
            inducer.Add(ToolBenchmark.DemonstrationOf(task));
        Path = folder.Combine("retail.db");
        using var store = SqliteSkillStore.Open(Path);
        var keys = ProcedureLibrary.DefaultKeys();
        ProcedureLibrary.Open(store, Tools.Select(t => t.Name), keys);
        ProcedureLibrary.Add(store, keys, inducer.Procedures());
    }

    public TauDomain Domain { get; }

    public IReadOnlyList<ToolDefinition> Tools => Domain.CreateEnvironment().Tools;

    public string Path { get; }

    /// <summary>A copy of the library in <paramref name="directory"/>.</summary>
    internal string CopyTo(TemporaryDirectory directory)
    {
        string copy = directory.Combine("library.db");
        File.Copy(Path, copy);
        return copy;
    }

    public void Dispose() => folder.Dispose();
}
