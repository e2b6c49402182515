using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>A test class whose every test gets a throwaway database, made on first use and dropped afterwards.</summary>
public abstract class DatabaseTest : IDisposable
{
    private readonly Lazy<TemporaryDatabase> _database = new(() => new TemporaryDatabase());

    private protected TemporaryDatabase Database => _database.Value;

    /// <summary>The test database's connection string.</summary>
    protected string Location => Database.ConnectionString;

    /// <summary>Creates a library with <see cref="StoreSamples.Manifest"/> in the test database, applies <paramref name="commits"/>, and returns its change number.</summary>
    protected long CreateLibrary(params LibraryCommit[] commits)
    {
        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        store.Create(StoreSamples.Manifest);
        foreach (LibraryCommit commit in commits)
            store.Commit(commit);
        return store.ReadChanges(0).Change;
    }

    public virtual void Dispose()
    {
        if (_database.IsValueCreated)
            _database.Value.Dispose();
        GC.SuppressFinalize(this);
    }
}
