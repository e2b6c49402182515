using Microsoft.Data.Sqlite;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tests.Shared.Stores;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Sqlite.Tests.Procedures;

/// <summary>Procedure libraries in SQLite: procedures, their demonstrations and statistics survive reopening, export and import.</summary>
public sealed class ProcedureLibraryTests : IDisposable
{
    private readonly TemporaryDirectory _directory = new();
    private readonly EmbeddingKeyProvider _keys = ProcedureLibrary.DefaultKeys();

    private string LibraryPath => _directory.Combine("procedures.db");

    public void Dispose() => _directory.Dispose();

    private static byte[] Bytes(Skill skill) => ProcedurePolicyCodec.ToBytes(ProcedureSkills.ProcedureOf(skill));

    [Fact]
    public void Procedures_WithTheirDemonstrationsAndStatistics_SurviveReopening()
    {
        int returnId, cancelId;
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            LibraryManifest manifest = ProcedureLibrary.Open(store, SampleProcedures.Tools, _keys);
            Assert.Equal("tool", manifest.Domain);
            Assert.Equal("embedding/v1 provider=procmem model=hashed-ngrams/v1 dim=256", manifest.KeyModel);
            var added = ProcedureLibrary.Add(store, _keys, [SampleProcedures.Return(), SampleProcedures.Cancel()]);
            Assert.All(added, a => Assert.True(a.Created));
            (returnId, cancelId) = (added[0].Id, added[1].Id);
            ProcedureLibrary.RecordRun(store, returnId, success: true);
            ProcedureLibrary.RecordRun(store, returnId, success: false);
            ProcedureLibrary.RecordRun(store, returnId, success: true);
            Procedure cancel = SampleProcedures.Cancel();
            ProcedureLibrary.Replace(store, cancelId, cancel with
            {
                Demonstrations = [.. cancel.Demonstrations, new ToolDemonstration("tau-retail/train/9", "Cancel #W1111111, it was a mistake.", [])],
            }, addDemonstrations: 1);
        }

