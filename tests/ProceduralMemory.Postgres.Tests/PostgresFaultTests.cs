using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Memory.Domains;
using Npgsql;
using ProceduralMemory.Memory.Store;
using static ProceduralMemory.Tests.Shared.Stores.StoreSamples;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>
/// Real connection faults at exact points of a write, made by a proxy between the store and the server, under the
/// store's retry (<see cref="PostgresRetry.UseRetry"/>): a write whose connection dies after the server committed is
/// retried and applied once; one whose connection dies before is retried and applied once too.
/// </summary>
public sealed class PostgresFaultTests : DatabaseTest
{
    private CuttingProxy? _proxy;

    public override void Dispose()
    {
        _proxy?.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// Cut at <c>COMMIT</c>'s reply: the server committed and the client never heard, so the retry must find the
    /// logged result. Cut at the first upsert's reply: the server rolls the transaction back, so the retry applies it.
    /// </summary>
    [PostgresTheory]
    [InlineData("COMMIT")]
    [InlineData("INSERT")]
    public void Commit_WhoseConnectionIsCut_IsRetried_ReturnsItsResult_AndIsAppliedOnce(string cutAt)
    {
        using RetryingSkillStore store = OpenThroughProxy();
        long start = store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, uses: 1))] }).Change;

        Proxy.CutAtNext(cutAt);
        CommitResult result = store.Commit(Work(seed: 1));

        Assert.Equal(1, Proxy.Cuts);
        Assert.True(store.Retries > 0);
        Assert.Equal([(0, false), (1, true)], result.NewSkills);
        Assert.Equal(start + 1, result.Change);
        AssertAppliedOnce(start);
    }

    [PostgresFact]
    public void Prune_WhoseConnectionDiesAfterTheServerCommitted_ReturnsThePrunedIds_Once()
    {
        using RetryingSkillStore store = OpenThroughProxy();
        long start = store.Commit(new LibraryCommit { NewSkills = [New(Skill(1, uses: 4)), New(Skill(2, uses: 4, successes: 4))] }).Change;

        Proxy.CutAtNext("COMMIT");
        IReadOnlyList<int> pruned = store.Prune(new PruneRule { MinSuccessRate = 0.5 });

        Assert.Equal(1, Proxy.Cuts);
        Assert.Equal([0], pruned);
        LibraryChanges after = store.ReadChanges(0);
        Assert.Equal(start + 1, after.Change);
        Assert.Equal([1], after.SkillIds);
    }

    [PostgresFact]
    public void Reads_AreRetriedThroughACutConnection()
    {
        using RetryingSkillStore store = OpenThroughProxy();
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1))] });

        Proxy.CutAtNext("SELECT");
        LibraryChanges changes = store.ReadChanges(0);

        Assert.Equal(1, Proxy.Cuts);
        Assert.Equal([0], changes.SkillIds);
    }

    [PostgresFact]
    public void AServerLostAfterOpening_IsWaitedForBeyondTheConnectTime()
    {
        // 3 s, not less: a loaded CI machine once took longer than 1 s to open the store through the proxy.
        TimeSpan connectTime = TimeSpan.FromSeconds(3);
        using RetryingSkillStore store = OpenThroughProxy(connectTime);
        store.Commit(new LibraryCommit { NewSkills = [New(Skill(1))] });

        Proxy.Refusing = true;
        Task<LibraryChanges> read = Task.Run(() => store.ReadChanges(0));
        // Three connect times without a server: opening would have given up by now, a running store waits on.
        Thread.Sleep(3 * connectTime);
        bool waiting = !read.IsCompleted;
        Proxy.Refusing = false;
        LibraryChanges changes = read.GetAwaiter().GetResult();

        Assert.True(waiting, "the read ended while the server was away");
        Assert.True(store.Retries > 0);
        Assert.Equal([0], changes.SkillIds);
    }

    private CuttingProxy Proxy => _proxy!;

    /// <summary>A library created directly, then a retried store on it through the proxy (no TLS or GSS, so the proxy can read the protocol).</summary>
    private RetryingSkillStore OpenThroughProxy(TimeSpan? connectTime = null)
    {
        CreateLibrary();
        NpgsqlConnectionStringBuilder settings = PostgresServer.Settings(Database.Name);
        _proxy = new CuttingProxy(settings.Host!, settings.Port);
        settings.Host = "127.0.0.1";
        settings.Port = _proxy.Port;
        settings.SslMode = SslMode.Disable;
        settings.GssEncryptionMode = GssEncryptionMode.Disable;
        return PostgresSkillStore.Open(settings.ConnectionString, new PostgresStoreOptions
        {
            ConnectTime = connectTime ?? PostgresStoreOptions.DefaultConnectTime,
        }).UseRetry(PostgresRetry.Pipeline(TimeSpan.FromSeconds(30)));
    }

    /// <summary>A commit touching everything: a merge, a new skill, an update with a demonstration, an outcome, an episode.</summary>
    private static LibraryCommit Work(int seed) => new()
    {
        NewSkills = [New(Skill(1, uses: 1)), New(Skill(2, uses: 1, successes: 1), seed)],
        Updates = [new SkillUpdate(0) { AddUses = 1, NewDemonstrations = [Trajectory(seed)] }],
        OutcomeIncrements = [GridDomain.Instance.CountOf(1, 2, new ActionOutcome(0, 1, 0, 1UL << 63), 1)],
        Episodes = [Episode(seed)],
    };

    private void AssertAppliedOnce(long start)
    {
        using PostgresSkillStore direct = PostgresSkillStore.Open(Location);
        LibraryChanges changes = direct.ReadChanges(0);
        Assert.Equal((start + 1, 1L, 1), (changes.Change, changes.Episodes, changes.EpisodesKept));
        Assert.Equal([0, 1], changes.SkillIds);
        Assert.Equal((3, 2), (changes.Skills[0].Uses, changes.Skills[0].Demonstrations));
        Assert.Equal((1, 1, 1), (changes.Skills[1].Uses, changes.Skills[1].Successes, changes.Skills[1].Demonstrations));
        Assert.Equal(1, Assert.Single(changes.Outcomes).Count);
        Assert.Single(direct.ReadDemonstrations(0));
        Assert.Single(direct.ReadDemonstrations(1));
    }
}
