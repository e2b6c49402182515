using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Sqlite.Tests;

/// <summary>The store contract, run against a fresh SQLite file per test.</summary>
public sealed class SqliteSkillStoreContractTests : SkillStoreContractTests
{
    private readonly TemporaryDirectory _directory = new();

    protected override ISkillStore OpenNewInstance() => SqliteSkillStore.Open(_directory.Combine("library.db"));

    public override void Dispose()
    {
        base.Dispose();
        _directory.Dispose();
    }
}
