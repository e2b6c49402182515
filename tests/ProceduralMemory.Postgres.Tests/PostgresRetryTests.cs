using Npgsql;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>The PostgreSQL retry pipeline: what it calls transient, and that a store's refusal is never retried.</summary>
public sealed class PostgresRetryTests : DatabaseTest
{
    [Theory]
    [InlineData(PostgresErrorCodes.AdminShutdown, true)]
    [InlineData(PostgresErrorCodes.SerializationFailure, true)]
    [InlineData(PostgresErrorCodes.ConnectionFailure, true)]
    [InlineData(PostgresErrorCodes.CheckViolation, false)]
    [InlineData(PostgresErrorCodes.InvalidPassword, false)]
    public void IsTransient_JudgesTheServersError_AlsoInsideTheStoresLibraryError(string sqlState, bool transient)
    {
        var server = new PostgresException("message", "ERROR", "ERROR", sqlState);

        Assert.Equal(transient, PostgresRetry.IsTransient(server));
        Assert.Equal(transient, PostgresRetry.IsTransient(new LibraryException("library: message", server)));
        Assert.False(PostgresRetry.IsTransient(new LibraryException("invalid commit")));
    }

    [PostgresFact]
    public void ACommitTheServerRefuses_IsNotRetried()
    {
        using RetryingSkillStore store = PostgresSkillStore.Open(Location).UseRetry();
        store.Create(StoreSamples.Manifest);
        store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1, uses: int.MaxValue - 1))] });

        var e = Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit { Updates = [new SkillUpdate(0) { AddUses = 2 }] }));

        Assert.Contains("would leave counters outside", e.Message);
        Assert.Equal(0, store.Retries);
    }
}
