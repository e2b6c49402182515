using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>The store contract, run against a fresh database per test on the test server.</summary>
public sealed class PostgresSkillStoreContractTests : SkillStoreContractTests
{
    private readonly Lazy<TemporaryDatabase> _database = new(() => new TemporaryDatabase());

    protected override ISkillStore OpenNewInstance() => PostgresSkillStore.Open(_database.Value.ConnectionString);

    public override void Dispose()
    {
        base.Dispose();
        if (_database.IsValueCreated)
            _database.Value.Dispose();
    }
}
