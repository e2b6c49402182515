using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Domains;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Postgres.Tests;

/// <summary>Procedure libraries on a PostgreSQL server: procedures, their demonstrations and statistics survive reopening, with no schema change.</summary>
public sealed class PostgresProcedureLibraryTests : DatabaseTest
{
    private readonly EmbeddingKeyProvider _keys = ProcedureLibrary.DefaultKeys();

    [PostgresFact]
    public void Procedures_WithTheirDemonstrationsAndStatistics_SurviveReopening()
    {
        int returnId, cancelId;
        using (PostgresSkillStore store = PostgresSkillStore.Open(Location))
        {
            ProcedureLibrary.Open(store, SampleProcedures.Tools, _keys);
            var added = ProcedureLibrary.Add(store, _keys, [SampleProcedures.Return(), SampleProcedures.Cancel()]);
            (returnId, cancelId) = (added[0].Id, added[1].Id);
            ProcedureLibrary.RecordRun(store, returnId, success: true);
            ProcedureLibrary.RecordRun(store, returnId, success: false);
            Procedure cancel = SampleProcedures.Cancel();
            ProcedureLibrary.Replace(store, cancelId, cancel with
            {
                Demonstrations = [.. cancel.Demonstrations, new ToolDemonstration("tau-retail/train/9", "Cancel #W1111111, it was a mistake.", [])],
            }, addDemonstrations: 1);
            // The same procedure again merges into the stored one, by the tool domain's identity.
            Assert.Equal((returnId, false), ProcedureLibrary.Add(store, _keys, [SampleProcedures.Return() with { Demonstrations = [] }]).Single());
        }

        using PostgresSkillStore reopened = PostgresSkillStore.Open(Location, readOnly: true);
        Assert.Equal(ProcedureLibrary.ManifestFor(SampleProcedures.Tools, _keys), reopened.Manifest);
        SkillLibrary library = ProcedureLibrary.Load(reopened);
        Skill returning = library.Find(returnId)!, cancelling = library.Find(cancelId)!;
        Assert.Equal(ProcedurePolicyCodec.ToBytes(SampleProcedures.Return()), ProcedurePolicyCodec.ToBytes(ProcedureSkills.ProcedureOf(returning)));
        Assert.Equal((2, 1, 2), (returning.Statistics.Uses, returning.Statistics.Successes, returning.Statistics.Demonstrations));
        Assert.Equal("Cancel #W1111111, it was a mistake.", ProcedureSkills.ProcedureOf(cancelling).Demonstrations[1].Instruction);
        Assert.Equal(2, cancelling.Statistics.Demonstrations);
        Assert.Same(returning, ProcedureLibrary.Retrieve(library, ProcedureLibrary.KeysFor(reopened.Manifest!), "I want to return the items I got", topK: 1).Single());
        Assert.Equal(PostgresSchema.CurrentVersion, Database.Scalar("SELECT max(version) FROM procmem.schema_version"));
        Assert.Equal(ToolDomain.IdentityOf(SampleProcedures.Cancel()), Database.Scalar($"SELECT identity FROM procmem.skills WHERE id = {cancelId}"));
    }
}
