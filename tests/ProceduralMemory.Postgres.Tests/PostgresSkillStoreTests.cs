using Npgsql;
using ProceduralMemory.Agents.Exploration;
using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Stores;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>What the PostgreSQL store promises beyond the contract: its schema, foreign and newer schemas, read-only mode, errors.</summary>
public sealed class PostgresSkillStoreTests : DatabaseTest
{
    [PostgresFact]
    public void NewLibrary_LivesInTheProcmemSchema_MarkedAndAtTheCurrentVersion()
    {
        CreateLibrary();

        Assert.Equal(PostgresSchema.Marker, Database.Scalar("SELECT obj_description('procmem'::regnamespace, 'pg_namespace')"));
        Assert.Equal(PostgresSchema.CurrentVersion, Database.Scalar("SELECT max(version) FROM procmem.schema_version"));
        Assert.Equal(0L, Database.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"));
    }

    [PostgresFact]
    public void Open_AnOlderLibrary_UpgradesIt_ButReadOnlyRefusesAndLeavesIt()
    {
        MakeLibraryAtVersion(1);

        var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open(Location, readOnly: true));
        Assert.Contains($"has library schema 1; open it once for writing (procmem skills upgrade does) to upgrade it to schema {PostgresSchema.CurrentVersion}", e.Message);
        Assert.Equal(1, Database.Scalar("SELECT max(version) FROM procmem.schema_version"));

        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        Assert.Equal(StoreSamples.Manifest, store.Manifest);
        Assert.Equal(PostgresSchema.CurrentVersion, Database.Scalar("SELECT max(version) FROM procmem.schema_version"));
        Assert.Equal(1L, Database.Scalar("SELECT count(*) FROM pg_indexes WHERE schemaname = 'procmem' AND indexname = 'skills_by_change'"));
        Assert.Single(store.ReadChanges(0).Skills);
    }

    [PostgresFact]
    public void Open_ASchema2Library_MigratesIdentitiesAndOutcomes_ToTheGridDomainsEncoding()
    {
        MakeLibraryAtVersion(2);

        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        LibraryChanges read = store.ReadChanges(0);

        Assert.Equal(PostgresSchema.CurrentVersion, Database.Scalar("SELECT max(version) FROM procmem.schema_version"));
        Assert.Equal((null, 0, 0), (read.Skills.Single().Retired, read.Skills.Single().TrialStartUses, read.Skills.Single().TrialStartSuccesses));
        Assert.Equal(read.Skills.Single().IdentityUnder(GridDomain.Instance), Database.Scalar("SELECT identity FROM procmem.skills WHERE id = 0"));
        Assert.Equal(
            [GridDomain.Instance.CountOf(7, 2, new ActionOutcome(0, 0, 0, 1), 2), GridDomain.Instance.CountOf(7, 2, new ActionOutcome(-1, 1, 3, 1UL << 63), 5)],
            read.Outcomes.OrderBy(o => o.Count));
        // The identity is the uniqueness rule now: the same preconditions and effect merge into the migrated skill.
        SkillRecord again = StoreSamples.Skill(0) with { Preconditions = default, Effect = new FactCondition(1, 1) };
        Assert.Equal((0, false), store.Commit(new LibraryCommit { NewSkills = [new NewSkill(again, [])] }).NewSkills.Single());
    }

