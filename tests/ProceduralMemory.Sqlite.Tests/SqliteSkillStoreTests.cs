using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;
using static ProceduralMemory.Sqlite.Tests.SqliteTestFiles;

namespace ProceduralMemory.Sqlite.Tests;

/// <summary>What the SQLite store promises beyond the contract: its file settings, read-only mode, upgrades, clean release.</summary>
public sealed class SqliteSkillStoreTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();

    private string LibraryPath => _directory.Combine("library.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void NewLibrary_IsWalWithTheProcmemIdAndTheCurrentSchema()
    {
        WriteLibrary(LibraryPath);

        Assert.Equal("wal", Sql(LibraryPath, "PRAGMA journal_mode"));
        Assert.Equal((long)SqliteSchema.ApplicationId, Sql(LibraryPath, "PRAGMA application_id"));
        Assert.Equal((long)SqliteSchema.CurrentVersion, Sql(LibraryPath, "SELECT max(version) FROM schema_version"));
    }

    [Fact]
    public void Store_WritesDurablyAndWithForeignKeys()
    {
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);

        Assert.Equal(2L, StoreSql(store, "PRAGMA synchronous"));
        Assert.Equal(1L, StoreSql(store, "PRAGMA foreign_keys"));
        Assert.Equal(60_000L, StoreSql(store, "PRAGMA busy_timeout"));
    }

    [Fact]
    public void IntegrityCheck_IsOk_AfterCommitsUpdatesAndPrunes()
    {
        WriteLibrary(LibraryPath, skills: 10);
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            store.Commit(new LibraryCommit
            {
                Updates = [.. Enumerable.Range(0, 10).Select(i => new SkillUpdate(i) { AddUses = i, Policy = StoreSamples.Network(i + 50), NewDemonstrations = [StoreSamples.Trajectory(i)] })],
                DemonstrationsToKeep = 1,
            });
            store.Prune(new PruneRule { MinSuccessRate = 0.3 });
        }

        Assert.Equal("ok", Sql(LibraryPath, "PRAGMA integrity_check"));
        Assert.Null(Sql(LibraryPath, "PRAGMA foreign_key_check"));
        Assert.Equal(0L, Sql(LibraryPath, "SELECT count(*) FROM policies WHERE skill_id NOT IN (SELECT id FROM skills)"));
    }

    [Fact]
    public void Open_AMissingFile_CreatesAnEmptyLibrary_OrReadOnlyThrowsAndCreatesNothing()
    {
        var e = Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(LibraryPath, readOnly: true));
        Assert.Equal($"no library at {LibraryPath}", e.Message);
        Assert.Empty(Listing(_directory.Path));

        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        Assert.Null(store.Manifest);
        Assert.True(File.Exists(LibraryPath));
    }

    [Fact]
    public void Open_AZeroLengthFile_CountsAsNew()
    {
        File.WriteAllBytes(LibraryPath, []);

        Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(LibraryPath, readOnly: true));
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        store.Create(StoreSamples.Manifest);

        Assert.Equal(StoreSamples.Manifest, store.Manifest);
    }

    [Fact]
    public void ReadOnly_ReadsButRefusesEveryWrite_AndLeavesTheFileUnchanged()
    {
        WriteLibrary(LibraryPath);
        string hash = Sha256(LibraryPath);

        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath, readOnly: true))
        {
            Assert.True(store.IsReadOnly);
            Assert.Equal(3, store.ReadChanges(0).Skills.Count);
            Assert.Single(store.ReadDemonstrations(0));
            Assert.Single(store.ReadEpisodes(5));
            Assert.Equal(StoreSamples.Manifest, store.Manifest);
            Assert.StartsWith("library opened read-only", Assert.Throws<LibraryException>(() => store.Create(StoreSamples.Manifest)).Message);
            Assert.StartsWith("library opened read-only", Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit())).Message);
            Assert.StartsWith("library opened read-only", Assert.Throws<LibraryException>(() => store.Prune(new PruneRule { MinSuccessRate = 1 })).Message);
        }

        Assert.Equal(hash, Sha256(LibraryPath));
    }

    [Fact]
    public void ReadOnly_SeesCommitsMadeByAWriterWhileOpen()
    {
        WriteLibrary(LibraryPath);
        using SqliteSkillStore reader = SqliteSkillStore.Open(LibraryPath, readOnly: true);
        long seen = reader.ReadChanges(0).Change;

        using (SqliteSkillStore writer = SqliteSkillStore.Open(LibraryPath))
            writer.Commit(new LibraryCommit { Updates = [new SkillUpdate(2) { AddUses = 5 }] });

        Assert.Equal([2], reader.ReadChanges(seen).Skills.Select(s => s.Id));
    }

    [Fact]
    public void Open_ASchema1Library_UpgradesItInPlace_KeepingItsData()
    {
        WriteLibrary(LibraryPath);
        // Schema 1 is schema 2 without the change indexes.
        Sql(LibraryPath, "DROP INDEX skills_by_change; DROP INDEX outcomes_by_change; DELETE FROM schema_version WHERE version > 1");
        Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(LibraryPath, readOnly: true));

        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
            Assert.Equal(3, store.ReadChanges(0).Skills.Count);

        Assert.Equal(2L, Sql(LibraryPath, "SELECT count(*) FROM sqlite_schema WHERE name IN ('skills_by_change', 'outcomes_by_change')"));
        Assert.Equal(2L, Sql(LibraryPath, "SELECT max(version) FROM schema_version"));
        Assert.Equal("indexes on change numbers", Sql(LibraryPath, "SELECT description FROM schema_version WHERE version = 2"));
    }

    [Fact]
    public void Dispose_ReleasesTheFile_SoItCanBeMovedAndDeleted()
    {
        WriteLibrary(LibraryPath);
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath, readOnly: true))
            store.ReadChanges(0);

        string moved = _directory.Combine("moved.db");
        File.Move(LibraryPath, moved);
        File.Delete(moved);
    }

    [Fact]
    public void Methods_AfterDispose_ThrowObjectDisposed()
    {
        SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        store.Dispose();
        store.Dispose();

        Assert.Throws<ObjectDisposedException>(() => store.ReadChanges(0));
    }

    [Fact]
    public void ConcurrentOpens_OfANewFile_MakeOneLibrary()
    {
        Parallel.For(0, 4, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
        {
            using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
            try
            {
                store.Create(StoreSamples.Manifest);
            }
            catch (LibraryException)
            {
                // Someone else created it first.
            }
            store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1, uses: 1))] });
        });

        using SqliteSkillStore reader = SqliteSkillStore.Open(LibraryPath, readOnly: true);
        Assert.Equal(4, Assert.Single(reader.ReadChanges(0).Skills).Uses);
        Assert.Equal(1L, Sql(LibraryPath, "SELECT count(*) FROM schema_version WHERE version = 1"));
    }

    private static object? StoreSql(SqliteSkillStore store, string sql)
    {
        // The settings are per connection, so they are read through the store's own.
        using SqliteCommand command = store.Connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
