using ProceduralMemory.Environments;
using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools.Procedures;

namespace ProceduralMemory.Tests.Tools.Procedures;

public class ProcedureSkillsTests
{
    private static readonly EmbeddingKeyProvider Keys = ProcedureLibrary.DefaultKeys();

    [Fact]
    public void Create_KeysTheSkillByItsPurpose_AndNamesItAfterTheToolsThatChangeState()
    {
        Procedure procedure = SampleProcedures.Return();

        Skill skill = ProcedureSkills.Create(procedure, Keys);

        Assert.Equal("return_delivered_order_items", skill.Name);
        Assert.Equal(Keys.KeyOf("return delivered order items"), skill.Key);
        Assert.Equal(FactCondition.Always, skill.Preconditions);
        Assert.Equal(FactCondition.Always, skill.Effect);
        Assert.Null(skill.Termination.Goal);
        Assert.Equal(4 + ProcedureSkills.ForEachCalls, skill.Termination.StepLimit);
        Assert.Equal(2, skill.Statistics.Demonstrations);
        Assert.Same(procedure, ProcedureSkills.ProcedureOf(skill));
    }

    [Fact]
    public void NameOf_JoinsSeveralChangingTools_AndFallsBackToTheLastTool()
    {
        Procedure procedure = SampleProcedures.Cancel();
        var twoChanges = procedure with { Steps = [procedure.Steps[0] with { ChangesState = true }, procedure.Steps[1]] };
        var lookups = procedure with { Steps = [procedure.Steps[0], procedure.Steps[1] with { ChangesState = false }] };

        Assert.Equal("get_order_details+cancel_pending_order", ProcedureSkills.NameOf(twoChanges));
        Assert.Equal("cancel_pending_order", ProcedureSkills.NameOf(lookups));
    }

    [Fact]
    public void Create_RefusesAMalformedProcedure()
    {
        var empty = SampleProcedures.Cancel() with { Steps = [] };

        Assert.Throws<InvalidDataException>(() => ProcedureSkills.Create(empty, Keys));
    }

    [Fact]
    public void ProcedureOf_RefusesASkillOfAnotherKind()
    {
        var grid = new Skill("open_door", FactCondition.Always, FactCondition.Always, new OpenLoopPolicy([0]), new SkillTermination(null, 1), [1f, 0f]);

        Assert.Throws<ArgumentException>(() => ProcedureSkills.ProcedureOf(grid));
    }

    [Fact]
    public void ASkillsRecord_BringsItsProcedureBack()
    {
        Skill skill = ProcedureSkills.Create(SampleProcedures.Return(), Keys);

        Skill back = SkillRecord.Of(skill).ToSkill();

        Assert.Equal(ProcedurePolicyCodec.ToBytes(SampleProcedures.Return()), ProcedurePolicyCodec.ToBytes(ProcedureSkills.ProcedureOf(back)));
        Assert.Equal(skill.Key, back.Key);
        Assert.Equal(2, back.Statistics.Demonstrations);
    }

    [Fact]
    public void TheLibrarysIndex_RetrievesProceduresByWhatTheyAreFor()
    {
        var library = new SkillLibrary(Keys.Dimension);
        library.Restore(WithId(ProcedureSkills.Create(SampleProcedures.Return(), Keys), 0));
        library.Restore(WithId(ProcedureSkills.Create(SampleProcedures.Cancel(), Keys), 1));

        Assert.Equal("cancel_pending_order", ProcedureLibrary.Retrieve(library, Keys, "Please cancel my order #W7654321", topK: 1).Single().Name);
        Assert.Equal("return_delivered_order_items", ProcedureLibrary.Retrieve(library, Keys, "I'd like to return the items I received", topK: 1).Single().Name);
    }

    private static Skill WithId(Skill skill, int id)
    {
        SkillRecord record = SkillRecord.Of(skill) with { Id = id };
        return record.ToSkill();
    }
}