    [PostgresFact]
    public void Open_ASchema4Library_AddsTheKeyModelColumn_KeepingEveryRow()
    {
        using (PostgresSkillStore store = PostgresSkillStore.Open(Location))
        {
            store.Create(StoreSamples.Manifest);
            store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1), 4)] });
        }
        Database.Scalar("DROP TABLE procmem.skill_splits; DROP TABLE procmem.skill_contexts; DROP TABLE procmem.contexts; ALTER TABLE procmem.skills DROP COLUMN variant; ALTER TABLE procmem.meta DROP COLUMN key_model; DELETE FROM procmem.schema_version WHERE version >= 5");

        using (PostgresSkillStore store = PostgresSkillStore.Open(Location))
        {
            Assert.Equal(new StoredKeyModel(StoreSamples.Manifest.KeyModel, StoreSamples.Dimension, null), store.ReadKeyModel());
            store.Commit(new LibraryCommit
            {
                Updates = [new SkillUpdate(0) { Key = [1f, 0f] }],
                Rekey = new KeyModelChange("situation-encoder/v1 dim=2 features=5 weights=0000000000000001", 2, [9, 8, 7]),
            });
            Assert.Single(store.ReadDemonstrations(0));
        }

        Assert.Equal(PostgresSchema.CurrentVersion, Database.Scalar("SELECT max(version) FROM procmem.schema_version"));
        Assert.Equal("090807", Convert.ToHexString((byte[])Database.Scalar("SELECT key_model FROM procmem.meta")!));
    }

    [PostgresFact]
    public void Open_ASchema6Library_AddsThePerContextTables_KeepingEveryRow_AndTakesPerContextState()
    {
        using (PostgresSkillStore store = PostgresSkillStore.Open(Location))
        {
            store.Create(StoreSamples.Manifest);
            store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1), 4), new NewSkill(StoreSamples.Skill(1) with { Variant = "context 2" }, [])] });
        }
        Database.Scalar("DROP TABLE procmem.skill_splits; DROP TABLE procmem.skill_contexts; DROP TABLE procmem.contexts; DELETE FROM procmem.schema_version WHERE version >= 7");
        string skills = (string)Database.Scalar("SELECT string_agg(s::text, ';' ORDER BY id) FROM procmem.skills AS s")!;

        using (PostgresSkillStore store = PostgresSkillStore.Open(Location))
        {
            Assert.True(store.ReadChanges(0).Contexts.IsEmpty);
            store.Commit(new LibraryCommit { Contexts = StoreSamples.ContextsOfTwoSkills });
            ContextState read = store.ReadChanges(0).Contexts;
            Assert.Equal(StoreSamples.ContextsOfTwoSkills.Counts, read.Counts);
            Assert.Equal(StoreSamples.ContextsOfTwoSkills.Splits, read.Splits);
        }

        Assert.Equal(7, Database.Scalar("SELECT max(version) FROM procmem.schema_version"));
        Assert.Equal(skills, Database.Scalar("SELECT string_agg(s::text, ';' ORDER BY id) FROM procmem.skills AS s"));
    }

    [PostgresFact]
    public void Open_ANewerLibrary_IsRefused_AndNothingIsWritten()
    {
        CreateLibrary();
        Database.Scalar("INSERT INTO procmem.schema_version VALUES (99, 'from the future')");
        object? change = Database.Scalar("SELECT change FROM procmem.meta");

        foreach (bool readOnly in new[] { false, true })
        {
            var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open(Location, readOnly));
            Assert.Contains($"was written by a newer procmem (schema 99, this build reads up to {PostgresSchema.CurrentVersion})", e.Message);
        }
        Assert.Equal(change, Database.Scalar("SELECT change FROM procmem.meta"));
        Assert.Equal(PostgresSchema.CurrentVersion + 1L, Database.Scalar("SELECT count(*) FROM procmem.schema_version"));
    }

    [PostgresFact]
    public void Open_ADatabaseWhoseProcmemSchemaIsAnotherApplications_RefusesIt_Untouched()
    {
        Database.Scalar("CREATE SCHEMA procmem; CREATE TABLE procmem.skills (id text); INSERT INTO procmem.skills VALUES ('theirs')");
        string before = SchemaSnapshot();

        foreach (bool readOnly in new[] { false, true })
        {
            var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open(Location, readOnly));
            Assert.Equal($"{PostgresLocation.Describe(Location)} is not a procmem library (its schema 'procmem' belongs to another application)", e.Message);
        }

        Assert.Equal(before, SchemaSnapshot());
        Assert.Null(Database.Scalar("SELECT obj_description('procmem'::regnamespace, 'pg_namespace')"));
        Assert.Equal("theirs", Database.Scalar("SELECT id FROM procmem.skills"));
    }

    [PostgresFact]
    public void Open_AnEmptySchemaWithAnotherComment_IsRefused_ButAnEmptyUncommentedOne_IsAdopted()
    {
        Database.Scalar("CREATE SCHEMA procmem; COMMENT ON SCHEMA procmem IS 'reserved for billing'");
        Assert.Throws<LibraryException>(() => PostgresSkillStore.Open(Location));
        Assert.Equal(0L, Database.Scalar("SELECT count(*) FROM pg_tables WHERE schemaname = 'procmem'"));

        Database.Scalar("COMMENT ON SCHEMA procmem IS NULL");
        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        Assert.Equal(StoreSamples.Manifest, store.Create(StoreSamples.Manifest));
    }

    [PostgresFact]
    public void ReadOnly_OnADatabaseWithoutALibrary_ThrowsAndCreatesNothing()
    {
        var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open(Location, readOnly: true));

        Assert.Equal($"no library at {PostgresLocation.Describe(Location)}", e.Message);
        Assert.Equal(0L, Database.Scalar("SELECT count(*) FROM pg_namespace WHERE nspname = 'procmem'"));
    }

    [PostgresFact]
    public void ReadOnly_ReadsEverything_AndRefusesEveryWrite_WithoutChangingTheDatabase()
    {
        CreateLibrary(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1), 3)], Episodes = [StoreSamples.Episode(1)] });
        object? change = Database.Scalar("SELECT change FROM procmem.meta");

        using PostgresSkillStore store = PostgresSkillStore.Open(Location, readOnly: true);

        Assert.True(store.IsReadOnly);
        Assert.Single(store.ReadChanges(0).Skills);
        Assert.Single(store.ReadDemonstrations(0));
        Assert.Single(store.ReadEpisodes(5));
        Assert.Throws<LibraryException>(() => store.Create(StoreSamples.Manifest));
        Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit()));
        Assert.Throws<LibraryException>(() => store.Prune(new PruneRule { MinSuccessRate = 1 }));
        Assert.Equal(change, Database.Scalar("SELECT change FROM procmem.meta"));
    }

    [PostgresFact]
    public void ReadOnly_Connections_AreRefusedWritesByTheServerItself()
    {
        CreateLibrary();
        using PostgresSkillStore store = PostgresSkillStore.Open(Location, readOnly: true);

        var e = Assert.Throws<LibraryException>(() => store.RunForTests(connection =>
        {
            using var command = new NpgsqlCommand("UPDATE procmem.meta SET change = change + 1", connection);
            return command.ExecuteNonQuery();
        }));

        Assert.Contains("read-only transaction", e.Message);
    }

    [PostgresFact]
    public void CounterOverflow_IsRefused_AndWritesNothing()
    {
        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        store.Create(StoreSamples.Manifest);
        store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1, uses: int.MaxValue - 1))] });
        long change = store.ReadChanges(0).Change;

        var update = Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit { Updates = [new SkillUpdate(0) { AddUses = 2 }], Episodes = [StoreSamples.Episode(1)] }));
        var merge = Assert.Throws<LibraryException>(() => store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1, uses: 5))] }));

        Assert.Contains("the update of skill 0 would leave counters outside 0 <= successes <= uses", update.Message);
        Assert.Contains("new skill 0 ('skill-1') would leave counters outside", merge.Message);
        LibraryChanges after = store.ReadChanges(0);
        Assert.Equal((change, 0L, int.MaxValue - 1), (after.Change, after.Episodes, after.Skills[0].Uses));
    }

    [PostgresFact]
    public void DamagedPolicy_IsReportedWithTheSkillAndTheLocation()
    {
        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        store.Create(StoreSamples.Manifest);
        store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(1)), StoreSamples.New(StoreSamples.Skill(2))] });
        Database.Scalar("UPDATE procmem.skills SET policy_checksum = policy_checksum # 1 WHERE id = 1");

        var e = Assert.Throws<LibraryException>(() => store.ReadChanges(0));

        Assert.Equal($"skill 1 ('skill-2') in {store.Location} is damaged: its policy does not match its checksum", e.Message);
    }

    [PostgresFact]
    public void CommitLog_KeepsOnlyTheLatestResultsOfEachClient()
    {
        using PostgresSkillStore store = PostgresSkillStore.Open(Location);
        store.Create(StoreSamples.Manifest);

        for (int i = 0; i < 10; i++)
            store.Commit(new LibraryCommit { NewSkills = [StoreSamples.New(StoreSamples.Skill(i))] });

        Assert.Equal(4L, Database.Scalar("SELECT count(*) FROM procmem.commit_log"));
        Assert.Equal(10L, Database.Scalar("SELECT max(sequence) FROM procmem.commit_log"));
    }

    [PostgresFact]
    public void WrongPassword_IsAOneLineErrorNamingTheLibrary_WithoutThePassword()
    {
        const string password = "Wr0ng-S3cret-Pa55";
        NpgsqlConnectionStringBuilder settings = PostgresServer.Settings(Database.Name);
        settings.Password = password;

        var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open(settings.ConnectionString));

        AssertNamesTheLibraryWithout(e, settings, password);
        Assert.True(e.Message.Contains("refused the login", StringComparison.Ordinal),
            $"expected a refused login (does {PostgresServer.Variable} point at a server that checks passwords?): {e.Message}");
    }

    [PostgresFact]
    public void MissingDatabase_IsAOneLineErrorNamingIt_WithoutThePassword()
    {
        NpgsqlConnectionStringBuilder settings = PostgresServer.Settings("procmem_no_such_database");

        var e = Assert.Throws<LibraryException>(() => PostgresSkillStore.Open(settings.ConnectionString));

        AssertNamesTheLibraryWithout(e, settings, PostgresServer.Password);
        Assert.Contains("database \"procmem_no_such_database\" does not exist", e.Message);
    }

    private static void AssertNamesTheLibraryWithout(LibraryException e, NpgsqlConnectionStringBuilder settings, string password)
    {
        Assert.Contains($"{settings.Host}:{settings.Port}/{settings.Database}", e.Message);
        if (password.Length > 0)
            Assert.DoesNotContain(password, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    private string SchemaSnapshot() => (string)Database.Scalar("""
        SELECT string_agg(c.relname || ':' || c.relkind::text, ',' ORDER BY c.relname) FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'procmem'
        """)!;

    private void MakeLibraryAtVersion(int version)
    {
        using (var connection = new NpgsqlConnection(Location))
        {
            connection.Open();
            using NpgsqlTransaction transaction = connection.BeginTransaction();
            PostgresSkillStore.Migrate(connection, transaction, 0, version);
            transaction.Commit();
        }
        // The manifest as builds before domains and key models wrote it.
        string manifest = $$"""{"facts":["has_key","door_open","at_goal"],"actions":["left","right","forward"],"featureCount":5,"embeddingDimension":{{StoreSamples.Dimension}},"encoderSeed":{{ulong.MaxValue - 6}}}""";
        Database.Scalar($"UPDATE procmem.meta SET manifest = '{manifest}', next_skill_id = 1, change = 1");
        Database.Scalar("""
            INSERT INTO procmem.outcomes (context, action, moved_forward, moved_right, turns, flipped_facts, count, change)
            VALUES (7, 2, -1, 1, 3, -9223372036854775808, 5, 1), (7, 2, 0, 0, 0, 1, 2, 1)
            """);
        Database.Scalar($"""
            INSERT INTO procmem.skills VALUES (0, 'old', 0, 0, 1, 1, '\x{Convert.ToHexString(KeyCodec.Encode(StoreSamples.Key(0)))}', 5, 0, 0, 1, 0, 1,
                '{OpenLoopPolicy.KindName}', '1', {PolicyChecksum.Of(OpenLoopPolicy.KindName, new byte[4])}, '\x00000000')
            """);
    }
}
