using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Store;
using static ProceduralMemory.Tests.Shared.Stores.StoreSamples;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>Many connections at once on one library: upserts, increments, and processes opening a new or old library together.</summary>
public sealed class PostgresConcurrencyTests : DatabaseTest
{
    private const int Writers = 8;

    [PostgresFact]
    public void TheSameNewSkill_FromManyConnectionsAtOnce_IsStoredOnce_WithEveryCount()
    {
        CreateLibrary();

        CommitResult[] results = AllAtOnce(w => new LibraryCommit { NewSkills = [New(Skill(7, uses: 3, successes: 1), w)] });

        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        SkillRecord stored = Assert.Single(store.ReadChanges(0).Skills);
        Assert.Equal((3 * Writers, Writers, Writers), (stored.Uses, stored.Successes, stored.Demonstrations));
        Assert.All(results, r => Assert.Equal(stored.Id, r.NewSkills[0].Id));
        Assert.Single(results, r => r.NewSkills[0].Created);
        Assert.Equal(Writers, store.ReadDemonstrations(stored.Id).Count);
    }

    [PostgresFact]
    public void ConcurrentIncrements_LoseNothing_AndEveryCommitGetsItsOwnChangeNumber()
    {
        long start = CreateLibrary(new LibraryCommit { NewSkills = [New(Skill(0))] });
        const int commitsEach = 20;

        CommitResult[] results = AllAtOnce(w => new LibraryCommit
        {
            Updates = [new SkillUpdate(0) { AddUses = 2, AddSuccesses = 1 }],
            OutcomeIncrements = [GridDomain.Instance.CountOf(4, 1, new ActionOutcome(1, 0, 0, 3), 5)],
            Episodes = [Episode(w)],
        }, commitsEach);

        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        LibraryChanges changes = store.ReadChanges(0);
        const int total = Writers * commitsEach;
        Assert.Equal((2 * total, total), (changes.Skills[0].Uses, changes.Skills[0].Successes));
        Assert.Equal(5L * total, Assert.Single(changes.Outcomes).Count);
        Assert.Equal((long)total, changes.Episodes);
        Assert.Equal(Enumerable.Range(1, total).Select(i => start + i), results.Select(r => r.Change).Order());
    }

    [PostgresFact]
    public void ProcessesOpeningANewLibraryTogether_BuildItOnce_AndAgreeOnItsManifest()
    {
        var manifests = new LibraryManifest[Writers];

        Together.Run(Writers, (w, ready) =>
        {
            ready.SignalAndWait();
            using PostgresSkillStore store = PostgresSkillStore.Open(Location);
            ready.SignalAndWait();
            manifests[w] = store.Create(Manifest with { KeyModel = $"model-{w}" });
        });

        Assert.All(manifests, m => Assert.Equal(manifests[0], m));
        Assert.Equal((long)PostgresSchema.CurrentVersion, Database.Scalar("SELECT count(*) FROM procmem.schema_version"));
        Assert.Equal(1L, Database.Scalar("SELECT count(*) FROM procmem.meta"));
        Assert.Equal(1L, Database.Scalar("SELECT change FROM procmem.meta"));
    }

    [PostgresFact]
    public void ProcessesOpeningAnOldLibraryTogether_UpgradeItOnce()
    {
        using (var connection = new Npgsql.NpgsqlConnection(Location))
        {
            connection.Open();
            using Npgsql.NpgsqlTransaction transaction = connection.BeginTransaction();
            PostgresSkillStore.Migrate(connection, transaction, 0, 1);
            transaction.Commit();
        }

        Together.Run(Writers, (_, ready) =>
        {
            ready.SignalAndWait();
            using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        });

        Assert.Equal(Enumerable.Range(1, PostgresSchema.CurrentVersion).Sum(), Convert.ToInt32(Database.Scalar("SELECT sum(version) FROM procmem.schema_version")));
        Assert.Equal((long)PostgresSchema.CurrentVersion, Database.Scalar("SELECT count(*) FROM procmem.schema_version"));
    }

    /// <summary>Each of <see cref="Writers"/> threads opens its own store and, released together, makes <paramref name="commitsEach"/> commits.</summary>
    private CommitResult[] AllAtOnce(Func<int, LibraryCommit> commit, int commitsEach = 1)
    {
        var results = new CommitResult[Writers * commitsEach];
        Together.Run(Writers, (w, ready) =>
        {
            using PostgresSkillStore store = PostgresSkillStore.Open(Location);
            ready.SignalAndWait();
            for (int c = 0; c < commitsEach; c++)
                results[w * commitsEach + c] = store.Commit(commit(w));
        });
        return results;
    }
}
