using ProceduralMemory.Memory;
using ProceduralMemory.Memory.Keys;
using ProceduralMemory.Memory.Policies;
using ProceduralMemory.Memory.Store;
using ProceduralMemory.Tests.Shared.Procedures;
using ProceduralMemory.Tools.Procedures;
using ProceduralMemory.Tools.Procedures.Consolidation;

namespace ProceduralMemory.Tests.Shared.Stores;

public abstract partial class SkillStoreContractTests
{
    private static readonly EmbeddingKeyProvider ProcedureKeys = ProcedureLibrary.DefaultKeys();

    [StoreFact]
    public void Consolidation_MergesRecordedVariants_InOneCommit_RetiringTheMembersWithTheirCountsCarriedOver()
    {
        ISkillStore store = OpenStore();
        IReadOnlyList<int> ids = RecordedCancellations.RecordEach(store, ProcedureKeys, RecordedCancellations.All());
        int[] variants = [.. ids.Distinct()];
        Assert.True(variants.Length >= 2, $"{variants.Length} variants recorded");
        foreach (int id in variants)
            ProcedureLibrary.RecordRun(store, id, success: true);
        SkillLibrary before = ProcedureLibrary.Load(store);
        long changeBefore = store.ReadChanges(0).Change;

        ProcedureConsolidation.Result result = ProcedureConsolidation.Run(store, RecordedCancellations.Tools, ProcedureKeys, new RetirementRule(), dryRun: false);

        ProcedureGroup group = Assert.Single(result.Groups);
        Assert.Null(group.Refusal);
        Assert.Equal(variants.Order(), group.Members.Select(m => m.Id).Order());
        Assert.Equal((variants.Length, 1), (result.ActiveBefore, result.ActiveAfter));
        Assert.Equal(changeBefore + 1, store.ReadChanges(0).Change); // one commit
        SkillLibrary after = ProcedureLibrary.Load(store);
        Skill merged = Assert.Single(after.ActiveSkills);
        Assert.Equal(group.Into!.Value.Id, merged.Id);
        Assert.Equal(
            (before.Skills.Sum(s => s.Statistics.Uses), before.Skills.Sum(s => s.Statistics.Successes), before.Skills.Sum(s => s.Statistics.Demonstrations)),
            (merged.Statistics.Uses, merged.Statistics.Successes, merged.Statistics.Demonstrations));
        foreach (Skill member in after.Skills.Where(s => s.Id != merged.Id))
        {
            Assert.StartsWith($"merged into {merged.Name}", member.Retirement!.Reason);
            Assert.True(member.Retirement.CountsCarriedOver);
        }
        // The merged procedure replays every recorded demonstration: the named orders and the looked-up ones.
        var replay = new DemonstrationReplay(RecordedCancellations.Tools);
        Assert.All(RecordedCancellations.All(), d => Assert.True(replay.Reproduces(ProcedureSkills.ProcedureOf(merged), d), d.Instruction));
    }

    [StoreFact]
    public void Consolidation_DryRun_WritesNothing_AndTwoLibrariesConsolidateAlike()
    {
        ISkillStore store = OpenStore();
        RecordedCancellations.RecordEach(store, ProcedureKeys, RecordedCancellations.All());
        long change = store.ReadChanges(0).Change;
        ProcedureConsolidation.Result dry = ProcedureConsolidation.Run(store, RecordedCancellations.Tools, ProcedureKeys, new RetirementRule(), dryRun: true);
        Assert.Equal(change, store.ReadChanges(0).Change);
        Assert.Equal(1, dry.ActiveAfter);

        ProcedureConsolidation.Result done = ProcedureConsolidation.Run(store, RecordedCancellations.Tools, ProcedureKeys, new RetirementRule(), dryRun: false);
        Assert.Equal(ProcedurePolicyCodec.ToBytes(dry.Groups[0].Merged!), ProcedurePolicyCodec.ToBytes(done.Groups[0].Merged!));
        // Nothing left to merge: a second consolidation changes nothing.
        ProcedureConsolidation.Result again = ProcedureConsolidation.Run(store, RecordedCancellations.Tools, ProcedureKeys, new RetirementRule(), dryRun: false);
        Assert.Empty(again.Groups);
        Assert.Equal(change + 1, store.ReadChanges(0).Change);
    }

    [StoreFact]
    public void Consolidation_RetiresAProcedureWhoseUsesMostlyFail_ByTheLifecycleRule_Restorably()
    {
        ISkillStore store = OpenStore();
        int id = RecordedCancellations.RecordEach(store, ProcedureKeys, [RecordedCancellations.Named("#W1000001", "no longer needed")]).Single();
        var rule = new RetirementRule { MinUses = 10, MinSuccessRate = 0.2 };
        for (int i = 0; i < 10; i++)
            ProcedureLibrary.RecordRun(store, id, success: i == 0);

        ProcedureConsolidation.Result result = ProcedureConsolidation.Run(store, RecordedCancellations.Tools, ProcedureKeys, rule, dryRun: false);

        Assert.Equal(id, Assert.Single(result.Failing).Skill.Id);
        Skill retired = ProcedureLibrary.Load(store).Find(id)!;
        Assert.StartsWith("succeeded 1 of 10 uses", retired.Retirement!.Reason);
        Assert.False(retired.Retirement.CountsCarriedOver);
        Assert.Equal(0, result.ActiveAfter);
    }
}
