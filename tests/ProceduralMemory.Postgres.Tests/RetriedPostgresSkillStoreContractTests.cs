using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>The store contract, run against the store as the command line opens it: wrapped in its retry (<see cref="PostgresRetry.UseRetry"/>).</summary>
public sealed class RetriedPostgresSkillStoreContractTests : SkillStoreContractTests
{
    private readonly Lazy<TemporaryDatabase> _database = new(() => new TemporaryDatabase());

    protected override ISkillStore OpenNewInstance() => PostgresSkillStore.Open(_database.Value.ConnectionString).UseRetry();

    public override void Dispose()
    {
        base.Dispose();
        if (_database.IsValueCreated)
            _database.Value.Dispose();
    }
}
