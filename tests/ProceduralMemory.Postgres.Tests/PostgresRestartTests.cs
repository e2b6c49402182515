using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Memory.Domains;
using System.Collections.Concurrent;
using ProceduralMemory.Memory.Store;
using static ProceduralMemory.Tests.Shared.Stores.StoreSamples;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>Tests that restart the server: run alone, after every other test of the assembly.</summary>
[CollectionDefinition(nameof(ServerRestarts), DisableParallelization = true)]
public sealed class ServerRestarts;

/// <summary>The server restarts (fast shutdown: every connection is cut) while writers are committing.</summary>
[Collection(nameof(ServerRestarts))]
public sealed class PostgresRestartTests : DatabaseTest
{
    private const int Writers = 3;

    [PostgresRestartFact]
    public void ServerRestart_DuringARunOfCommits_EveryCommitSucceeds_TotalsAreExact_NothingAppliedTwice()
    {
        long start = CreateLibrary(new LibraryCommit { NewSkills = [New(Skill(0))] });
        var results = new ConcurrentBag<CommitResult>();
        var retries = new int[Writers];
        int committed = 0;
        using var restarted = new ManualResetEventSlim();

        // Writers commit until the restart is over and each has committed a few times since, so commits span it.
        var writers = Task.Run(() => Together.Run(Writers, (w, ready) =>
        {
            using RetryingSkillStore store = PostgresSkillStore.Open(Location).UseRetry();
            ready.SignalAndWait();
            for (int afterRestart = 0; afterRestart < 10;)
            {
                results.Add(store.Commit(new LibraryCommit
                {
                    NewSkills = [New(Skill(1, uses: 1, successes: 1))],
                    Updates = [new SkillUpdate(0) { AddUses = 1 }],
                    OutcomeIncrements = [GridDomain.Instance.CountOf(w, 0, new ActionOutcome(1, 0, 0, 0), 1)],
                    Episodes = [Episode(w)],
                }));
                Interlocked.Increment(ref committed);
                if (restarted.IsSet)
                    afterRestart++;
            }
            retries[w] = store.Retries;
        }));
        SpinWait.SpinUntil(() => Volatile.Read(ref committed) >= 20 || writers.IsCompleted, TimeSpan.FromSeconds(60));
        try
        {
            PostgresServer.Restart();
        }
        finally
        {
            restarted.Set();
        }
        writers.GetAwaiter().GetResult();

        int total = results.Count;
        using PostgresSkillStore reader = PostgresSkillStore.Open(Location);
        LibraryChanges changes = reader.ReadChanges(0);
        Assert.True(retries.Sum() > 0, "no writer met the restart: the test proved nothing");
        Assert.Equal(Enumerable.Range(1, total).Select(i => start + i), results.Select(r => r.Change).Order());
        Assert.Equal(start + total, changes.Change);
        Assert.Equal([0, 1], changes.SkillIds);
        Assert.Equal(total, changes.Skills[0].Uses);
        Assert.Equal((total, total, total), (changes.Skills[1].Uses, changes.Skills[1].Successes, changes.Skills[1].Demonstrations));
        Assert.Equal(total, changes.Outcomes.Sum(o => o.Count));
        Assert.Equal((long)total, changes.Episodes);
    }
}
