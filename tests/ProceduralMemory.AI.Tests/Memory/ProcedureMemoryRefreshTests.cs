using ProceduralMemory.AI.Memory;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Sqlite;

namespace ProceduralMemory.AI.Tests.Memory;

/// <summary>A memory sees what another memory (another process) wrote to the same library: counts, new procedures, pruned ones.</summary>
public sealed class ProcedureMemoryRefreshTests(RetailLibrary library) : IClassFixture<RetailLibrary>
{
    [Fact]
    public void WritesThroughOneMemory_AreSeenByAnotherOnTheSameLibrary()
    {
        using var folder = new TemporaryDirectory();
        string file = library.CopyTo(folder.Path);
        using var storeA = SqliteSkillStore.Open(file);
        using var storeB = SqliteSkillStore.Open(file);
        var a = new ProcedureMemory(storeA, library.Tools);
        var b = new ProcedureMemory(storeB, library.Tools);
        int id = b.List()[0].Id;
        int uses = b.Get(id).Uses;

        a.ReportOutcome(id, success: false);
        Assert.Equal(uses + 1, b.Get(id).Uses);

        // Trajectories until one teaches a procedure the library lacks: the other memory lists and recalls it.
        int learned = library.Domain.Tasks("train").Skip(RetailLibrary.TrainTasks)
            .Select(t => (Task: t, Result: a.Record(t.Instruction, [.. t.Actions.Select(c => new RecordedCall(c.Name, c.Arguments))], true)))
            .SelectMany(r => r.Result.Learned.Where(l => l.Created).Select(l => (r.Task, l.Id)))
            .Select(r => { Assert.Contains(b.Recall(r.Task.Instruction, k: 50, similarityFloor: -1), p => p.Procedure.Id == r.Id); return r.Id; })
            .First();
        Assert.Contains(b.List(), p => p.Id == learned);
        Assert.Equal(a.List().Select(p => (p.Id, p.Uses, p.Successes)), b.List().Select(p => (p.Id, p.Uses, p.Successes)));

        // Pruned elsewhere (every procedure used at least once that never succeeded): gone from the other memory too.
        IReadOnlyList<int> pruned = storeA.Prune(new PruneRule { MinSuccessRate = 1e-9, MinUses = 1 });
        Assert.Contains(id, pruned);
        Assert.DoesNotContain(b.List(), p => pruned.Contains(p.Id));
        Assert.Equal(a.List().Select(p => p.Id), b.List().Select(p => p.Id));
    }
}