        using SqliteSkillStore reopened = SqliteSkillStore.Open(LibraryPath, readOnly: true);
        Assert.Equal(ProcedureLibrary.ManifestFor(SampleProcedures.Tools, _keys), reopened.Manifest);
        SkillLibrary library = ProcedureLibrary.Load(reopened);
        EmbeddingKeyProvider keys = ProcedureLibrary.KeysFor(reopened.Manifest!);
        Skill returning = library.Find(returnId)!, cancelling = library.Find(cancelId)!;
        Assert.Equal(ProcedurePolicyCodec.ToBytes(SampleProcedures.Return()), Bytes(returning));
        Assert.Equal("return_delivered_order_items", returning.Name);
        Assert.Equal((3, 2, 2), (returning.Statistics.Uses, returning.Statistics.Successes, returning.Statistics.Demonstrations));
        Assert.Equal(2, ProcedureSkills.ProcedureOf(cancelling).Demonstrations.Count);
        Assert.Equal("Cancel #W1111111, it was a mistake.", ProcedureSkills.ProcedureOf(cancelling).Demonstrations[1].Instruction);
        Assert.Equal(2, cancelling.Statistics.Demonstrations);
        Assert.Equal(keys.KeyOf("return delivered order items"), returning.Key);
        Assert.Same(cancelling, ProcedureLibrary.Retrieve(library, keys, "please cancel order #W1111111", topK: 1).Single());
        // No migration: a procedure library is an ordinary library of the current schema (7), identities by the tool domain's rule.
        Assert.Equal((long)SqliteSchema.CurrentVersion, Scalar("SELECT max(version) FROM schema_version"));
        Assert.Equal(7, SqliteSchema.CurrentVersion);
        Assert.Equal(ToolDomain.IdentityOf(SampleProcedures.Cancel()), Scalar($"SELECT identity FROM skills WHERE id = {cancelId}"));
        Assert.Equal("procedure", Scalar($"SELECT kind FROM policies WHERE skill_id = {cancelId}"));
    }

    [Fact]
    public void TheSameProcedureLearnedAgain_IsOneSkill_CountingItsDemonstrations()
    {
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        ProcedureLibrary.Open(store, SampleProcedures.Tools, _keys);
        int id = ProcedureLibrary.Add(store, _keys, [SampleProcedures.Return()]).Single().Id;
        Procedure again = SampleProcedures.Return() with
        {
            Slots = [.. SampleProcedures.Return().Slots.Select(s => s with { Cues = ["other"] })],
            Demonstrations = [SampleProcedures.Return().Demonstrations[1]],
        };

        var (sameId, created) = ProcedureLibrary.Add(store, _keys, [again]).Single();
        var (otherId, otherCreated) = ProcedureLibrary.Add(store, _keys, [SampleProcedures.Cancel("ordered by mistake")]).Single();

        Assert.Equal((id, false), (sameId, created));
        Assert.True(otherCreated);
        Assert.NotEqual(id, otherId);
        SkillRecord stored = store.ReadChanges(0).Skills.Single(s => s.Id == id);
        Assert.Equal(3, stored.Demonstrations);
        Assert.Equal(2, store.ReadChanges(0).Skills.Count);
    }

    [Fact]
    public void Export_AndImport_KeepEveryProcedure()
    {
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath))
        {
            ProcedureLibrary.Open(store, SampleProcedures.Tools, _keys);
            int id = ProcedureLibrary.Add(store, _keys, [SampleProcedures.Return(), SampleProcedures.Cancel()])[0].Id;
            ProcedureLibrary.RecordRun(store, id, success: true);
        }
        using var exported = new MemoryStream();
        using (SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath, readOnly: true))
            LibraryJson.Write(exported, LibraryDocument.ReadFrom(store));

        LibraryDocument read = LibraryJson.Read(new MemoryStream(exported.ToArray()));
        string copy = _directory.Combine("copy.db");
        using (SqliteSkillStore store = SqliteSkillStore.Open(copy))
        {
            store.Create(read.Manifest);
            store.Commit(new LibraryCommit { NewSkills = read.Skills, RestoreEpisodes = read.Episodes });
        }
        using var again = new MemoryStream();
        using (SqliteSkillStore store = SqliteSkillStore.Open(copy, readOnly: true))
            LibraryJson.Write(again, LibraryDocument.ReadFrom(store));

        Assert.Equal(System.Text.Encoding.UTF8.GetString(exported.ToArray()), System.Text.Encoding.UTF8.GetString(again.ToArray()));
        Assert.Contains("\"from\": \"result\"", System.Text.Encoding.UTF8.GetString(exported.ToArray()));
        Assert.Equal(ProcedurePolicyCodec.ToBytes(SampleProcedures.Return()), read.Skills[0].Skill.Policy.Data);
        Assert.Equal(1, read.Skills[0].Skill.Successes);
    }

    [Fact]
    public void Open_RefusesAGridLibrary_AnotherToolSet_AndAnotherKeyModel()
    {
        using (SqliteSkillStore grid = SqliteSkillStore.Open(_directory.Combine("grid.db")))
        {
            grid.Create(StoreSamples.Manifest);
            Assert.Contains("domain is 'grid', not 'tool'", Assert.Throws<LibraryException>(() => ProcedureLibrary.Open(grid, SampleProcedures.Tools, _keys)).Message);
            Assert.Contains("holds no procedures", Assert.Throws<LibraryException>(() => ProcedureLibrary.Load(grid)).Message);
        }
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath);
        ProcedureLibrary.Open(store, SampleProcedures.Tools, _keys);

        Assert.Contains("its actions are", Assert.Throws<LibraryException>(() => ProcedureLibrary.Open(store, ["book_reservation"], _keys)).Message);
        Assert.Contains("another key model", Assert.Throws<LibraryException>(() => ProcedureLibrary.Open(store, SampleProcedures.Tools, ProcedureLibrary.DefaultKeys(64))).Message);
        Assert.Contains("not 'embedding/v1 provider=test-provider", Assert.Throws<LibraryException>(() =>
            ProcedureLibrary.KeysFor(store.Manifest!, new ProceduralMemory.Tests.Shared.Keys.TrigramEmbeddingGenerator(256))).Message);
    }

    [Fact]
    public void AnEmptyReadOnlyStore_IsNotMadeALibrary()
    {
        using (SqliteSkillStore.Open(LibraryPath)) { }
        using SqliteSkillStore store = SqliteSkillStore.Open(LibraryPath, readOnly: true);

        Assert.Contains("empty", Assert.Throws<LibraryException>(() => ProcedureLibrary.Open(store, SampleProcedures.Tools, _keys)).Message);
    }

    private object? Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={LibraryPath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
