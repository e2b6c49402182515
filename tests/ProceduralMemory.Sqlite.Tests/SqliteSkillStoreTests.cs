using Microsoft.Data.Sqlite;
using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Policies;
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

    /// <summary>A schema-2 library written by 28d8b88's <c>train --env doorkey-5x5 --steps 3000 --seed 1</c>.</summary>
    private static string Schema2Fixture => System.IO.Path.Combine(DataFiles.RepositoryRoot, "tests", "Shared", "Fixtures", "library-28d8b88-doorkey-5x5.db");

    private static List<string> Rows(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        using SqliteDataReader reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(c => reader.GetValue(c) is byte[] b ? Convert.ToHexString(b) : $"{reader.GetValue(c)}")));
        return rows;
    }

    [Theory]
    [InlineData(2)]
    [InlineData(1)] // schema 1 is schema 2 without the change indexes
    public void Open_AnOlderLibrary_MigratesItToTheCurrentSchema_KeepingEveryRow_WithEverySkillActive(int version)
    {
        File.Copy(Schema2Fixture, LibraryPath);
        if (version == 1)
            Sql(LibraryPath, "DROP INDEX skills_by_change; DROP INDEX outcomes_by_change; DELETE FROM schema_version WHERE version > 1");
        List<string> skills = Rows(LibraryPath, "SELECT id, name, pre_mask, pre_values, effect_mask, effect_values, key_vector, uses, successes FROM skills ORDER BY id");
        List<string> policies = Rows(LibraryPath, "SELECT skill_id, kind, checksum, data FROM policies ORDER BY skill_id");
        List<string> demonstrations = Rows(LibraryPath, "SELECT id, skill_id, trajectory FROM demonstrations ORDER BY id");
        var outcomes = Rows(LibraryPath, "SELECT context, action, moved_forward, moved_right, turns, flipped_facts, count FROM outcomes")
            .Select(r => r.Split('|').Select(long.Parse).ToArray())
            .Select(v => $"{v[0]}|{Convert.ToHexString(GridDomain.Instance.CountOf((int)v[0], (int)v[1], new ActionOutcome((int)v[2], (int)v[3], (int)v[4], unchecked((ulong)v[5])), v[6]).Payload)}|{v[6]}")
            .Order().ToList();
        Assert.NotEmpty(outcomes);
        Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(LibraryPath, readOnly: true));

        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            LibraryChanges read = store.ReadChanges(0);
            Assert.Equal(6, read.Skills.Count);
            Assert.Equal(outcomes, read.Outcomes.Select(o => $"{o.Context}|{Convert.ToHexString(o.Payload)}|{o.Count}").Order());
            foreach (SkillRecord skill in read.Skills)
                Assert.Equal(skill.IdentityUnder(GridDomain.Instance), Sql(LibraryPath, $"SELECT identity FROM skills WHERE id = {skill.Id}"));
            Assert.All(read.Skills, skill => Assert.Equal((null, 0, 0), (skill.Retired, skill.TrialStartUses, skill.TrialStartSuccesses)));
            Assert.Null(store.ReadKeyModel()!.Bytes); // keyed by the random projection its id names
        }

        Assert.Equal((long)SqliteSchema.CurrentVersion, Sql(LibraryPath, "SELECT max(version) FROM schema_version"));
        Assert.Equal(skills, Rows(LibraryPath, "SELECT id, name, pre_mask, pre_values, effect_mask, effect_values, key_vector, uses, successes FROM skills ORDER BY id"));
        Assert.Equal(policies, Rows(LibraryPath, "SELECT skill_id, kind, checksum, data FROM policies ORDER BY skill_id"));
        Assert.Equal(demonstrations, Rows(LibraryPath, "SELECT id, skill_id, trajectory FROM demonstrations ORDER BY id"));
        Assert.Equal("ok", Sql(LibraryPath, "PRAGMA integrity_check"));
        Assert.Empty(Rows(LibraryPath, "PRAGMA foreign_key_check"));
        Assert.Equal(4L, Sql(LibraryPath, "SELECT count(*) FROM sqlite_schema WHERE name IN ('skills_by_change', 'outcomes_by_change', 'demonstrations_by_skill', 'sqlite_autoindex_skills_1')"));
    }

    [Fact]
    public void Open_ASchema4Library_AddsTheKeyModelColumn_KeepingEveryRow()
    {
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            store.Create(StoreSamples.Manifest);
            store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1), 4)] });
        }
        Sql(LibraryPath, DropSchema7 + "ALTER TABLE skills DROP COLUMN variant; ALTER TABLE meta DROP COLUMN key_model; DELETE FROM schema_version WHERE version >= 5");
        List<string> skills = Rows(LibraryPath, "SELECT * FROM skills");
        Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(LibraryPath, readOnly: true));

        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            Assert.Equal(new StoredKeyModel(StoreSamples.Manifest.KeyModel, StoreSamples.Dimension, null), store.ReadKeyModel());
            store.Commit(new LibraryCommit
            {
                Updates = [new SkillUpdate(0) { Key = [1f, 0f] }],
                Rekey = new KeyModelChange("situation-encoder/v1 dim=2 features=5 weights=0000000000000001", 2, [9, 8, 7]),
            });
        }

        Assert.Equal((long)SqliteSchema.CurrentVersion, Sql(LibraryPath, "SELECT max(version) FROM schema_version"));
        Assert.Equal("090807", Convert.ToHexString((byte[])Sql(LibraryPath, "SELECT key_model FROM meta")!));
        Assert.Equal(skills.Count, Rows(LibraryPath, "SELECT * FROM skills").Count);
        Assert.Equal("ok", Sql(LibraryPath, "PRAGMA integrity_check"));
    }

    [Fact]
    public void Open_ASchema5Library_AddsTheVariantColumn_KeepingEveryRowABaseSkill()
    {
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            store.Create(StoreSamples.Manifest);
            store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1), 4)] });
        }
        Sql(LibraryPath, DropSchema7 + "ALTER TABLE skills DROP COLUMN variant; DELETE FROM schema_version WHERE version >= 6");
        List<string> skills = Rows(LibraryPath, "SELECT * FROM skills");

        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            Assert.Null(Assert.Single(store.ReadChanges(0).Skills).Variant);
            SkillRecord variant = StoreSamples.Skill(1) with { Variant = "context 2" };
            Assert.Equal((1, true), store.Commit(new LibraryCommit { NewSkills = [new NewSkill(variant, [])] }).NewSkills.Single());
        }

        Assert.Equal((long)SqliteSchema.CurrentVersion, Sql(LibraryPath, "SELECT max(version) FROM schema_version"));
        Assert.Equal(skills, Rows(LibraryPath, "SELECT id, name, identity, pre_mask, pre_values, effect_mask, effect_values, key_vector, step_limit, uses, successes, demonstrations, created_episode, change, retired_episode, retired_reason, trial_start_uses, trial_start_successes FROM skills WHERE id = 0"));
        Assert.Equal("ok", Sql(LibraryPath, "PRAGMA integrity_check"));
    }

    /// <summary>What migration 7 added, dropped to turn a current file back into a schema-6 one.</summary>
    private const string DropSchema7 = "DROP TABLE skill_splits; DROP TABLE skill_contexts; DROP TABLE contexts; DELETE FROM schema_version WHERE version >= 7; ";

    [Fact]
    public void Open_ASchema6Library_AddsThePerContextTables_KeepingEveryRow_AndTakesPerContextState()
    {
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            store.Create(StoreSamples.Manifest);
            store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1), 4), new NewSkill(StoreSamples.Skill(1) with { Variant = "context 2" }, [])] });
        }
        Sql(LibraryPath, DropSchema7);
        Assert.Equal(6L, Sql(LibraryPath, "SELECT max(version) FROM schema_version"));
        List<string> skills = Rows(LibraryPath, "SELECT * FROM skills ORDER BY id");
        Assert.Throws<LibraryException>(() => SqliteSkillStore.Open(LibraryPath, readOnly: true));

        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            Assert.True(store.ReadChanges(0).Contexts.IsEmpty);
            store.Commit(new LibraryCommit { Contexts = StoreSamples.ContextsOfTwoSkills });
            ContextState read = store.ReadChanges(0).Contexts;
            Assert.Equal(StoreSamples.ContextsOfTwoSkills.Counts, read.Counts);
            Assert.Equal(StoreSamples.ContextsOfTwoSkills.Splits, read.Splits);
        }

        Assert.Equal(7L, Sql(LibraryPath, "SELECT max(version) FROM schema_version"));
        Assert.Equal(skills, Rows(LibraryPath, "SELECT * FROM skills ORDER BY id"));
        Assert.Equal("ok", Sql(LibraryPath, "PRAGMA integrity_check"));
        Assert.Equal(0L, Sql(LibraryPath, "SELECT count(*) FROM pragma_foreign_key_check"));
    }

    [Fact]
    public void AVariant_IsStoredBesideItsOriginal_AndTheSameVariantTwiceIsOneSkill()
    {
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        store.Create(StoreSamples.Manifest);
        SkillRecord original = StoreSamples.Skill(0, neural: true);
        SkillRecord variant = StoreSamples.Skill(0, neural: true) with { Variant = "adapted 00ff", Key = StoreSamples.Skill(1).Key };

        CommitResult first = store.Commit(new LibraryCommit { NewSkills = [new NewSkill(original, []), new NewSkill(variant, [])] });
        CommitResult again = store.Commit(new LibraryCommit { NewSkills = [new NewSkill(variant, []), new NewSkill(original, [])] });

        Assert.Equal([(0, true), (1, true)], first.NewSkills);
        Assert.Equal([(1, false), (0, false)], again.NewSkills);
        SkillRecord[] read = [.. store.ReadChanges(0).Skills.OrderBy(s => s.Id)];
        Assert.Equal([null, "adapted 00ff"], read.Select(s => s.Variant));
        Assert.NotEqual(read[0].IdentityUnder(GridDomain.Instance), read[1].IdentityUnder(GridDomain.Instance));
        Assert.Equal(read[1].IdentityUnder(GridDomain.Instance), Sql(LibraryPath, "SELECT identity FROM skills WHERE id = 1"));
        Assert.Equal(2L, Sql(LibraryPath, "SELECT count(*) FROM skills"));
        Assert.Equal("adapted 00ff", read[1].ToSkill().Variant);
        Assert.Equal("adapted 00ff", SkillRecord.Of(read[1].ToSkill()).Variant);
    }

    [Fact]
    public void TwoSkillsWithOneEffect_Coexist_WhenTheDomainsRuleTellsThemApart()
    {
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        store.Create(StoreSamples.Manifest with { Domain = PolicyKindIdentityDomain.Instance.Name });
        SkillRecord replay = StoreSamples.Skill(0) with { Policy = OpenLoopPolicyCodec.Store([1, 2]) };
        SkillRecord network = StoreSamples.Skill(0) with { Name = "by_network", Policy = StoreSamples.Skill(0, neural: true).Policy };

        CommitResult result = store.Commit(new LibraryCommit { NewSkills = [new NewSkill(replay, []), new NewSkill(network, []), new NewSkill(replay, [])] });

        Assert.Equal([(0, true), (1, true), (0, false)], result.NewSkills);
        Assert.Equal(2, store.ReadChanges(0).Skills.Count);
    }

    /// <summary>A domain whose rule tells skills apart by their policy kind too: two procedures for one effect.</summary>
    private sealed class PolicyKindIdentityDomain : ISkillDomain
    {
        public static PolicyKindIdentityDomain Instance { get; } = new();

        static PolicyKindIdentityDomain() => SkillDomains.Register(Instance);

        public string Name => "grid-by-policy-kind";

        public string IdentityOf(FactCondition preconditions, FactCondition effect, string policyKind, ReadOnlySpan<byte> policy) =>
            $"{GridDomain.Instance.IdentityOf(preconditions, effect, policyKind, policy)} {policyKind}";
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
